"""One package per page area: each holds its pure view functions (and charts, results, cache where it has them)."""
