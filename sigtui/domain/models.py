"""Typed values for every resource sigtui models, named as Azure names them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from . import ids


class ProvisioningState(StrEnum):
    CREATING = "Creating"
    UPDATING = "Updating"
    SUCCEEDED = "Succeeded"
    FAILED = "Failed"
    DELETING = "Deleting"
    MIGRATING = "Migrating"


class OsType(StrEnum):
    WINDOWS = "Windows"
    LINUX = "Linux"


class OsState(StrEnum):
    GENERALIZED = "Generalized"
    SPECIALIZED = "Specialized"


class HyperVGeneration(StrEnum):
    V1 = "V1"
    V2 = "V2"


class StorageAccountType(StrEnum):
    STANDARD_LRS = "Standard_LRS"
    STANDARD_ZRS = "Standard_ZRS"
    PREMIUM_LRS = "Premium_LRS"
    PREMIUMV2_LRS = "PremiumV2_LRS"


class ReplicationState(StrEnum):
    UNKNOWN = "Unknown"
    REPLICATING = "Replicating"
    COMPLETED = "Completed"
    FAILED = "Failed"


class AggregatedState(StrEnum):
    UNKNOWN = "Unknown"
    IN_PROGRESS = "InProgress"
    COMPLETED = "Completed"
    FAILED = "Failed"


class HostCaching(StrEnum):
    NONE = "None"
    READ_ONLY = "ReadOnly"
    READ_WRITE = "ReadWrite"


class Architecture(StrEnum):
    X64 = "x64"
    ARM64 = "Arm64"


class SourceKind(StrEnum):
    """What a source resource is; the value is its ARM resource type."""

    MANAGED_IMAGE = "images"
    SNAPSHOT = "snapshots"
    DISK = "disks"
    VIRTUAL_MACHINE = "virtualMachines"
    IMAGE_VERSION = "galleries/images/versions"


class ReplicationMode(StrEnum):
    FULL = "Full"
    SHALLOW = "Shallow"


class EncryptionType(StrEnum):
    CMK = "EncryptionAtRestWithCustomerKey"
    DOUBLE = "EncryptionAtRestWithPlatformAndCustomerKeys"


@dataclass(frozen=True, slots=True)
class Subscription:
    id: str
    name: str
    tenant_id: str
    allowed_regions: tuple[str, ...] = ()
    is_default: bool = False
    cloud: str = "AzureCloud"


@dataclass(frozen=True, slots=True)
class ResourceGroup:
    subscription: str
    name: str
    location: str
    tags: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return ids.rg_id(self.subscription, self.name)


@dataclass(frozen=True, slots=True)
class Gallery:
    subscription: str
    resource_group: str
    name: str
    location: str
    description: str | None = None
    tags: dict = field(default_factory=dict)
    provisioning_state: str = ProvisioningState.SUCCEEDED
    created_at: datetime | None = None
    changed_at: datetime | None = None
    soft_delete: bool | None = None
    """`softDeletePolicy.isSoftDeleteEnabled`: deleted versions are kept, restorable (None: never set)."""
    sharing: str | None = None
    """`sharingProfile.permissions` (`Private` or `Groups`) when it was given."""
    shared_with: tuple[tuple[str, str], ...] = ()
    """Direct sharing: (`Subscriptions` or `AADTenants`, lower-case id) pairs."""

    @property
    def id(self) -> str:
        return ids.gallery_id(self.subscription, self.resource_group, self.name)

    @property
    def unique_name(self) -> str:
        return f"{self.subscription}-{self.name.upper()}"


@dataclass(frozen=True, slots=True)
class ImageDefinition:
    subscription: str
    resource_group: str
    gallery: str
    name: str
    location: str
    publisher: str
    offer: str
    sku: str
    os_type: str
    os_state: str = OsState.GENERALIZED
    hyper_v_generation: str = HyperVGeneration.V1
    description: str | None = None
    eula: str | None = None
    privacy_statement_uri: str | None = None
    release_note_uri: str | None = None
    end_of_life_date: datetime | None = None
    tags: dict = field(default_factory=dict)
    vcpus_min: int | None = None
    vcpus_max: int | None = None
    memory_min: int | None = None
    memory_max: int | None = None
    disallowed_disk_types: tuple[str, ...] = ()
    plan_name: str | None = None
    plan_publisher: str | None = None
    plan_product: str | None = None
    architecture: str | None = None
    provisioning_state: str = ProvisioningState.SUCCEEDED
    created_at: datetime | None = None
    changed_at: datetime | None = None
    features: tuple[tuple[str, str], ...] = ()
    """`features[]` as (name, value): `SecurityType`, `IsAcceleratedNetworkSupported`, `DiskControllerTypes`, ..."""
    allow_update_image: bool = False
    """`allowUpdateImage` of a request (never stored): features may change only with it."""

    def feature(self, name: str) -> str | None:
        """A feature's value (names compare without case)."""
        return next((value for key, value in self.features if key.lower() == name.lower()), None)

    @property
    def id(self) -> str:
        return ids.definition_id(self.subscription, self.resource_group, self.gallery, self.name)

    @property
    def gallery_id(self) -> str:
        return ids.gallery_id(self.subscription, self.resource_group, self.gallery)


@dataclass(frozen=True, slots=True)
class DiskImage:
    """An OS or data disk of a version or a source: provisioned and occupied size, caching, LUN."""

    size_gb: int
    used_gb: float
    lun: int | None = None
    host_caching: str | None = None
    source_id: str | None = None
    storage_account_id: str | None = None
    """The storage account of a VHD source (`source.uri`)."""


@dataclass(frozen=True, slots=True)
class Encryption:
    """Customer-managed-key encryption of one target region: a set for the OS disk and per data-disk LUN."""

    os_disk_set: str | None = None
    data_disk_sets: tuple[tuple[int, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.os_disk_set and not self.data_disk_sets


@dataclass(frozen=True, slots=True)
class ReplicationJob:
    """Persisted facts of one regional replication job; progress is derived from these and the clock."""

    started_at: datetime
    duration_s: float
    fail_at: float | None = None
    failure_detail: str = ""
    attempt: int = 0
    serving: bool = False
    """The region already held replicas before this job (more replicas being added): it keeps serving them."""


@dataclass(frozen=True, slots=True)
class TargetRegion:
    name: str
    regional_replica_count: int | None = None
    storage_account_type: str | None = None
    exclude_from_latest: bool | None = None
    encryption: Encryption | None = None
    job: ReplicationJob | None = None


@dataclass(frozen=True, slots=True)
class ImageVersion:
    subscription: str
    resource_group: str
    gallery: str
    definition: str
    name: str
    location: str
    os_disk: DiskImage
    data_disks: tuple[DiskImage, ...] = ()
    source_id: str | None = None
    target_regions: tuple[TargetRegion, ...] = ()
    replica_count: int = 1
    storage_account_type: str = StorageAccountType.STANDARD_LRS
    exclude_from_latest: bool = False
    end_of_life_date: datetime | None = None
    published_date: datetime | None = None
    tags: dict = field(default_factory=dict)
    operation: str = "create"
    deleting: bool = False
    created_at: datetime | None = None
    changed_at: datetime | None = None
    replication_mode: str | None = None
    """`Full` or `Shallow` (None: not given, which is Full)."""
    allow_replicated_location_deletion: bool = False
    block_deletion_before_end_of_life: bool = False
    source_field: str = "id"
    """How the request named the whole-image source: `id`, or `virtualMachineId` (api-version 2023-07-03+)."""

    @property
    def shallow(self) -> bool:
        return (self.replication_mode or "").lower() == "shallow"

    @property
    def id(self) -> str:
        return ids.version_id(self.subscription, self.resource_group, self.gallery, self.definition, self.name)

    @property
    def definition_id(self) -> str:
        return ids.definition_id(self.subscription, self.resource_group, self.gallery, self.definition)

    @property
    def key(self) -> tuple[int, int, int]:
        a, b, c = self.name.split(".")
        return int(a), int(b), int(c)

    @property
    def encrypted(self) -> bool:
        return any(t.encryption and not t.encryption.is_empty for t in self.target_regions)

    def replicas_in(self, region: TargetRegion) -> int:
        return region.regional_replica_count or self.replica_count

    def storage_in(self, region: TargetRegion) -> str:
        return region.storage_account_type or self.storage_account_type

    def excluded_in(self, region: TargetRegion) -> bool:
        """The regional flag wins over the version's flag."""
        if region.exclude_from_latest is not None:
            return region.exclude_from_latest
        return self.exclude_from_latest


@dataclass(frozen=True, slots=True)
class Source:
    """A managed image, snapshot, managed disk, VM or gallery image version a version can be made from."""

    id: str
    kind: str
    subscription: str
    resource_group: str
    name: str
    location: str
    os_type: str | None
    os_state: str | None
    hyper_v_generation: str | None
    os_disk: DiskImage | None
    data_disks: tuple[DiskImage, ...] = ()
    encrypted: bool = False
    provisioning_state: str = ProvisioningState.SUCCEEDED
    storage_account_id: str | None = None
    """A VHD blob's storage account."""


@dataclass(frozen=True, slots=True)
class DiskEncryptionSet:
    id: str
    subscription: str
    resource_group: str
    name: str
    location: str
    encryption_type: str = EncryptionType.CMK


@dataclass(frozen=True, slots=True)
class SoftDeletedVersion:
    """An image version deleted from a gallery with soft delete on: hidden, listed apart, restorable as it was."""

    subscription: str
    resource_group: str
    gallery: str
    definition: str
    name: str
    location: str
    deleted_at: datetime
    snapshot: str
    """The version's stored rows at deletion (JSON), put back as they were by a restore."""

    @property
    def version_id(self) -> str:
        return ids.version_id(self.subscription, self.resource_group, self.gallery, self.definition, self.name)

    @property
    def id(self) -> str:
        gallery = ids.gallery_id(self.subscription, self.resource_group, self.gallery)
        return f"{gallery}/softDeletedArtifactTypes/Images/artifacts/{self.definition}/versions/{self.name}"
