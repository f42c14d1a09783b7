"""Create and edit dialogs for galleries, definitions and versions, and the questions around deleting."""
