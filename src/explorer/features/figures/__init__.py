"""Figures: every quantitative statement of the paper, filtered, in its paragraph."""
