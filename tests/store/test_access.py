"""The sharing matrix of the seeds, for each role and scope, enforced by the service layer."""

from datetime import timedelta

import pytest

from sigtui.domain.errors import AzureError
from sigtui.domain.models import Gallery
from sigtui.domain.vm import VmRequest
from sigtui.store.services import Services

from .world import build_world, encrypted


@pytest.fixture
def shared(svc, fake_time):
    """gallery1 › linux › 1.0.0 plus a sibling definition and a second gallery; principals with one role each."""
    w = build_world(svc)
    w.create()
    svc.create_gallery(Gallery(w.sub, "rg", "gallery2", "westus"))
    svc.create_resource_group("rg-consumer", "westus")
    svc.advance_clock(timedelta(days=1))
    ids = {
        "gallery": svc.get_gallery(None, "rg", "gallery1").id,
        "definition": svc.get_definition(None, "rg", "gallery1", "linux").id,
        "version": svc.get_version(None, "rg", "gallery1", "linux", "1.0.0").id,
        "sibling": svc.get_definition(None, "rg", "gallery1", "special").id,
        "other gallery": svc.get_gallery(None, "rg", "gallery2").id,
    }
    consumer_rg = svc.get_resource_group("rg-consumer").id
    for role in ("Reader", "Contributor", "Owner"):
        for scope in ("gallery", "definition", "version"):
            upn = f"{role.lower()}-{scope}@contoso.onmicrosoft.com"
            svc.create_principal("User", f"{role} {scope}", upn)
            svc.create_role_assignment(upn, role, ids[scope])
            svc.create_role_assignment(upn, "Contributor", consumer_rg)
    return w, ids, fake_time


def as_user(world, fake_time, upn) -> Services:
    return Services(world.svc.db.path, caller=upn, real_time=fake_time)


def read(svc, target, ids):
    from sigtui.domain.ids import parse_arm_id

    p = parse_arm_id(ids[target])
    if target in ("gallery", "other gallery"):
        return svc.get_gallery(None, p.resource_group, p.name_of("galleries"))
    if target == "version":
        return svc.get_version(None, p.resource_group, "gallery1", "linux", "1.0.0")
    return svc.get_definition(None, p.resource_group, "gallery1", p.name_of("images"))


MATRIX = {
    "gallery": {"gallery": True, "definition": True, "version": True, "sibling": True, "other gallery": False},
    "definition": {"gallery": False, "definition": True, "version": True, "sibling": False, "other gallery": False},
    "version": {"gallery": False, "definition": False, "version": True, "sibling": False, "other gallery": False},
}


@pytest.mark.parametrize("role", ["Reader", "Contributor", "Owner"])
@pytest.mark.parametrize("scope", list(MATRIX))
@pytest.mark.parametrize("target", ["gallery", "definition", "version", "sibling", "other gallery"])
def test_read_follows_the_sharing_matrix(shared, role, scope, target):
    world, ids, fake_time = shared
    svc = as_user(world, fake_time, f"{role.lower()}-{scope}@contoso.onmicrosoft.com")
    if MATRIX[scope][target]:
        assert read(svc, target, ids).id == ids[target]
    else:
        with pytest.raises(AzureError) as error:
            read(svc, target, ids)
        assert error.value.code == "AuthorizationFailed"
        assert error.value.status == 403


@pytest.mark.parametrize(
    ("role", "may_change", "may_share"), [("Reader", False, False), ("Contributor", True, False), ("Owner", True, True)]
)
def test_change_and_share_by_role(shared, role, may_change, may_share):
    world, ids, fake_time = shared
    svc = as_user(world, fake_time, f"{role.lower()}-gallery@contoso.onmicrosoft.com")
    def change():
        svc.update_definition(None, "rg", "gallery1", "linux", {"properties": {"description": role}})

    def share():
        svc.create_role_assignment("reader-version@contoso.onmicrosoft.com", "Reader", ids["definition"])

    for allowed, action, name in ((may_change, change, "write"), (may_share, share, "roleAssignments/write")):
        if allowed:
            action()
        else:
            with pytest.raises(AzureError) as error:
                action()
            assert error.value.code == "AuthorizationFailed"
            assert name in error.value.message


@pytest.mark.parametrize("scope", list(MATRIX))
def test_reader_may_create_vms_from_what_it_can_read(shared, scope):
    world, ids, fake_time = shared
    svc = as_user(world, fake_time, f"reader-{scope}@contoso.onmicrosoft.com")
    image = ids["version"] if scope == "version" else ids["definition"]
    body, _ = svc.create_vm(
        image,
        VmRequest(
            "vm-" + scope,
            "rg-consumer",
            "westus",
            "Standard_D2s_v5",
            admin_username="azureuser",
            admin_password="Str0ng!Passw0rd",
        ),
    )
    assert body["properties"]["storageProfile"]["imageReference"]["exactVersion"] == "1.0.0"
    with pytest.raises(AzureError) as error:
        svc.create_vm(
            image,
            VmRequest(
                "vm2", "rg", "westus", "Standard_D2s_v5", admin_username="azureuser", admin_password="Str0ng!Passw0rd"
            ),
        )
    assert error.value.code == "AuthorizationFailed"


def test_lists_show_only_what_the_identity_may_read(shared):
    world, ids, fake_time = shared
    reader = as_user(world, fake_time, "reader-definition@contoso.onmicrosoft.com")
    assert reader.list_galleries(None) == []
    assert [d.name for d in reader.list_definitions(None, "rg", "gallery1")] == ["linux"]
    visible = [e["resource_id"] for e in reader.activity()]
    assert visible and all(
        r.lower().startswith(ids["definition"].lower()) or "/resourceGroups/rg-consumer" in r for r in visible
    )
    stranger = as_user(world, fake_time, "nobody@elsewhere.example")
    assert stranger.list_galleries(None) == []
    with pytest.raises(AzureError) as error:
        stranger.get_gallery(None, "rg", "gallery1")
    assert (
        "The client 'nobody@elsewhere.example' with object id '00000000-0000-0000-0000-000000000000'"
        in error.value.message
    )


def test_group_membership_grants_access(shared):
    world, ids, fake_time = shared
    svc = world.svc
    svc.create_principal("Group", "Image consumers")
    member = svc.create_principal("User", "Dana", "dana@contoso.onmicrosoft.com")
    svc.add_group_member("Image consumers", member.id)
    dana = as_user(world, fake_time, "dana@contoso.onmicrosoft.com")
    with pytest.raises(AzureError):
        dana.get_gallery(None, "rg", "gallery1")
    svc.create_role_assignment("Image consumers", "Reader", ids["gallery"])
    assert dana.get_gallery(None, "rg", "gallery1").name == "gallery1"
    assert [d.name for d in dana.list_definitions(None, "rg", "gallery1")] == ["linux", "special"]


def test_version_scope_warns_and_assignments_are_listed_and_removed(shared):
    world, ids, _ = shared
    svc = world.svc
    svc.create_principal("ServicePrincipal", "image-pipeline")
    body, warning = svc.create_role_assignment("image-pipeline", "Reader", ids["version"])
    assert warning.startswith("Sharing single image versions is allowed but discouraged")
    assert body["principalType"] == "ServicePrincipal" and body["scope"] == ids["version"]
    _, gallery_warning = svc.create_role_assignment("image-pipeline", "Reader", ids["gallery"])
    assert gallery_warning is None
    listed = svc.list_role_assignments(ids["version"], "image-pipeline")
    assert {a["scope"] for a in listed} == {ids["version"], ids["gallery"]}
    assert svc.delete_role_assignment("image-pipeline", "Reader", ids["version"]) == 1
    assert {a["scope"] for a in svc.list_role_assignments(ids["version"], "image-pipeline")} == {ids["gallery"]}


def test_cmk_images_are_not_shared_outside_their_subscription(shared):
    world, ids, _ = shared
    svc = world.svc
    svc.add_tenant("9f8e7d6c-5b4a-4321-8765-0fedcba98765", "Fabrikam", "fabrikam.onmicrosoft.com")
    svc.create_principal("User", "Guest", "guest@fabrikam.onmicrosoft.com", tenant="Fabrikam")
    svc.create_principal("User", "Colleague", "colleague@contoso.onmicrosoft.com")
    world.create("2.0.0", targets=encrypted(world))
    with pytest.raises(AzureError) as error:
        svc.create_role_assignment("guest@fabrikam.onmicrosoft.com", "Reader", ids["gallery"])
    assert error.value.message.endswith("cannot be shared outside their subscription.")
    svc.create_role_assignment("colleague@contoso.onmicrosoft.com", "Reader", ids["gallery"])
    svc.create_role_assignment("guest@fabrikam.onmicrosoft.com", "Reader", ids["other gallery"])


def test_bad_role_scope_and_assignee(shared):
    world, ids, _ = shared
    svc = world.svc
    for args, code in (
        (("reader-gallery@contoso.onmicrosoft.com", "Superuser", ids["gallery"]), "InvalidParameter"),
        (("ghost@contoso.onmicrosoft.com", "Reader", ids["gallery"]), "PrincipalNotFound"),
        (("reader-gallery@contoso.onmicrosoft.com", "Reader", ids["gallery"] + "x"), "InvalidScope"),
    ):
        with pytest.raises(AzureError) as error:
            svc.create_role_assignment(*args)
        assert error.value.code == code


def test_can_tells_what_the_identity_may_do(shared):
    world, ids, fake_time = shared
    reader = as_user(world, fake_time, "reader-gallery@contoso.onmicrosoft.com")
    assert reader.can("read", ids["version"]) and not reader.can("write", ids["version"])
    owner = as_user(world, fake_time, "owner-definition@contoso.onmicrosoft.com")
    assert owner.can("share", ids["version"]) and not owner.can("share", ids["gallery"])


@pytest.mark.parametrize("scope", list(MATRIX))
def test_latest_and_soft_deleted_versions_follow_the_matrix(shared, scope):
    world, _ids, fake_time = shared
    svc = as_user(world, fake_time, f"reader-{scope}@contoso.onmicrosoft.com")
    for definition, allowed in (("linux", MATRIX[scope]["definition"]), ("special", MATRIX[scope]["sibling"])):
        if allowed:
            assert svc.list_soft_deleted_versions(None, "rg", "gallery1", definition) == []
            svc.resolve_latest(None, "rg", "gallery1", definition, None)
            continue
        for ask in (svc.list_soft_deleted_versions, lambda *names: svc.resolve_latest(*names, None)):
            with pytest.raises(AzureError) as error:
                ask(None, "rg", "gallery1", definition)
            assert error.value.code == "AuthorizationFailed"
