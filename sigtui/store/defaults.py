"""The identities a new database starts with: one tenant, one default subscription and its owner."""

DEFAULT_TENANT = ("72f988bf-86f1-41af-91ab-2d7cd011db47", "Contoso", "contoso.onmicrosoft.com")
DEFAULT_SUBSCRIPTION = ("6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40", "Contoso Production")
DEFAULT_OWNER = "admin@contoso.onmicrosoft.com"
NOBODY = "00000000-0000-0000-0000-000000000000"
