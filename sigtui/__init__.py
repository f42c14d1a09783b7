"""sigtui: an offline workbench for Azure Compute Gallery."""
