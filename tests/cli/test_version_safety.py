"""`sigtui sig image-version` and `image-definition` with az's flags for shallow replication, the safety profile,
features and undelete."""

from __future__ import annotations

RG = "-g MyResourceGroup -r MyGallery -i MyImage"
SOURCE = "--managed-image myImage"


def test_a_shallow_version_is_one_replica_in_its_own_region(ok, refused, world):
    version = ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --replication-mode shallow")
    profile = version["properties"]["publishingProfile"]
    assert profile["replicationMode"] == "Shallow" and [r["name"] for r in profile["targetRegions"]] == ["West US"]
    assert "in its source region 'West US' only" in refused(
        f"sig image-version create {RG} -e 1.0.1 {SOURCE} --replication-mode Shallow --target-regions westus eastus")
    assert "not allowed" in refused(f"sig image-version update {RG} -e 1.0.0 "
                                    "--set publishingProfile.replicationMode=Full")


def test_the_safety_profile_guards_regions_and_deletion(ok, refused, world):
    ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --target-regions westus eastus "
       "--block-deletion-before-end-of-life --end-of-life-date 2099-01-01")
    ok("clock advance 1d")
    assert "(OperationNotAllowed) Removing the replicated regions 'East US'" in refused(
        f"sig image-version update {RG} -e 1.0.0 --remove publishingProfile.targetRegions 1")
    updated = ok(f"sig image-version update {RG} -e 1.0.0 --allow-replicated-location-deletion true "
                 "--remove publishingProfile.targetRegions 1")
    assert updated["properties"]["safetyProfile"]["allowDeletionOfReplicatedLocations"] is True
    assert [r["name"] for r in updated["properties"]["publishingProfile"]["targetRegions"]] == ["West US"]
    assert "(DeleteGalleryImageVersionBlockedBeforeEndOfLife)" in refused(f"sig image-version delete {RG} -e 1.0.0")
    ok(f"sig image-version update {RG} -e 1.0.0 --block-deletion-before-end-of-life false")
    ok(f"sig image-version delete {RG} -e 1.0.0")


def test_definition_features_in_az_s_spelling(ok, az, world):
    created = ok("sig image-definition create -g MyResourceGroup -r MyGallery -i Trusted -p Contoso -f Web -s 1 "
                 "--os-type Linux --hyper-v-generation V2 "
                 "--features \"SecurityType=TrustedLaunchSupported IsAcceleratedNetworkSupported=true\"")
    assert created["properties"]["features"] == [{"name": "SecurityType", "value": "TrustedLaunchSupported"},
                                                 {"name": "IsAcceleratedNetworkSupported", "value": "True"}]
    result = az("sig image-definition create -g MyResourceGroup -r MyGallery -i Bad -p Contoso -f Web -s 2 "
                "--os-type Linux --features SecurityType")
    assert result.status == 2 and "usage error: --features KEY=VALUE" in result.err


def test_undelete_restores_a_soft_deleted_version(ok, refused, world):
    ok("sig update -g MyResourceGroup -r MyGallery --soft-delete")
    ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE}")
    ok(f"sig image-version delete {RG} -e 1.0.0")
    assert "ResourceNotFound" in refused(f"sig image-version show {RG} -e 1.0.0")
    restored = ok(f"sig image-version undelete {RG} -e 1.0.0 --allow-replicated-location-deletion true")
    assert restored["properties"]["safetyProfile"]["allowDeletionOfReplicatedLocations"] is True
    assert [v["name"] for v in ok(f"sig image-version list {RG}")] == ["1.0.0"]


def test_prune_keeps_a_version_blocked_before_its_end_of_life_and_says_why(ok, world):
    ok(f"sig image-version create {RG} -e 1.0.0 {SOURCE} --block-deletion-before-end-of-life "
       "--end-of-life-date 2099-01-01")
    ok(f"sig image-version create {RG} -e 1.1.0 {SOURCE}")
    ok("clock advance 1d")
    (plan,) = ok("sig image-version prune -g MyResourceGroup -r MyGallery --keep 1")
    assert [(v["name"], v["action"], v["blockers"]) for v in plan["versions"]] == [
        ("1.0.0", "keep", ["blockDeletionBeforeEndOfLife is on and its end of life has not come"])]
    assert [v["name"] for v in ok(f"sig image-version list {RG}")] == ["1.0.0", "1.1.0"]
