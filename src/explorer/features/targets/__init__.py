"""Targets tracker: progress and verdicts of the paper's targets, and the page's view."""
