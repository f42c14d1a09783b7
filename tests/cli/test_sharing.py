"""Sharing (seed 001): what a Reader, Contributor or Owner on a gallery, definition or version may see, change,
share and deploy, through the headless commands with `--as`."""

from __future__ import annotations

import pytest

from sigtui.store.services import Services

G = "-g MyResourceGroup -r MyGallery"
RESOURCES = {
    "gallery": ("sig", G, "", "MyGallery"),
    "definition": ("sig image-definition", f"{G} -i lin", G, "lin"),
    "version": ("sig image-version", f"{G} -i lin -e 1.0.0", f"{G} -i lin", "1.0.0"),
}
"""Each level: its command group, the arguments naming it, those naming its parent, and its name."""
COVERS = {"gallery": {"gallery", "definition", "version"}, "definition": {"definition", "version"},
          "version": {"version"}}
"""What a role at each scope covers (seed 001's matrix)."""
WRITERS, SHARERS = {"Contributor", "Owner"}, {"Owner"}
"""Every role may read (and deploy); Contributor may also change; Owner may also share."""
CREDENTIALS = "--admin-username azureuser --admin-password Secr3t!Passw0rd"
USER = "pat@contoso.onmicrosoft.com"
COLLEAGUE = "sam@contoso.onmicrosoft.com"


@pytest.fixture
def shared(ok, world) -> dict:
    """A Linux definition `lin` with version 1.0.0 replicated to West US, an `apps` resource group, two users, and
    the ids of the gallery, definition and version."""
    ok("sig image-definition create -g MyResourceGroup -r MyGallery -i lin -p Contoso -f Linux -s 1 --os-type Linux")
    ok("image create -g MyResourceGroup -n linImage --os-type Linux")
    ok(f"sig image-version create {G} -i lin -e 1.0.0 --managed-image linImage")
    ok("clock advance 2h")
    ok("group create -n apps -l westus")
    found = {upn.split("@")[0]: ok(f"ad user create --display-name {upn[:3].title()} --user-principal-name {upn}")
             for upn in (USER, COLLEAGUE)}
    return found | {level: ok(f"{group} show {args}")["id"] for level, (group, args, _, _) in RESOURCES.items()}


def denial(user: dict, action: str, scope: str) -> str:
    """Azure's AuthorizationFailed for a caller known to the directory."""
    return (f"(AuthorizationFailed) The client '{user['userPrincipalName']}' with object id '{user['id']}' does not "
            f"have authorization to perform action '{action}' over scope '{scope}' or the scope is invalid. If access "
            "was recently granted, please refresh your credentials.")


def rtype(level: str) -> str:
    return {"gallery": "Microsoft.Compute/galleries", "definition": "Microsoft.Compute/galleries/images",
            "version": "Microsoft.Compute/galleries/images/versions"}[level]


LEVELS = ("gallery", "definition", "version")
MATRIX = [(role, scope) for role in ("Reader", "Contributor", "Owner") for scope in LEVELS]


@pytest.mark.parametrize("role, scope", MATRIX, ids=[f"{r} on the {s}" for r, s in MATRIX])
def test_sharing_matrix(ok, az, refused, shared, role, scope):
    ok(f"role assignment create --assignee {USER} --role {role} --scope {shared[scope]}")
    ok(f"role assignment create --assignee {USER} --role Contributor -g apps")
    me = f"--as {USER}"
    for level, (group, args, parent, name) in RESOURCES.items():
        covered = level in COVERS[scope]
        shown = az(f"{group} show {args} {me}")
        assert (shown.status == 0) == covered, (level, shown.err)
        if not covered:
            assert shown.err.strip() == denial(shared["pat"], f"{rtype(level)}/read", shared[level])
        assert (name in [item["name"] for item in ok(f"{group} list {parent} {me}")]) == covered

        change = f"{group} update {args} --set tags.team=images {me}"
        if covered and role in WRITERS:
            ok(change)
        else:
            assert refused(change) == denial(shared["pat"], f"{rtype(level)}/{'write' if covered else 'read'}",
                                             shared[level])

        share = f"role assignment create --assignee {COLLEAGUE} --role Reader --scope {shared[level]} {me}"
        if covered and role in SHARERS:
            ok(share)
        else:
            assert refused(share) == denial(shared["pat"], "Microsoft.Authorization/roleAssignments/write",
                                            shared[level])

    image = shared["definition"] if "definition" in COVERS[scope] else shared["version"]
    made = ok(f"vm create -g apps -n vm1 --image {image} {CREDENTIALS} {me}")
    assert made["properties"]["storageProfile"]["imageReference"]["exactVersion"] == "1.0.0"
    assert [v["name"] for v in ok(f"vm list {me}")] == ["vm1"]
    elsewhere = f"vm create -g MyResourceGroup -n vm1 -l westus --image {image} {CREDENTIALS} {me}"
    assert refused(elsewhere).lower() == denial(shared["pat"], "Microsoft.Compute/virtualMachines/write",
                                                made["id"].replace("/apps/", "/MyResourceGroup/")).lower()


def test_a_refused_vm_names_the_action_as_azure_does(ok, refused, shared):
    ok(f"role assignment create --assignee {USER} --role Reader --scope {shared['gallery']}")
    message = refused(f"vm create -g MyResourceGroup -n vm1 -l westus --image {shared['definition']} {CREDENTIALS} "
                      f"--as {USER}")
    assert "'Microsoft.Compute/virtualMachines/write'" in message


def test_reader_of_a_version_cannot_use_the_definition_for_latest(ok, refused, shared):
    ok(f"role assignment create --assignee {USER} --role Reader --scope {shared['version']}")
    ok(f"role assignment create --assignee {USER} --role Contributor -g apps")
    assert refused(f"vm create -g apps -n vm1 --image {shared['definition']} {CREDENTIALS} --as {USER}") == denial(
        shared["pat"], "Microsoft.Compute/galleries/images/read", shared["definition"])


def test_an_identity_without_assignments(ok, az, refused, shared):
    """Empty lists, and Azure's AuthorizationFailed (with the caller's object id) on show."""
    nobody = ok("ad user create --display-name Nobody --user-principal-name nobody@contoso.onmicrosoft.com")
    me = "--as nobody@contoso.onmicrosoft.com"
    for command in ("sig list", "sig list -g MyResourceGroup", f"sig image-definition list {G}",
                    f"sig image-version list {G} -i lin", "vm list", "role assignment list --all", "group list"):
        assert ok(f"{command} {me}") == [], command
    assert az(f"sig show {G} {me}").err == (
        f"(AuthorizationFailed) The client 'nobody@contoso.onmicrosoft.com' with object id '{nobody['id']}' does not "
        f"have authorization to perform action 'Microsoft.Compute/galleries/read' over scope '{shared['gallery']}' "
        "or the scope is invalid. If access was recently granted, please refresh your credentials.\n")
    assert refused(f"sig update {G} --set description=mine {me}") == denial(
        nobody, "Microsoft.Compute/galleries/read", shared["gallery"])
    stranger = az(f"sig show {G} --as stranger@example.com").err
    assert stranger.startswith("(AuthorizationFailed) The client 'stranger@example.com' with object id "
                               "'00000000-0000-0000-0000-000000000000' does not have authorization")


def test_group_membership_grants_access(ok, az, shared):
    group = ok("ad group create --display-name 'Image readers' --mail-nickname imagereaders")
    ok(f"role assignment create --assignee '{group['id']}' --role Reader --scope {shared['gallery']}")
    assert az(f"sig show {G} --as {USER}").status == 1
    ok(f"ad group member add --group 'Image readers' --member-id {USER}")
    assert ok(f"sig show {G} --as {USER}")["id"] == shared["gallery"]
    assert [v["name"] for v in ok(f"sig image-version list {G} -i lin --as {USER}")] == ["1.0.0"]
    outer = ok("ad group create --display-name Platform")
    ok(f"ad group member add --group Platform --member-id {COLLEAGUE}")
    ok(f"ad group member add --group 'Image readers' --member-id {outer['id']}")
    assert ok(f"sig show {G} --as {COLLEAGUE}")["id"] == shared["gallery"]


def test_sharing_a_single_version_warns(ok, az, shared):
    result = az(f"role assignment create --assignee {USER} --role Reader --scope {shared['version']}")
    assert result.status == 0
    assert result.err == ("WARNING: Sharing single image versions is allowed but discouraged: share the gallery "
                          "(recommended) or the image definition instead.\n")
    assert result.json["scope"] == shared["version"] and result.json["roleDefinitionName"] == "Reader"
    quiet = az(f"role assignment create --assignee {USER} --role Reader --scope {shared['definition']}")
    assert (quiet.status, quiet.err) == (0, "")


def test_customer_managed_keys_stay_in_the_tenant(ok, db, refused, shared):
    ok(f"sig image-version create {G} -i lin -e 1.1.0 --managed-image linImage --target-regions westus "
       "--target-region-encryption WestUSDiskEncryptionSet1")
    Services(db).add_tenant("f0000000-0000-0000-0000-00000000000f", "Fabrikam", "fabrikam.onmicrosoft.com")
    outsider = ok("ad user create --display-name Ext --user-principal-name ext@fabrikam.onmicrosoft.com "
                  "--tenant fabrikam.onmicrosoft.com")
    assert outsider["tenantId"] == "f0000000-0000-0000-0000-00000000000f"
    for level in ("gallery", "definition"):
        assert refused(f"role assignment create --assignee ext@fabrikam.onmicrosoft.com --role Reader "
                       f"--scope {shared[level]}") == (
            f"(OperationNotAllowed) '{shared[level]}' holds image versions encrypted with customer-managed keys; such "
            "images cannot be shared outside their subscription.")
    ok(f"role assignment create --assignee ext@fabrikam.onmicrosoft.com --role Reader --scope {shared['version']}")
    ok(f"role assignment create --assignee {USER} --role Reader --scope {shared['gallery']}")


def test_assignments_list_and_delete_as_az_does(ok, az, refused, shared, sub):
    made = ok(f"role assignment create --assignee {USER} --role Reader --scope {shared['gallery']}")
    assert made["principalName"] == USER and made["principalType"] == "User"
    assert made["resourceGroup"] == "MyResourceGroup"
    assert made["roleDefinitionId"] == (f"/subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/"
                                        "acdd72a7-3385-48ef-bd42-f606fba81ae7")
    assert made["id"] == f"{shared['gallery']}/providers/Microsoft.Authorization/roleAssignments/{made['name']}"
    ok(f"role assignment create --assignee Sam --role Contributor --scope {shared['definition']}")
    owner = "admin@contoso.onmicrosoft.com"
    assert [a["principalName"] for a in ok("role assignment list")] == [owner]
    assert [a["principalName"] for a in ok(f"role assignment list --scope {shared['gallery']}")] == [USER]
    inherited = ok(f"role assignment list --scope {shared['definition']} --include-inherited")
    assert [a["principalName"] for a in inherited] == [owner, USER, COLLEAGUE]
    assert [a["roleDefinitionName"] for a in ok("role assignment list --all")] == ["Owner", "Reader", "Contributor"]
    assert [a["scope"] for a in ok(f"role assignment list --all --assignee {COLLEAGUE}")] == [shared["definition"]]
    assert [a["scope"] for a in ok(f"role assignment list --all --as {USER}")] == [shared["gallery"],
                                                                                  shared["definition"]]
    assert refused(f"role assignment list --all --scope {shared['gallery']}") == (
        "group or scope are not required when --all is used")
    assert refused(f"role assignment delete --assignee {COLLEAGUE} --scope {shared['definition']} --as {USER}") == (
        denial(shared["pat"], "Microsoft.Authorization/roleAssignments/write", shared["definition"]))
    assert ok(f"role assignment delete --assignee {COLLEAGUE} --scope {shared['definition']}") is None
    assert refused(f"role assignment delete --assignee {COLLEAGUE} --scope {shared['definition']}") == (
        "No matched assignments were found to delete")
    assert refused(f"role assignment create --assignee nobody@nowhere --role Reader --scope {shared['gallery']}") == (
        "(PrincipalNotFound) Principal nobody@nowhere does not exist in the directory.")
    assert refused(f"role assignment create --assignee {USER} --role Reader --scope {shared['gallery']}") == (
        "(InvalidParameter) The role assignment already exists.")
    assert refused(f"role assignment create --assignee {USER} --role Writer --scope {shared['gallery']}") == (
        "(InvalidParameter) Role 'Writer' doesn't exist. Use one of: Owner, Contributor, Reader.")
    assert az(f"role assignment create --assignee {USER} --scope {shared['gallery']}").status == 2


def test_the_directory(ok, refused):
    user = ok("ad user create --display-name 'Pat Doe' --user-principal-name pat@contoso.onmicrosoft.com "
              "--password Secr3t!Passw0rd")
    assert user == {"id": user["id"], "displayName": "Pat Doe", "objectType": "User",
                    "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                    "userPrincipalName": "pat@contoso.onmicrosoft.com"}
    assert refused("ad user create --display-name Pat --user-principal-name pat@contoso.onmicrosoft.com") == (
        "(InvalidParameter) Another object with the same value for property userPrincipalName already exists: "
        "'pat@contoso.onmicrosoft.com'.")
    assert refused("ad user create --display-name X --user-principal-name x --tenant nowhere").startswith(
        "(InvalidParameter) The user principal name must look like 'name@domain'.")
    group = ok("ad group create --display-name Publishers --mail-nickname publishers")
    sp = ok("ad sp create --display-name pipeline")
    assert (group["objectType"], sp["objectType"]) == ("Group", "ServicePrincipal")
    ok(f"ad group member add --group {group['id']} --member-id pipeline")
    ok("ad group member add -g Publishers --member-id 'Pat Doe'")
    assert sorted(m["displayName"] for m in ok("ad group member list --group Publishers")) == ["Pat Doe", "pipeline"]
    assert [u["displayName"] for u in ok("ad user list")] == ["Contoso Admin", "Pat Doe"]
    assert [g["displayName"] for g in ok("ad group list")] == ["Publishers"]
    assert [s["displayName"] for s in ok("ad sp list")] == ["pipeline"]
    assert refused("ad", status=2) == (
        "sigtui ad: error: name a command group: ad user, ad group, ad group member, ad sp")
    assert refused("ad group member add --group Nobody --member-id pipeline") == (
        "(Request_ResourceNotFound) Resource 'Nobody' does not exist or one of its queried reference-property "
        "objects are not present.")
