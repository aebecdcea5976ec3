"""The data layer: CSV sources → DuckDB build, start-up check, gateway (the only SQL), cached loaders, downloads."""
