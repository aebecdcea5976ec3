"""The "no such page" view."""
