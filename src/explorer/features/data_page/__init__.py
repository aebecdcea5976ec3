"""Data and SQL: tables, the console's messages, downloads and citations."""
