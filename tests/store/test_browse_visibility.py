"""The workbench's read model counts only what the identity may see."""

from sigtui.store.browse import Catalog

from .world import build_world


def test_counts_do_not_leak_what_is_not_shared(svc):
    world = build_world(svc)
    world.create("1.0.0")
    world.create("1.1.0")
    version = svc.get_version(None, "rg", "gallery1", "linux", "1.0.0")
    svc.create_principal("User", "Pat", "pat@contoso.onmicrosoft.com")
    svc.create_role_assignment("pat@contoso.onmicrosoft.com", "Reader", version.id)
    catalog = Catalog(svc.db.path, "pat@contoso.onmicrosoft.com")
    [gallery] = catalog.galleries()
    assert gallery.definition_count == 1
    [definition] = catalog.definitions(gallery.pk)
    assert definition.version_count == 1
    owner = Catalog(svc.db.path)
    assert owner.galleries()[0].definition_count == 2
    assert {d.name: d.version_count for d in owner.definitions(gallery.pk)} == {"linux": 2, "special": 0}
