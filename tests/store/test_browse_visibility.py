"""The workbench's read model counts only what the identity may see."""

from datetime import UTC, datetime

from sigtui.cli.main import main
from sigtui.store.reads.workbench import Catalog

from .world import build_world

PAT = "pat@contoso.onmicrosoft.com"


def pat_reads_one_of_two_versions(svc) -> None:
    """Versions 1.0.0 and 1.1.0 of one definition; Pat is a Reader of 1.0.0 alone."""
    world = build_world(svc)
    world.create("1.0.0")
    world.create("1.1.0")
    version = svc.get_version(None, "rg", "gallery1", "linux", "1.0.0")
    svc.create_principal("User", "Pat", PAT)
    svc.create_role_assignment(PAT, "Reader", version.id)


def test_counts_do_not_leak_what_is_not_shared(svc):
    pat_reads_one_of_two_versions(svc)
    catalog = Catalog(svc.db.path, PAT)
    [gallery] = catalog.galleries()
    assert gallery.definition_count == 1
    [definition] = catalog.definitions(gallery.pk)
    assert definition.version_count == 1
    owner = Catalog(svc.db.path)
    assert owner.galleries()[0].definition_count == 2
    assert {d.name: d.version_count for d in owner.definitions(gallery.pk)} == {"linux": 2, "special": 0}


def test_the_workbench_shows_nothing_of_a_subscription_without_a_role(tmp_path):
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    catalog = Catalog(path, "guest@fabrikam.onmicrosoft.com")
    production = "/subscriptions/6a3c8e2f-3b1d-4c7e-9f0a-5d2b7c8e1f40"
    shown = [g.id for g in catalog.galleries()] + [e.resource_id for e in catalog.search_entries()]
    assert shown and not any(i.startswith(production) for i in shown)
    matched = catalog.filter_tree("Contoso", datetime.now(UTC))
    assert all(d.subscription != production.rsplit("/", 1)[1] for d in matched.definitions)
    assert catalog.activity(production, datetime.now(UTC)) == []


def test_a_wide_filter_counts_only_the_versions_the_identity_may_see(svc, monkeypatch):
    from sigtui.store.reads import filtering

    monkeypatch.setattr(filtering, "COUNTED_ABOVE", 1)
    pat_reads_one_of_two_versions(svc)
    owner = Catalog(svc.db.path).filter_tree("1.", datetime.now(UTC))
    assert owner.versions == {} and [len(pks) for pks in owner.counted.values()] == [2]
    pat = Catalog(svc.db.path, PAT).filter_tree("1.", datetime.now(UTC))
    [(definition_pk, pks)] = pat.counted.items()
    assert [v.name for v in Catalog(svc.db.path).versions_by_pk(pks)[definition_pk]] == ["1.0.0"]
    assert {v for _, _, v in pat.paths if v is not None} == set(pks)


def test_the_first_screen_shows_only_the_galleries_the_identity_sees(tmp_path):
    from sigtui.store.reads.gallery_summaries import opening_galleries

    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    guest = "guest@fabrikam.onmicrosoft.com"
    shown = opening_galleries(path, guest)
    assert shown == Catalog(path, guest).galleries()
    assert shown and len(shown) < len(opening_galleries(path, "admin@contoso.onmicrosoft.com"))
