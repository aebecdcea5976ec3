"""Scenarios: results (deltas, odds, summary, exports), cards, peers, brief, charts and the page's caches."""
