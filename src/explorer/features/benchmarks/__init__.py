"""Benchmarks: the three cities on like-for-like indicators (view and charts)."""
