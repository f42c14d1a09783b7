"""Created VMs and scale sets as leaves under the image version they were created from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from rich.text import Text
from textual.widgets.tree import TreeNode

from .widgets.resource_tree import ResourceTree
from .widgets.tree_nodes import NodeData


def _version_nodes(node: TreeNode[NodeData]) -> Iterator[TreeNode[NodeData]]:
    for child in node.children:
        if child.data is not None and child.data.kind == "version":
            yield child
        elif child.children:
            yield from _version_nodes(child)


def attach_vm_leaves(tree: ResourceTree, vms: Iterable[dict]) -> None:
    """Give every shown version its VMs as leaves (kind `vm`); a version without VMs stays a leaf itself."""
    from .screens.vm.rows import leaf_label, version_id

    by_version: dict[str, list[str]] = defaultdict(list)
    for body in vms:
        by_version[version_id(body)].append(leaf_label(body))
    for node in _version_nodes(tree.root):
        labels = by_version.get(node.data.summary.id.lower(), [])
        if [child.data.name for child in node.children] == labels:
            continue
        node.remove_children()
        for label in labels:
            node.add_leaf(Text(label), NodeData("vm", label))
        node.allow_expand = bool(labels)
