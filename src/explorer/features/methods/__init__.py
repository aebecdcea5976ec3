"""Methods: the model's channels, equations and parameters."""
