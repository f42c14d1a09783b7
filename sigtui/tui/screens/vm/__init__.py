"""The VM-creation dialog (Basics, then Review + create) and the list of every VM and scale set."""
