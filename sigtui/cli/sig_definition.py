"""`sigtui sig image-definition create|show|list|update|delete`, as `az sig image-definition`."""

from __future__ import annotations

from ..domain.models import ImageDefinition
from ..domain.rest import definition_to_rest
from . import arm, azparse, generic_update
from .context import atomic
from .output import UsageError
from .parser import add_definition, add_gallery, add_location, add_tags, enum, subcommands, tags
from .sig import location_or_group
from .sig_share import add_shared_verbs


def create(ctx, ns) -> dict:
    end_of_life = azparse.end_of_life(ns.end_of_life_date, ctx.now())
    definition = ImageDefinition(
        ctx.subscription or "", ns.resource_group, ns.gallery, ns.definition, location_or_group(ctx, ns),
        ns.publisher, ns.offer, ns.sku, ns.os_type, ns.os_state, ns.hyper_v_generation, ns.description, ns.eula,
        ns.privacy_statement_uri, ns.release_note_uri, end_of_life, tags(ns.tags) or {},
        ns.minimum_cpu_core, ns.maximum_cpu_core, ns.minimum_memory, ns.maximum_memory,
        tuple(ns.disallowed_disk_types or ()), ns.plan_name, ns.plan_publisher, ns.plan_product, ns.architecture,
        features=_features(ns.features))
    return definition_to_rest(ctx.services.create_definition(definition))


def _features(text: str | None) -> tuple[tuple[str, str], ...]:
    """az's `--features "KEY=VALUE KEY=VALUE"`."""
    pairs = []
    for item in (text or "").split():
        name, equals, value = item.partition("=")
        if not equals:
            raise UsageError("usage error: --features KEY=VALUE [KEY=VALUE ...]")
        pairs.append((name, value))
    return tuple(pairs)


def show(ctx, ns) -> dict:
    return definition_to_rest(ctx.lookups.definition(None, ns.resource_group, ns.gallery, ns.definition).value)


def list_(ctx, ns) -> list:
    return [definition_to_rest(d) for d in ctx.lookups.definitions(None, ns.resource_group, ns.gallery)]


@atomic
def update(ctx, ns) -> dict:
    current = definition_to_rest(ctx.lookups.definition(None, ns.resource_group, ns.gallery, ns.definition).value)
    updated = generic_update.run(current, "definition", ns, lambda patch: ctx.services.update_definition(
        ctx.subscription, ns.resource_group, ns.gallery, ns.definition, patch))
    return definition_to_rest(updated)


def delete(ctx, ns) -> None:
    arm.delete(lambda: ctx.services.delete_definition(ctx.subscription, ns.resource_group, ns.gallery,
                                                      ns.definition))


GALLERY = "--resource-group MyResourceGroup --gallery-name MyGallery"
SCOPE = f"{GALLERY} --gallery-image-definition MyImage"
EXAMPLES = {
    "create": (("Create a Linux image definition.",
                f"sigtui sig image-definition create {SCOPE} --publisher Contoso --offer Ubuntu --sku 22_04 "
                "--os-type Linux"),
               ("Create a specialized Windows image definition for Hyper-V generation 2 VMs.",
                f"sigtui sig image-definition create {GALLERY} --gallery-image-definition MyWindowsImage "
                "--publisher Contoso --offer WindowsServer --sku 2022 --os-type Windows --os-state Specialized "
                "--hyper-v-generation V2")),
    "show": (("Show an image definition.", f"sigtui sig image-definition show {SCOPE}"),),
    "list": (("List the image definitions of a gallery as a table.",
              f"sigtui sig image-definition list {GALLERY} -o table"),
             ("List the Linux image definitions' names.",
              "sigtui sig image-definition list -g MyResourceGroup -r MyGallery "
              "--query \"[?properties.osType=='Linux'].name\" -o tsv")),
    "update": (("Recommend 2 to 16 vCPUs for VMs made from the image.",
                f"sigtui sig image-definition update {SCOPE} --set recommended.vCPUs.min=2 recommended.vCPUs.max=16"),
               ("Set the end-of-life date.",
                f"sigtui sig image-definition update {SCOPE} --set endOfLifeDate=2030-01-01T00:00:00Z")),
    "delete": (("Delete an image definition (it must hold no versions).",
                f"sigtui sig image-definition delete {GALLERY} --gallery-image-definition MyWindowsImage"),),
}


def _create_arguments(p) -> None:
    add_definition(p)
    add_location(p)
    p.add_argument("-p", "--publisher", required=True, help="Gallery image definition publisher.")
    p.add_argument("-f", "--offer", required=True, help="Gallery image definition offer.")
    p.add_argument("-s", "--sku", required=True, help="Gallery image definition SKU.")
    p.add_argument("--os-type", required=True, type=enum("Windows", "Linux"), help="The type of the OS.")
    p.add_argument("--os-state", default="Generalized", type=enum("Generalized", "Specialized"),
                   help="Whether VMs made from the image are generalized or specialized.")
    p.add_argument("--hyper-v-generation", default="V1", type=enum("V1", "V2"),
                   help="The hypervisor generation of the virtual machine.")
    p.add_argument("--architecture", type=enum("x64", "Arm64"), help="CPU architecture.")
    for name, about in (("--description", "The description of the gallery image definition."),
                        ("--eula", "The Eula agreement for the gallery image definition."),
                        ("--privacy-statement-uri", "The privacy statement uri."),
                        ("--release-note-uri", "The release note uri."),
                        ("--end-of-life-date", "The end of life date, e.g. '2030-12-31'."),
                        ("--plan-name", "Plan name."), ("--plan-product", "Plan product."),
                        ("--plan-publisher", "Plan publisher.")):
        p.add_argument(name, help=about)
    for name, about in (("--minimum-cpu-core", "Minimum CPU cores."), ("--maximum-cpu-core", "Maximum CPU cores."),
                        ("--minimum-memory", "Minimum memory in MB."), ("--maximum-memory", "Maximum memory in MB.")):
        p.add_argument(name, type=int, help=about)
    p.add_argument("--disallowed-disk-types", nargs="*", help="Disk types which would not work with the image, e.g. "
                                                              "Standard_LRS.")
    p.add_argument("--features", help="A list of gallery image features, e.g. \"SecurityType=TrustedLaunchSupported "
                                      "IsAcceleratedNetworkSupported=True DiskControllerTypes=SCSI,NVMe\".")
    add_tags(p)


def build(parser, group) -> None:
    parser.examples = EXAMPLES["create"][:1]
    verbs = subcommands(parser)
    p = verbs.add_parser("create", help="Create a gallery image definition.", examples=EXAMPLES["create"])
    _create_arguments(p)
    p.set_defaults(handler=create)
    helps = {"show": "Show a gallery image definition.", "list": "List the image definitions of a gallery.",
             "update": "Update a gallery image definition.",
             "delete": "Delete a gallery image definition that holds no versions."}
    handlers = {"show": show, "list": list_, "update": update, "delete": delete}
    generic_update.add_resource_verbs(verbs, handlers, EXAMPLES, helps, add_definition, add_gallery)
    add_shared_verbs(verbs, "definition")
