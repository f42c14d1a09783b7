"""The demo tells the seeds' story in every state; the scale data sits exactly at Azure's limits."""

from datetime import UTC, datetime

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import Gallery
from sigtui.domain.replication import version_status

START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def demo(svc):
    from sigtui.store.demo import build_demo

    build_demo(svc, start=START)
    return svc


def states(svc, rg, gallery, definition):
    return {v.name: version_status(v, svc.now()) for v in svc.list_versions(None, rg, gallery, definition)}


def test_demo_tells_the_seed_story(demo):
    subs = {s.name: s for s in demo.list_subscriptions()}
    assert set(subs) == {"Contoso Production", "Contoso Dev/Test"}
    assert subs["Contoso Production"].allowed_regions == ("australiacentral", "australiacentral2")
    assert demo.now() == START
    triples = {
        d.name: (d.publisher, d.offer, d.sku, d.os_type, d.os_state, d.hyper_v_generation)
        for d in demo.list_definitions(None, "rg-finance", "FinanceGallery")
    }
    assert triples["myImage1"][:3] == ("Contoso", "Finance", "Backend")
    assert triples["myImage2"][:3] == ("Contoso", "Finance", "Frontend")
    assert triples["myImage3"][:3] == ("Testing", "Finance", "Frontend")
    kinds = {t[3:] for t in triples.values()}
    assert ("Linux", "Specialized", "V1") in kinds and ("Windows", "Generalized", "V2") in kinds


def test_demo_shows_every_version_state(demo):
    web = states(demo, "rg-images", "ContosoImages", "ubuntu-web")
    assert web["1.3.0"][0].value == "InProgress"
    assert {s.state.value for s in web["1.3.0"][1]} >= {"Completed", "Replicating"}
    rhel = states(demo, "rg-images", "ContosoImages", "rhel-app")["1.0.0"]
    assert rhel[0].value == "Failed"
    assert [s.details for s in rhel[1] if s.state.value == "Failed"] == ["Failed with internal server error."]
    versions = {v.name: v for v in demo.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web")}
    assert versions["1.0.0"].end_of_life_date < START
    assert versions["1.2.0"].target_regions[0].exclude_from_latest is True
    assert demo.list_versions(None, "rg-images", "ContosoImages", "win2022-base")[0].encrypted
    fin = {v.name: v for v in demo.list_versions(None, "rg-finance", "FinanceGallery", "myImage1")}
    assert fin["1.11.0"].exclude_from_latest
    assert max(len(v.target_regions) for v in fin.values()) == 3
    zrs = demo.list_versions(None, "rg-finance", "FinanceGallery", "myImage2")[0]
    assert zrs.storage_account_type == "Standard_ZRS"
    assert demo.resolve_latest(None, "rg-finance", "FinanceGallery", "myImage1", "eastus").version.name == "1.10.0"


def test_demo_sources_and_key_sets_exist(demo):
    kinds = {s.kind for s in demo.list_sources()}
    assert kinds == {"images", "snapshots", "disks", "virtualMachines"}
    assert {d.location for d in demo.list_disk_encryption_sets()} >= {"westus", "eastus2"}


def test_scale_data_sits_at_azures_limits(svc):
    from sigtui.store.scale import SCALE_SUBSCRIPTION, build_azure_limits

    build_azure_limits(svc)
    sub = SCALE_SUBSCRIPTION[0]
    galleries = svc.list_galleries(sub)
    assert len(galleries) == 100
    assert len(svc.list_definitions(sub, "rg-scale", galleries[0].name)) == 10
    assert len(svc.list_versions(sub, "rg-scale", galleries[0].name, "app-00")) == 10
    with svc.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM image_version").fetchone()[0] == 10_000
        assert conn.execute("SELECT COUNT(*) FROM target_region").fetchone()[0] == 30_000
    with pytest.raises(AzureError) as error:
        svc.create_gallery(Gallery(sub, "rg-scale", "oneTooMany", "westus2"))
    assert error.value.code == "OperationNotAllowed"
    assert "Limit: 100, Current usage: 100" in error.value.message
    assert svc.resolve_latest(sub, "rg-scale", galleries[5].name, "app-01", "westeurope").version is not None


def test_demo_has_people_to_act_as(demo, fake_time):
    from sigtui.store.services import Services

    pat = Services(demo.db.path, caller="pat@contoso.onmicrosoft.com", real_time=fake_time)
    assert pat.list_galleries(None) == []
    assert [v.name for v in pat.list_versions(None, "rg-images", "ContosoImages", "ubuntu-web")][-1] == "1.3.0"
    dana = Services(demo.db.path, caller="dana@contoso.onmicrosoft.com", real_time=fake_time)
    assert [g.name for g in dana.list_galleries(None)] == ["ContosoImages"]
    assert not dana.can("write", dana.list_galleries(None)[0].id)
