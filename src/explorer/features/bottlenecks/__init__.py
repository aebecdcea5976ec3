"""Bottlenecks: the paper's five bottlenecks with their figures, charts and measures."""
