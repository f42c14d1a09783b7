"""az's table transformers for the commands that have one: the columns `-o table` shows when no `--query`
chooses them (azure-cli's `transform_account_list`, `transform_resource_group_list`, `transform_vm_list`)."""

from __future__ import annotations

from collections import OrderedDict


def account_list(result: list[dict]) -> list[OrderedDict]:
    return [OrderedDict([("Name", r.get("name")), ("CloudName", r.get("cloudName")),
                         ("SubscriptionId", r.get("id")), ("TenantId", r.get("tenantId")), ("State", r.get("state")),
                         ("IsDefault", r.get("isDefault"))]) for r in result]


def group_list(result: list[dict]) -> list[OrderedDict]:
    return [OrderedDict([("Name", r.get("name")), ("Location", r.get("location")),
                         ("Status", (r.get("properties") or {}).get("provisioningState"))]) for r in result]


def vm_list(result: list[dict]) -> list[OrderedDict]:
    rows = []
    for vm in result:
        row = OrderedDict([("name", vm.get("name")), ("resourceGroup", vm.get("resourceGroup")),
                           ("powerState", vm.get("powerState")), ("publicIps", vm.get("publicIps")),
                           ("fqdns", vm.get("fqdns")), ("location", vm.get("location"))])
        if "zones" in vm:
            row["zones"] = ",".join(vm["zones"]) if vm["zones"] else ""
        rows.append(row)
    return rows
