"""The hindcast: the model's trend machinery scored against what was published since (run, view, charts, cache)."""
