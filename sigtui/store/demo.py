"""The demo catalog: the seeds' story, built through the services so every object obeys Azure's rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ..domain.models import DiskImage, Encryption, Gallery, ImageDefinition, ImageVersion, TargetRegion
from .services import Services

FABRIKAM = ("9f8e7d6c-5b4a-4321-8765-0fedcba98765", "Fabrikam", "fabrikam.onmicrosoft.com")
DEV_SUBSCRIPTION = ("0b1f6471-1bf0-4dda-aec3-cb9272f09590", "Contoso Dev/Test")
HISTORY_DAYS = 400
DEMO_SPEED = 30.0


def _version(
    sub, rg, gallery, definition, name, location, targets, source_id=None, os_source=None, data_sources=(), **kwargs
) -> ImageVersion:
    data = tuple(DiskImage(0, 0, lun, None, sid) for lun, sid in data_sources)
    return ImageVersion(
        sub,
        rg,
        gallery,
        definition,
        name,
        location,
        DiskImage(0, 0, None, None, os_source),
        data,
        source_id,
        tuple(targets),
        **kwargs,
    )


def build_demo(svc: Services, start: datetime | None = None, speed: float = DEMO_SPEED) -> None:
    """Fill an empty database with galleries, definitions and versions that show every state, in one
    transaction: a demo that fails or is interrupted leaves the database as it was."""
    with svc.db.batch():
        with svc.read() as conn:
            svc.authorize_simulation(conn)
        _build_demo(svc, start, speed)


def _build_demo(svc: Services, start: datetime | None, speed: float) -> None:
    end = start or datetime.now(UTC)
    svc.reset_clock(end - timedelta(days=HISTORY_DAYS), speed=1.0, paused=True)
    prod = svc.list_subscriptions()[0].id
    svc.set_default_subscription(prod)
    svc.add_subscription(prod, "Contoso Production", allowed_regions=("australiacentral", "australiacentral2"))
    svc.set_default_subscription(prod)
    dev = svc.add_subscription(*DEV_SUBSCRIPTION).id

    svc.create_resource_group("rg-images", "westus", prod, {"env": "prod", "owner": "platform"})
    svc.create_resource_group("rg-finance", "eastus", prod, {"env": "prod", "cost-center": "finance"})
    svc.create_resource_group("rg-sandbox", "westeurope", dev, {"env": "dev"})

    svc.create_gallery(
        Gallery(
            prod, "rg-images", "ContosoImages", "westus", "Golden images for Contoso's platform team.", {"env": "prod"}
        )
    )
    svc.create_gallery(
        Gallery(
            prod,
            "rg-finance",
            "FinanceGallery",
            "eastus",
            "The finance line-of-business images (myImage1/2/3 from the docs).",
        )
    )
    svc.create_gallery(Gallery(dev, "rg-sandbox", "TeamSandbox", "westeurope", "Developer sandbox images."))

    def definition(
        sub,
        rg,
        gallery,
        name,
        location,
        publisher,
        offer,
        sku,
        os_type,
        os_state="Generalized",
        generation="V1",
        **kwargs,
    ):
        svc.create_definition(
            ImageDefinition(
                sub, rg, gallery, name, location, publisher, offer, sku, os_type, os_state, generation, **kwargs
            )
        )

    definition(
        prod,
        "rg-finance",
        "FinanceGallery",
        "myImage1",
        "eastus",
        "Contoso",
        "Finance",
        "Backend",
        "Linux",
        description="Finance back-end on Ubuntu.",
    )
    definition(
        prod,
        "rg-finance",
        "FinanceGallery",
        "myImage2",
        "eastus",
        "Contoso",
        "Finance",
        "Frontend",
        "Windows",
        generation="V2",
        description="Finance front-end on Windows Server 2022.",
    )
    definition(
        prod,
        "rg-finance",
        "FinanceGallery",
        "myImage3",
        "eastus",
        "Testing",
        "Finance",
        "Frontend",
        "Linux",
        "Specialized",
        description="A specialized test front-end captured from a VM.",
    )
    definition(
        prod,
        "rg-images",
        "ContosoImages",
        "ubuntu-web",
        "westus",
        "Contoso",
        "UbuntuServer",
        "22_04-web",
        "Linux",
        generation="V2",
        vcpus_min=2,
        vcpus_max=16,
        memory_min=4,
        memory_max=64,
        description="Ubuntu 22.04 web tier with nginx.",
        release_note_uri="https://contoso.example/notes/web",
    )
    definition(
        prod,
        "rg-images",
        "ContosoImages",
        "win2022-base",
        "westus",
        "Contoso",
        "WindowsServer",
        "2022-datacenter",
        "Windows",
        generation="V2",
        vcpus_min=2,
        vcpus_max=32,
        memory_min=8,
        memory_max=128,
        disallowed_disk_types=("Standard_LRS",),
        description="Windows Server 2022 base, encrypted with customer-managed keys.",
        eula="https://contoso.example/eula",
    )
    definition(
        prod,
        "rg-images",
        "ContosoImages",
        "rhel-app",
        "westus",
        "Contoso",
        "RHEL",
        "9-app",
        "Linux",
        "Specialized",
        description="RHEL 9 application server, specialized.",
    )
    definition(
        prod,
        "rg-images",
        "ContosoImages",
        "arm64-api",
        "westus",
        "Contoso",
        "Ubuntu",
        "22_04-arm64",
        "Linux",
        generation="V2",
        architecture="Arm64",
        description="API tier on Arm64 (Dpsv5).",
    )
    definition(
        dev,
        "rg-sandbox",
        "TeamSandbox",
        "dev-box",
        "westeurope",
        "Contoso",
        "DevBox",
        "win11",
        "Windows",
        "Specialized",
        "V2",
        description="Developer workstation, specialized.",
    )

    def source(
        kind,
        sub,
        rg,
        name,
        location,
        os_type=None,
        os_state=None,
        generation=None,
        size=64,
        used=12,
        data=(),
        data_used=(),
    ):
        return svc.create_source(
            kind, rg, name, location, sub, os_type, os_state, generation, size, used, list(data), list(data_used)
        ).id

    img_fin_v1 = source(
        "image", prod, "rg-finance", "img-finance-backend", "eastus", "Linux", "Generalized", "V1", 30, 8, (32,), (0,)
    )
    img_fin_win = source(
        "image", prod, "rg-finance", "img-finance-frontend", "eastus", "Windows", "Generalized", "V2", 127, 24
    )
    vm_fin = source("vm", prod, "rg-finance", "vm-finance-test", "eastus", "Linux", "Specialized", "V1", 30, 9)
    img_web = source(
        "image", prod, "rg-images", "img-ubuntu-web", "westus", "Linux", "Generalized", "V2", 64, 14, (128,), (40,)
    )
    img_win = source(
        "image", prod, "rg-images", "img-win2022", "westus", "Windows", "Generalized", "V2", 127, 10, (32,), (0,)
    )
    snap_os = source("snapshot", prod, "rg-images", "snap-rhel-os", "westus", "Linux", "Specialized", "V1", 64, 18)
    snap_data = source("snapshot", prod, "rg-images", "snap-rhel-data", "westus", size=256, used=60)
    img_arm = source("image", prod, "rg-images", "img-arm64-api", "westus", "Linux", "Generalized", "V2", 30, 6)
    disk_dev = source(
        "disk", dev, "rg-sandbox", "disk-devbox-os", "westeurope", "Windows", "Specialized", "V2", 256, 80
    )
    des_west = svc.create_disk_encryption_set("rg-images", "des-westus", "westus", prod).id
    des_east = svc.create_disk_encryption_set("rg-images", "des-eastus2", "eastus2", prod).id
    svc.create_disk_encryption_set(
        "rg-images", "des-westus-double", "westus", prod, "EncryptionAtRestWithPlatformAndCustomerKeys"
    )

    eol_soon = end + timedelta(days=90)
    history = [
        (
            0,
            _version(
                prod,
                "rg-finance",
                "FinanceGallery",
                "myImage1",
                "1.0.0",
                "eastus",
                [TargetRegion("eastus"), TargetRegion("westus2", 2), TargetRegion("northeurope")],
                source_id=img_fin_v1,
                end_of_life_date=end + timedelta(days=200),
            ),
        ),
        (
            30,
            _version(
                prod,
                "rg-finance",
                "FinanceGallery",
                "myImage1",
                "1.9.0",
                "eastus",
                [TargetRegion("eastus", 2), TargetRegion("westus2")],
                source_id=img_fin_v1,
            ),
        ),
        (
            60,
            _version(
                prod,
                "rg-finance",
                "FinanceGallery",
                "myImage1",
                "1.10.0",
                "eastus",
                [TargetRegion("eastus", 3), TargetRegion("westus2", 2), TargetRegion("eastus2", 1, "Standard_ZRS")],
                source_id=img_fin_v1,
                storage_account_type="Standard_LRS",
            ),
        ),
        (
            90,
            _version(
                prod,
                "rg-finance",
                "FinanceGallery",
                "myImage1",
                "1.11.0",
                "eastus",
                [TargetRegion("eastus"), TargetRegion("westus2")],
                source_id=img_fin_v1,
                exclude_from_latest=True,
            ),
        ),
        (
            20,
            _version(
                prod,
                "rg-finance",
                "FinanceGallery",
                "myImage2",
                "1.0.0",
                "eastus",
                [TargetRegion("eastus", 2, "Standard_ZRS"), TargetRegion("centralus")],
                source_id=img_fin_win,
                storage_account_type="Standard_ZRS",
            ),
        ),
        (
            40,
            _version(
                prod,
                "rg-finance",
                "FinanceGallery",
                "myImage3",
                "1.0.0",
                "eastus",
                [TargetRegion("eastus")],
                source_id=vm_fin,
            ),
        ),
        (
            10,
            _version(
                prod,
                "rg-images",
                "ContosoImages",
                "ubuntu-web",
                "1.0.0",
                "westus",
                [TargetRegion("westus"), TargetRegion("eastus")],
                source_id=img_web,
                end_of_life_date=end - timedelta(days=30),
            ),
        ),
        (
            120,
            _version(
                prod,
                "rg-images",
                "ContosoImages",
                "ubuntu-web",
                "1.1.0",
                "westus",
                [
                    TargetRegion("westus", 2),
                    TargetRegion("eastus", 2),
                    TargetRegion("westeurope"),
                    TargetRegion("australiacentral"),
                ],
                source_id=img_web,
                end_of_life_date=eol_soon,
            ),
        ),
        (
            200,
            _version(
                prod,
                "rg-images",
                "ContosoImages",
                "ubuntu-web",
                "1.2.0",
                "westus",
                [TargetRegion("westus", exclude_from_latest=True), TargetRegion("eastus")],
                source_id=img_web,
            ),
        ),
        (
            150,
            _version(
                prod,
                "rg-images",
                "ContosoImages",
                "win2022-base",
                "2023.1.0",
                "westus",
                [
                    TargetRegion("westus", encryption=Encryption(des_west, ((0, des_west),))),
                    TargetRegion("eastus2", 2, encryption=Encryption(des_east, ((0, des_east),))),
                ],
                source_id=img_win,
            ),
        ),
        (
            300,
            _version(
                prod,
                "rg-images",
                "ContosoImages",
                "arm64-api",
                "0.9.0",
                "westus",
                [TargetRegion("westus"), TargetRegion("westus3")],
                source_id=img_arm,
            ),
        ),
        (
            330,
            _version(
                dev,
                "rg-sandbox",
                "TeamSandbox",
                "dev-box",
                "2024.11.1",
                "westeurope",
                [TargetRegion("westeurope"), TargetRegion("northeurope")],
                os_source=disk_dev,
            ),
        ),
    ]
    moment = end - timedelta(days=HISTORY_DAYS)
    for day, version in sorted(history, key=lambda item: item[0]):
        svc.reset_clock(moment + timedelta(days=day), paused=True)
        svc.create_version(version)

    svc.reset_clock(end - timedelta(days=2), paused=True)
    svc.set_faults(outages=("northeurope",))
    svc.create_version(
        _version(
            prod,
            "rg-images",
            "ContosoImages",
            "rhel-app",
            "1.0.0",
            "westus",
            [TargetRegion("westus"), TargetRegion("eastus"), TargetRegion("northeurope")],
            os_source=snap_os,
            data_sources=((0, snap_data),),
        )
    )
    svc.set_faults()
    svc.reset_clock(end - timedelta(minutes=20), paused=True)
    svc.create_version(
        _version(
            prod,
            "rg-images",
            "ContosoImages",
            "ubuntu-web",
            "1.3.0",
            "westus",
            [
                TargetRegion("westus", 2),
                TargetRegion("eastus", 2),
                TargetRegion("westeurope"),
                TargetRegion("japaneast"),
                TargetRegion("australiaeast"),
            ],
            source_id=img_web,
        )
    )
    _share(svc, prod, dev)
    svc.reset_clock(end, speed=speed, paused=False)


def _share(svc: Services, prod: str, dev: str) -> None:
    """People to act as (`--as`, ctrl+u): a consumer group, a definition reader, a pipeline, a guest."""
    images = f"/subscriptions/{prod}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/ContosoImages"
    finance = f"/subscriptions/{prod}/resourceGroups/rg-finance/providers/Microsoft.Compute/galleries/FinanceGallery"
    sandbox = f"/subscriptions/{dev}/resourceGroups/rg-sandbox/providers/Microsoft.Compute/galleries/TeamSandbox"
    svc.add_tenant(*FABRIKAM)
    svc.create_principal("Group", "Image consumers")
    dana = svc.create_principal("User", "Dana Scully", "dana@contoso.onmicrosoft.com")
    svc.add_group_member("Image consumers", dana.id)
    svc.create_principal("User", "Pat Kim", "pat@contoso.onmicrosoft.com")
    svc.create_principal("ServicePrincipal", "image-pipeline")
    svc.create_principal("User", "Fabrikam guest", "guest@fabrikam.onmicrosoft.com", tenant=FABRIKAM[0])
    svc.create_role_assignment("Image consumers", "Reader", images)
    svc.create_role_assignment("pat@contoso.onmicrosoft.com", "Reader", images + "/images/ubuntu-web")
    svc.create_role_assignment("image-pipeline", "Contributor", finance)
    svc.create_role_assignment("guest@fabrikam.onmicrosoft.com", "Reader", sandbox)
