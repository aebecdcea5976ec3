"""Recommendations: the measures mapped to bottlenecks and to the model's levers."""
