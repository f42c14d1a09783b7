"""Create/get/list/update/delete, updatable-only updates, reverse-order delete, the clock and the activity log."""

from datetime import timedelta

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.latest import Resolution
from sigtui.domain.models import TargetRegion
from sigtui.domain.rest import version_to_rest

from .world import build_world, dump


@pytest.fixture
def world(svc):
    return build_world(svc)


def status(svc, version):
    body = version_to_rest(svc.get_version(None, "rg", "gallery1", "linux", version.name), svc.now(), expand=True)
    return {s["region"]: (s["state"], s["progress"]) for s in body["properties"]["replicationStatus"]["summary"]}


def test_delete_only_in_reverse_order(world):
    svc = world.svc
    world.create()
    for action in (
        lambda: svc.delete_gallery(None, "rg", "gallery1"),
        lambda: svc.delete_definition(None, "rg", "gallery1", "linux"),
    ):
        before = dump(svc.db.path)
        with pytest.raises(AzureError) as error:
            action()
        assert (error.value.code, error.value.message, error.value.status) == (
            "CannotDeleteResource",
            "Can not delete resource before nested resources are deleted.",
            409,
        )
        assert dump(svc.db.path) == before
    svc.delete_version(None, "rg", "gallery1", "linux", "1.0.0")
    svc.delete_definition(None, "rg", "gallery1", "linux")
    svc.delete_definition(None, "rg", "gallery1", "special")
    svc.delete_gallery(None, "rg", "gallery1")
    assert svc.list_galleries(None, "rg") == []


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"properties": {"osType": "Windows"}}, "Changing property 'galleryImage.properties.osType' is not allowed."),
        (
            {"properties": {"osState": "Specialized"}},
            "Changing property 'galleryImage.properties.osState' is not allowed.",
        ),
        (
            {"properties": {"hyperVGeneration": "V2"}},
            "Changing property 'galleryImage.properties.hyperVGeneration' is not allowed.",
        ),
        (
            {"properties": {"identifier": {"publisher": "Other"}}},
            "Changing property 'galleryImage.properties.identifier.publisher' is not allowed.",
        ),
        ({"properties": {"eula": "https://x"}}, "Changing property 'galleryImage.properties.eula' is not allowed."),
        ({"location": "eastus"}, "Changing property 'galleryImage.location' is not allowed."),
    ],
)
def test_definition_refuses_fixed_fields(world, patch, message):
    before = dump(world.svc.db.path)
    with pytest.raises(AzureError) as error:
        world.svc.update_definition(None, "rg", "gallery1", "linux", patch)
    assert error.value.message == message
    assert dump(world.svc.db.path) == before


def test_definition_updates_every_updatable_field(world):
    eol = (world.svc.now() + timedelta(days=365)).isoformat()
    updated = world.svc.update_definition(
        None,
        "rg",
        "gallery1",
        "linux",
        {
            "properties": {
                "description": "new",
                "endOfLifeDate": eol,
                "recommended": {"vCPUs": {"min": 2, "max": 16}, "memory": {"min": 4, "max": 32}},
            },
            "tags": {"a": "b"},
        },
    )
    again = world.svc.get_definition(None, "rg", "gallery1", "linux")
    assert again == updated
    assert (again.description, again.vcpus_min, again.vcpus_max, again.memory_min, again.memory_max, again.tags) == (
        "new",
        2,
        16,
        4,
        32,
        {"a": "b"},
    )


def test_gallery_description_updates_and_location_does_not(world):
    svc = world.svc
    assert svc.update_gallery(None, "rg", "gallery1", {"properties": {"description": "d"}}).description == "d"
    with pytest.raises(AzureError) as error:
        svc.update_gallery(None, "rg", "gallery1", {"location": "eastus"})
    assert error.value.message == "Changing property 'gallery.location' is not allowed."
    assert svc.update_gallery(None, "rg", "gallery1", {"location": "West US"}).location == "westus"


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        (
            {
                "properties": {
                    "storageProfile": {
                        "source": {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/images/other"}
                    }
                }
            },
            "Changing property 'galleryImageVersion.properties.storageProfile.source.id' is not allowed.",
        ),
        (
            {"properties": {"publishingProfile": {"storageAccountType": "Premium_LRS"}}},
            "Changing property 'galleryImageVersion.properties.publishingProfile.storageAccountType' is not allowed.",
        ),
        (
            {
                "properties": {
                    "publishingProfile": {"targetRegions": [{"name": "westus", "storageAccountType": "Premium_LRS"}]}
                }
            },
            "Changing property 'galleryImageVersion.properties.publishingProfile.targetRegions.storageAccountType' is "
            "not allowed.",
        ),
        (
            {"properties": {"publishingProfile": {"targetRegions": [{"name": "eastus"}]}}},
            "Gallery image version publishing profile regions 'East US' must contain the location of image version",
        ),
        (
            {"properties": {"publishingProfile": {"endOfLifeDate": "2001-01-01T00:00:00Z"}}},
            "EndOfLifeDate must be set to a future date.",
        ),
    ],
)
def test_version_refuses_fixed_fields_and_bad_updates(world, patch, message):
    world.create()
    before = dump(world.svc.db.path)
    with pytest.raises(AzureError) as error:
        world.svc.update_version(None, "rg", "gallery1", "linux", "1.0.0", patch)
    assert error.value.message.startswith(message)
    assert dump(world.svc.db.path) == before


def test_adding_a_region_starts_its_replication(world):
    svc = world.svc
    world.create()
    svc.advance_clock(timedelta(days=1))
    assert status(svc, world.version()) == {"West US": ("Completed", 100)}
    updated = svc.update_version(
        None,
        "rg",
        "gallery1",
        "linux",
        "1.0.0",
        {
            "properties": {
                "publishingProfile": {
                    "targetRegions": [{"name": "westus"}, {"name": "East US", "regionalReplicaCount": 2}]
                }
            }
        },
    )
    assert version_to_rest(updated, svc.now())["properties"]["provisioningState"] == "Updating"
    svc.advance_clock(timedelta(minutes=3))
    state, progress = status(svc, world.version())["East US"]
    assert state == "Replicating" and 0 < progress < 100
    svc.advance_clock(timedelta(days=1))
    assert status(svc, world.version())["East US"] == ("Completed", 100)


def test_raising_replicas_replicates_and_lowering_is_immediate(world):
    svc = world.svc
    world.create(targets=(TargetRegion("westus", 3),))
    svc.advance_clock(timedelta(days=1))
    lowered = svc.update_version(
        None,
        "rg",
        "gallery1",
        "linux",
        "1.0.0",
        {"properties": {"publishingProfile": {"targetRegions": [{"name": "westus", "regionalReplicaCount": 1}]}}},
    )
    assert lowered.replicas_in(lowered.target_regions[0]) == 1
    assert status(svc, world.version())["West US"] == ("Completed", 100)
    svc.update_version(
        None,
        "rg",
        "gallery1",
        "linux",
        "1.0.0",
        {"properties": {"publishingProfile": {"targetRegions": [{"name": "westus", "regionalReplicaCount": 4}]}}},
    )
    assert status(svc, world.version())["West US"][0] == "Replicating"


def test_failed_region_can_be_retried_or_removed(world):
    svc = world.svc
    svc.set_faults(outages=("eastus",))
    world.create(targets=("westus", "eastus"))
    svc.set_faults()
    svc.advance_clock(timedelta(days=1))
    assert status(svc, world.version())["East US"][0] == "Failed"
    body = version_to_rest(svc.get_version(None, "rg", "gallery1", "linux", "1.0.0"), svc.now(), True)
    assert body["properties"]["provisioningState"] == "Failed"
    assert body["properties"]["replicationStatus"]["aggregatedState"] == "Failed"
    svc.retry_region(None, "rg", "gallery1", "linux", "1.0.0", "East US")
    assert status(svc, world.version())["East US"][0] == "Replicating"
    svc.advance_clock(timedelta(days=1))
    assert status(svc, world.version())["East US"] == ("Completed", 100)
    with pytest.raises(AzureError):
        svc.retry_region(None, "rg", "gallery1", "linux", "1.0.0", "eastus")
    with pytest.raises(AzureError) as refused:
        svc.remove_region(None, "rg", "gallery1", "linux", "1.0.0", "eastus")
    assert refused.value.code == "OperationNotAllowed", "a replicated region stays unless the safety profile allows"
    svc.update_version(None, "rg", "gallery1", "linux", "1.0.0",
                       {"properties": {"safetyProfile": {"allowDeletionOfReplicatedLocations": True}}})
    removed = svc.remove_region(None, "rg", "gallery1", "linux", "1.0.0", "eastus")
    assert [t.name for t in removed.target_regions] == ["westus"]


def test_encryption_cannot_be_added_later(world):
    svc = world.svc
    world.create(targets=("westus",))
    with pytest.raises(AzureError) as error:
        svc.update_version(
            None,
            "rg",
            "gallery1",
            "linux",
            "1.0.0",
            {
                "properties": {
                    "publishingProfile": {
                        "targetRegions": [
                            {
                                "name": "westus",
                                "encryption": {"dataDiskImages": [{"lun": 0, "diskEncryptionSetId": world.des_westus}]},
                            }
                        ]
                    }
                }
            },
        )
    assert error.value.message.startswith("Cannot specify new data disk image encryption lun [0]")


def test_latest_through_the_service(world):
    svc = world.svc
    world.create("1.9.0")
    world.create("1.10.0")
    svc.advance_clock(timedelta(days=1))
    world.create("1.11.0")
    resolution = svc.resolve_latest(None, "rg", "gallery1", "linux", "West US")
    assert isinstance(resolution, Resolution)
    assert resolution.version.name == "1.10.0"
    assert resolution.passed_over[0].reason == "replicating"


def test_clock_is_shared_through_the_database(world, fake_time):
    from sigtui.store.services import Services

    svc = world.svc
    other = Services(svc.db.path, real_time=fake_time)
    svc.set_clock_speed(60)
    svc.resume_clock()
    start = other.now()
    fake_time.tick(10)
    assert (other.now() - start).total_seconds() == pytest.approx(600)
    svc.pause_clock()
    paused_at = other.now()
    fake_time.tick(100)
    assert other.now() == paused_at
    other.advance_clock(timedelta(minutes=90))
    assert (svc.now() - paused_at).total_seconds() == pytest.approx(5400)
    assert svc.clock_state().speed == 60


def test_progress_survives_a_restart(world, fake_time):
    from sigtui.store.services import Services

    world.create(targets=("westus", "eastus"))
    world.svc.advance_clock(timedelta(minutes=30))
    before = status(world.svc, world.version())
    reopened = Services(world.svc.db.path, real_time=fake_time)
    assert status(reopened, world.version()) == before


def test_every_write_is_in_the_activity_log(world):
    svc = world.svc
    version = world.create()
    svc.update_definition(None, "rg", "gallery1", "linux", {"properties": {"description": "x"}})
    entries = svc.activity(version.definition_id)
    operations = [e["operation"] for e in entries]
    assert "Microsoft.Compute/galleries/images/versions/write" in operations
    assert operations[0] == "Microsoft.Compute/galleries/images/write"
    assert entries[0]["caller"] == svc.caller
    assert '"description": "x"' in entries[0]["after"]


def test_schema_version_is_stored_and_migrations_run(tmp_path, fake_time, monkeypatch):
    from sigtui.store import db as db_module
    from sigtui.store.raw import SCHEMA_VERSION, stored_schema_version
    from sigtui.store.services import Services

    path = tmp_path / "old.db"
    Services(path, real_time=fake_time).bootstrap()
    assert stored_schema_version(path) == SCHEMA_VERSION
    ran = []
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(
        db_module.MIGRATIONS,
        SCHEMA_VERSION,
        lambda conn: ran.append(conn.execute("ALTER TABLE gallery ADD COLUMN note TEXT DEFAULT ''")),
    )
    svc = Services(path, real_time=fake_time)
    assert svc.bootstrap() is False
    assert ran and stored_schema_version(path) == SCHEMA_VERSION + 1
    assert svc.list_subscriptions()


def test_newer_schema_is_refused(tmp_path, fake_time):
    import sqlite3

    from sigtui.store.services import Services

    path = tmp_path / "new.db"
    Services(path, real_time=fake_time).bootstrap()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schemainfo SET version = 999")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer sigtui"):
        Services(path, real_time=fake_time).bootstrap()


def test_cost_estimate_for_version_definition_gallery_and_all(world):
    world.create("1.0.0", targets=("westus", "eastus"))
    world.create("1.1.0")
    svc = world.svc
    version = svc.get_version(None, "rg", "gallery1", "linux", "1.0.0")
    one = svc.cost_estimate(version.id)
    assert one.snapshots == 2 and one.egress_gb == 10
    definition = svc.cost_estimate(version.definition_id)
    assert definition.snapshots == 3
    everything = svc.cost_estimate()
    assert everything.snapshots == 3
    assert svc.cost_estimate(svc.get_gallery(None, "rg", "gallery1").id).to_json()["snapshots"] == 3


def test_a_region_adding_replicas_keeps_serving_latest(world):
    svc = world.svc
    world.create("1.0.0", targets=("westus",))
    svc.advance_clock(timedelta(days=1))
    svc.update_version(None, "rg", "gallery1", "linux", "1.0.0", {"properties": {"publishingProfile": {
        "targetRegions": [{"name": "westus", "regionalReplicaCount": 3}]}}})
    assert status(svc, world.version())["West US"][0] == "Replicating"
    assert svc.resolve_latest(None, "rg", "gallery1", "linux", "westus").version.name == "1.0.0"
    with svc.read() as conn:
        from sigtui.store import reads

        pk = reads.definition(conn, world.sub, "rg", "gallery1", "linux")[0]
        assert reads.latest_name(conn, pk, svc.now().timestamp(), "westus") == "1.0.0"


def test_a_database_from_schema_1_is_migrated(world, fake_time):
    import sqlite3

    from sigtui.store.raw import SCHEMA_VERSION, stored_schema_version
    from sigtui.store.services import Services

    world.create("1.0.0")
    path = world.svc.db.path
    world.svc.db.dispose()
    conn = sqlite3.connect(path)
    triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_text_%'")
    for (trigger,) in triggers.fetchall():
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE search_text")
    conn.execute("ALTER TABLE target_region DROP COLUMN serving")
    conn.execute("ALTER TABLE source DROP COLUMN os_host_caching")
    conn.execute("DROP TABLE app_credential")
    conn.execute("ALTER TABLE activity DROP COLUMN face")
    conn.execute("ALTER TABLE gallery DROP COLUMN soft_delete")
    conn.execute("ALTER TABLE image_definition DROP COLUMN features")
    for column in ("replication_mode", "allow_replicated_location_deletion", "block_deletion_before_end_of_life",
                   "source_field", "os_storage_account_id"):
        conn.execute(f"ALTER TABLE image_version DROP COLUMN {column}")
    conn.execute("ALTER TABLE data_disk DROP COLUMN storage_account_id")
    conn.execute("DROP TABLE storage_account")
    conn.execute("DROP TABLE soft_deleted_version")
    for table, column in (("virtual_machine", "os_disk_size_gb"), ("virtual_machine", "os_disk_encryption_set"),
                          ("virtual_machine", "data_disks"), ("subscription", "cloud"), ("gallery", "sharing")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("DROP TABLE gallery_share")
    conn.execute("UPDATE schemainfo SET version = 1")
    conn.commit()
    conn.close()
    reopened = Services(path, real_time=fake_time)
    reopened.bootstrap()
    assert stored_schema_version(path) == SCHEMA_VERSION == 8
    with sqlite3.connect(path) as conn:
        indexed = conn.execute("SELECT hay FROM search_text WHERE hay LIKE '%1.0.0%'").fetchall()
    assert [hay.split()[0] for (hay,) in indexed] == ["1.0.0"], "the versions stored before the index are in it"
    version = reopened.get_version(None, "rg", "gallery1", "linux", "1.0.0")
    assert version.target_regions[0].job.serving is False
    assert {entry["face"] for entry in reopened.activity()} == {""}, "entries from before faces name none"
    assert reopened.create_for_rbac("pipeline")["appId"]
