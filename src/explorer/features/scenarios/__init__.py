"""Scenarios: results (deltas, odds, summary), downloads, cards, peers, brief, charts and the page's caches."""
