"""The frame every page shares: language, navigation, URL-bound widgets, notices, routing of unknown paths."""
