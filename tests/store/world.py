"""A small world for service tests: a resource group, a gallery, definitions, sources and encryption sets."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sigtui.domain.models import DiskImage, Encryption, Gallery, ImageDefinition, ImageVersion, TargetRegion


def dump(path) -> list[str]:
    """Every row of the database, to prove a rejected write changed nothing but the activity log's entry that
    records the refusal (status Failed, nothing before or after), which is left out."""
    conn, copy = sqlite3.connect(str(path)), sqlite3.connect(":memory:")
    try:
        conn.backup(copy)
        if copy.execute("SELECT 1 FROM sqlite_master WHERE name = 'activity'").fetchone():
            copy.execute("DELETE FROM activity WHERE status = 'Failed' AND before IS NULL AND after IS NULL")
        return list(copy.iterdump())
    finally:
        conn.close()
        copy.close()


@dataclass
class World:
    svc: object
    sub: str
    image: str
    image_specialized: str
    image_v2: str
    windows_image: str
    snapshot_os: str
    snapshot_data: str
    eastus_image: str
    des_westus: str
    des_eastus: str

    def version(self, name="1.0.0", targets=("westus",), **kwargs) -> ImageVersion:
        kwargs.setdefault("source_id", self.image)
        return ImageVersion(
            self.sub,
            "rg",
            "gallery1",
            "linux",
            name,
            kwargs.pop("location", "westus"),
            DiskImage(0, 0, None, None, kwargs.pop("os_source", None)),
            kwargs.pop("data", ()),
            target_regions=tuple(t if isinstance(t, TargetRegion) else TargetRegion(t) for t in targets),
            **kwargs,
        )

    def create(self, name="1.0.0", targets=("westus",), **kwargs) -> ImageVersion:
        return self.svc.create_version(self.version(name, targets, **kwargs))


def build_world(svc) -> World:
    sub = svc.list_subscriptions()[0].id
    svc.create_resource_group("rg", "westus")
    svc.create_resource_group("rg2", "westus")
    svc.create_gallery(Gallery(sub, "rg", "gallery1", "westus"))
    svc.create_definition(ImageDefinition(sub, "rg", "gallery1", "linux", "westus", "Contoso", "Linux", "22", "Linux"))
    svc.create_definition(
        ImageDefinition(sub, "rg", "gallery1", "special", "westus", "Contoso", "Linux", "spec", "Linux", "Specialized")
    )

    def image(name, os_type="Linux", state="Generalized", gen="V1", location="westus", data=(32, 16)):
        return svc.create_source(
            "image", "rg", name, location, None, os_type, state, gen, 127, 10, list(data), [0] * len(data)
        ).id

    return World(
        svc,
        sub,
        image("img"),
        image("img-spec", state="Specialized"),
        image("img-v2", gen="V2"),
        image("img-win", "Windows"),
        svc.create_source("snapshot", "rg", "snap-os", "westus", None, "Linux", "Specialized", "V1", 64, 20).id,
        svc.create_source("snapshot", "rg", "snap-data", "westus", None, None, None, None, 100, 30).id,
        image("img-east", location="eastus"),
        svc.create_disk_encryption_set("rg", "des-west", "westus").id,
        svc.create_disk_encryption_set("rg", "des-east", "eastus").id,
    )


def encrypted(world: World) -> tuple[TargetRegion, TargetRegion]:
    """West US and East US, each with its own set for the OS disk and data disk LUN 0."""
    return (
        TargetRegion("westus", encryption=Encryption(world.des_westus, ((0, world.des_westus),))),
        TargetRegion("eastus", encryption=Encryption(world.des_eastus, ((0, world.des_eastus),))),
    )
