"""The REST face: ARM routing and one `handle(request) -> response`, shared by `sigtui rest` and `sigtui serve`."""
