"""The action policy: read-only mode, the identity's rights on the cursor's resource, what the cursor is on."""

from __future__ import annotations

from sigtui.store.reads.gallery_summaries import GallerySummary
from sigtui.tui.policy import ActionPolicy
from sigtui.tui.widgets.tree_nodes import NodeData

from .conftest import FIXED

GALLERY = GallerySummary(1, "sub-1", "Production", "rg-images", "ContosoImages", "westus", 2)
NODE = NodeData("gallery", "ContosoImages", pk=1, gallery=GALLERY)
GROUP = NodeData("group", "rg-images", subscription="sub-1", resource_group="rg-images")


def policy(readonly: bool = False, visible: bool = True) -> ActionPolicy:
    return ActionPolicy(readonly, lambda _arm_id: visible)


def test_read_only_hides_every_change_and_keeps_the_rest():
    readonly = policy(readonly=True)
    for action in ("toggle_clock", "advance_clock", "create_resource", "delete_resource", "create_vm", "share"):
        assert readonly.check(action, NODE, FIXED) is False
    assert readonly.check("copy_id", NODE, FIXED) is True
    readonly.learned(GALLERY.id, frozenset({"write", "share"}))
    assert not readonly.allowed("write", GALLERY.id) and readonly.allowed("read", GALLERY.id)


def test_share_follows_the_identity_s_rights_once_known():
    rights = policy()
    rights.learned(GALLERY.id.upper(), frozenset({"share"}))
    assert rights.check("share", NODE, FIXED) is True
    assert rights.check("share", GROUP, FIXED) is False, "only galleries, definitions and versions are shared"
    rights.forget()
    assert not rights.knows(GALLERY.id)


def test_the_cursor_decides_retry_and_create_vm():
    rights = policy()
    assert rights.check("retry", NODE, FIXED) is False, "retry only on a version with a failed region"
    assert rights.check("create_vm", NODE, FIXED) is None, "a VM comes from a definition or a version"
    assert rights.check("create_vm", None, FIXED) is None


def test_an_unknown_answer_keeps_the_footer_as_it_was():
    rights = policy()
    everything = (False, None, True, True, True, True, True, True, None)
    assert rights.offered(NODE, FIXED) == everything, "shown until known otherwise"
    rights.learned(GALLERY.id, frozenset())
    nothing = (False, None, False, False, False, False, False, False, None)
    assert rights.offered(NODE, FIXED) == nothing
    other = NodeData("gallery", "Other", pk=2, gallery=GallerySummary(2, "sub-1", "P", "rg", "Other", "westus", 0))
    assert rights.offered(other, FIXED) == nothing, "while the next answer loads, the footer stays as it was"


def test_changes_follow_the_identity_s_rights_and_say_why_they_are_refused():
    rights = policy()
    assert rights.refusal("edit_resource", NODE, "dana") is None, "no refusal before the answer is known"
    rights.learned(GALLERY.id, frozenset())
    for action in ("create_resource", "edit_resource", "delete_resource", "fix_region"):
        assert rights.check(action, NODE, FIXED) is False
    reason = rights.refusal("delete_resource", NODE, "dana")
    assert reason.startswith("AuthorizationFailed: the client 'dana'")
    assert "'Microsoft.Compute/galleries/delete'" in reason and GALLERY.id in reason
    rights.learned(GALLERY.id, frozenset({"write"}))
    assert rights.check("edit_resource", NODE, FIXED) is True and rights.check("delete_resource", NODE, FIXED) is False
    assert rights.refusal("edit_resource", NODE, "dana") is None
    assert rights.check("edit_resource", GROUP, FIXED) is False, "a resource group is not edited here"


def test_reads_follow_what_the_identity_sees():
    assert policy(visible=False).allowed("read", GALLERY.id) is False
    assert policy().allowed("read", "") is False
