"""The read-only SQL console: a user query runs in a child process with its own read-only DuckDB and hard limits."""
