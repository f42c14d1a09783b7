"""`sigtui serve`: the REST face over HTTPS, with a local certificate authority and an OAuth token endpoint."""
