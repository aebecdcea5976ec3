"""Page views: pure functions that turn the cached loaders' frames into what a page shows."""
