"""`sigtui sig image-definition create|show|list|update|delete`, as `az sig image-definition`."""

from __future__ import annotations

from ..domain.models import ImageDefinition
from ..domain.rest import definition_to_rest
from . import arm, azparse, generic_update, lookup
from .context import atomic
from .parser import add_definition, add_gallery, add_location, add_tags, enum, subcommands, tags
from .sig import location_or_group


def create(ctx, ns) -> dict:
    end_of_life = azparse.end_of_life(ns.end_of_life_date, ctx.now())
    definition = ImageDefinition(
        ctx.subscription or "", ns.resource_group, ns.gallery, ns.definition, location_or_group(ctx, ns),
        ns.publisher, ns.offer, ns.sku, ns.os_type, ns.os_state, ns.hyper_v_generation, ns.description, ns.eula,
        ns.privacy_statement_uri, ns.release_note_uri, end_of_life, tags(ns.tags) or {},
        ns.minimum_cpu_core, ns.maximum_cpu_core, ns.minimum_memory, ns.maximum_memory,
        tuple(ns.disallowed_disk_types or ()), ns.plan_name, ns.plan_publisher, ns.plan_product, ns.architecture)
    return definition_to_rest(ctx.services.create_definition(definition))


def show(ctx, ns) -> dict:
    return definition_to_rest(lookup.definition(ctx, ns.resource_group, ns.gallery, ns.definition))


def list_(ctx, ns) -> list:
    return [definition_to_rest(d) for d in lookup.definitions(ctx, ns.resource_group, ns.gallery)]


@atomic
def update(ctx, ns) -> dict:
    current = definition_to_rest(lookup.definition(ctx, ns.resource_group, ns.gallery, ns.definition))
    updated = generic_update.run(current, "definition", ns, lambda patch: ctx.services.update_definition(
        ctx.subscription, ns.resource_group, ns.gallery, ns.definition, patch))
    return definition_to_rest(updated)


def delete(ctx, ns) -> None:
    arm.delete(lambda: ctx.services.delete_definition(ctx.subscription, ns.resource_group, ns.gallery,
                                                      ns.definition))


def _create_arguments(p) -> None:
    add_definition(p)
    add_location(p)
    p.add_argument("-p", "--publisher", required=True)
    p.add_argument("-f", "--offer", required=True)
    p.add_argument("-s", "--sku", required=True)
    p.add_argument("--os-type", required=True, type=enum("Windows", "Linux"))
    p.add_argument("--os-state", default="Generalized", type=enum("Generalized", "Specialized"))
    p.add_argument("--hyper-v-generation", default="V1", type=enum("V1", "V2"))
    p.add_argument("--architecture", type=enum("x64", "Arm64"))
    for name in ("--description", "--eula", "--privacy-statement-uri", "--release-note-uri", "--end-of-life-date",
                 "--plan-name", "--plan-product", "--plan-publisher"):
        p.add_argument(name)
    for name in ("--minimum-cpu-core", "--maximum-cpu-core", "--minimum-memory", "--maximum-memory"):
        p.add_argument(name, type=int)
    p.add_argument("--disallowed-disk-types", nargs="*", help="disk types a VM from this image may not use")
    add_tags(p)


def build(parser, group) -> None:
    verbs = subcommands(parser)
    p = verbs.add_parser("create", help="create an image definition")
    _create_arguments(p)
    p.set_defaults(handler=create)
    p = verbs.add_parser("show", help="show an image definition")
    add_definition(p)
    p.set_defaults(handler=show)
    p = verbs.add_parser("list", help="list the image definitions of a gallery")
    add_gallery(p)
    p.set_defaults(handler=list_)
    p = verbs.add_parser("update", help="update an image definition (--set recommended.vCPUs.max=16 ...)")
    add_definition(p)
    generic_update.add_arguments(p)
    p.set_defaults(handler=update)
    p = verbs.add_parser("delete", help="delete an image definition without versions")
    add_definition(p)
    p.set_defaults(handler=delete)
