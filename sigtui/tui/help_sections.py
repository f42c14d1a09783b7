"""The bindings of the tree and the dialogs, as help lists them."""

from __future__ import annotations

from .keys import FORM_BINDINGS
from .widgets.resource_tree import ResourceTree


def help_sections() -> tuple:
    """The bindings of the tree and the dialogs, in help's order (the dialogs load when help first opens)."""
    from .screens.copy_as import CopyAsScreen
    from .screens.identity import IdentityScreen
    from .screens.prune import PruneScreen
    from .screens.share import ShareScreen
    from .screens.usage import UsageScreen
    from .screens.vm.dialog import CreateVmDialog

    return (
        ("Tree", ResourceTree.BINDINGS),
        ("Share dialog", ShareScreen.BINDINGS),
        ("Identity picker", IdentityScreen.BINDINGS),
        ("VM dialog", CreateVmDialog.BINDINGS),
        ("Retention planner", PruneScreen.BINDINGS),
        ("Who uses", UsageScreen.BINDINGS),
        ("Create and edit forms", FORM_BINDINGS),
        ("Copy as dialog", CopyAsScreen.BINDINGS),
    )
