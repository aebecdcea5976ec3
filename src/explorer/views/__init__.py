"""Pure view functions: each page's frames, chart specs and texts."""
