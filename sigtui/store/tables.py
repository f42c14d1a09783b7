"""SQLModel tables: the persisted shape of every resource. Times are UTC epoch seconds."""

from __future__ import annotations

from sqlalchemy import Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

NOCASE = String(collation="NOCASE")


class SchemaInfo(SQLModel, table=True):
    id: int = Field(default=1, primary_key=True)
    version: int


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str


class SimClockRow(SQLModel, table=True):
    __tablename__ = "sim_clock"
    id: int = Field(default=1, primary_key=True)
    anchor_real: float
    anchor_sim: float
    speed: float = 1.0
    paused: bool = False


class TenantRow(SQLModel, table=True):
    __tablename__ = "tenant"
    id: str = Field(primary_key=True)
    name: str
    domain: str


class SubscriptionRow(SQLModel, table=True):
    __tablename__ = "subscription"
    id: str = Field(primary_key=True, sa_type=NOCASE)
    name: str
    tenant_id: str = Field(foreign_key="tenant.id")
    allowed_regions: str = "[]"
    is_default: bool = False
    cloud: str = "AzureCloud"


class ResourceGroupRow(SQLModel, table=True):
    __tablename__ = "resource_group"
    __table_args__ = (UniqueConstraint("subscription_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    subscription_id: str = Field(foreign_key="subscription.id", sa_type=NOCASE)
    name: str = Field(sa_type=NOCASE)
    location: str
    tags: str = "{}"


class GalleryRow(SQLModel, table=True):
    __tablename__ = "gallery"
    __table_args__ = (UniqueConstraint("rg_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    rg_id: int = Field(foreign_key="resource_group.id", index=True)
    name: str = Field(sa_type=NOCASE)
    location: str
    description: str | None = None
    tags: str = "{}"
    created_at: float
    changed_at: float
    soft_delete: bool | None = None
    sharing: str | None = None
    """`sharingProfile.permissions` when it was given (`Private` or `Groups`), else None (private)."""


class GalleryShareRow(SQLModel, table=True):
    """A subscription or tenant a direct shared gallery is shared with."""

    __tablename__ = "gallery_share"
    __table_args__ = (UniqueConstraint("gallery_id", "kind", "target"),)
    id: int | None = Field(default=None, primary_key=True)
    gallery_id: int = Field(foreign_key="gallery.id", index=True)
    kind: str
    target: str = Field(sa_type=NOCASE)


class DefinitionRow(SQLModel, table=True):
    __tablename__ = "image_definition"
    __table_args__ = (UniqueConstraint("gallery_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    gallery_id: int = Field(foreign_key="gallery.id", index=True)
    name: str = Field(sa_type=NOCASE)
    location: str
    publisher: str
    offer: str
    sku: str
    os_type: str
    os_state: str
    hyper_v_generation: str
    description: str | None = None
    eula: str | None = None
    privacy_statement_uri: str | None = None
    release_note_uri: str | None = None
    end_of_life_date: float | None = None
    tags: str = "{}"
    vcpus_min: int | None = None
    vcpus_max: int | None = None
    memory_min: int | None = None
    memory_max: int | None = None
    disallowed_disk_types: str = "[]"
    plan_name: str | None = None
    plan_publisher: str | None = None
    plan_product: str | None = None
    architecture: str | None = None
    created_at: float
    changed_at: float
    features: str = Field(default="[]", sa_column_kwargs={"server_default": "[]"})


class VersionRow(SQLModel, table=True):
    __tablename__ = "image_version"
    __table_args__ = (
        UniqueConstraint("definition_id", "name"),
        Index("ix_version_latest", "definition_id", "major", "minor", "patch"),
    )
    id: int | None = Field(default=None, primary_key=True)
    definition_id: int = Field(foreign_key="image_definition.id")
    name: str
    major: int
    minor: int
    patch: int
    location: str
    source_id: str | None = None
    os_size_gb: int
    os_used_gb: float
    os_host_caching: str | None = None
    os_source_id: str | None = None
    replica_count: int = 1
    storage_account_type: str = "Standard_LRS"
    exclude_from_latest: bool = False
    end_of_life_date: float | None = None
    published_date: float
    tags: str = "{}"
    operation: str = "create"
    deleting: bool = False
    encrypted: bool = False
    created_at: float
    changed_at: float
    replication_mode: str | None = None
    allow_replicated_location_deletion: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    block_deletion_before_end_of_life: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    source_field: str = Field(default="id", sa_column_kwargs={"server_default": "id"})
    os_storage_account_id: str | None = None


class DataDiskRow(SQLModel, table=True):
    __tablename__ = "data_disk"
    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="image_version.id", index=True)
    lun: int
    size_gb: int
    used_gb: float
    host_caching: str | None = None
    source_id: str | None = None
    storage_account_id: str | None = None


class SoftDeletedVersionRow(SQLModel, table=True):
    """An image version deleted with its gallery's soft delete on: its rows as they were, to restore."""

    __tablename__ = "soft_deleted_version"
    __table_args__ = (UniqueConstraint("definition_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    definition_id: int = Field(foreign_key="image_definition.id")
    name: str
    location: str
    deleted_at: float
    snapshot: str


class TargetRegionRow(SQLModel, table=True):
    __tablename__ = "target_region"
    __table_args__ = (UniqueConstraint("version_id", "region"),)
    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="image_version.id", index=True)
    position: int
    region: str
    replica_count: int | None = None
    storage_account_type: str | None = None
    exclude_from_latest: bool | None = None
    encryption: str | None = None
    started_at: float
    duration_s: float
    fail_at: float | None = None
    failure_detail: str = ""
    attempt: int = 0
    serving: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class SourceRow(SQLModel, table=True):
    """Managed images, snapshots, managed disks and VMs that versions are made from."""

    __tablename__ = "source"
    id: int | None = Field(default=None, primary_key=True)
    arm_id: str = Field(sa_type=NOCASE, unique=True)
    kind: str
    subscription_id: str = Field(sa_type=NOCASE)
    rg_id: int = Field(foreign_key="resource_group.id", index=True)
    name: str = Field(sa_type=NOCASE)
    location: str
    os_type: str | None = None
    os_state: str | None = None
    hyper_v_generation: str | None = None
    os_size_gb: int = 30
    os_used_gb: float = 10
    os_host_caching: str | None = None
    data_disks: str = "[]"
    encrypted: bool = False
    details: str = "{}"
    created_at: float


class StorageAccountRow(SQLModel, table=True):
    """`Microsoft.Storage/storageAccounts`: where VHD sources live. Names are unique across Azure."""

    __tablename__ = "storage_account"
    id: int | None = Field(default=None, primary_key=True)
    arm_id: str = Field(sa_type=NOCASE, unique=True)
    subscription_id: str = Field(sa_type=NOCASE)
    rg_id: int = Field(foreign_key="resource_group.id", index=True)
    name: str = Field(sa_type=NOCASE, unique=True)
    location: str
    sku: str
    kind: str
    created_at: float


class DiskEncryptionSetRow(SQLModel, table=True):
    __tablename__ = "disk_encryption_set"
    id: int | None = Field(default=None, primary_key=True)
    arm_id: str = Field(sa_type=NOCASE, unique=True)
    subscription_id: str = Field(sa_type=NOCASE)
    rg_id: int = Field(foreign_key="resource_group.id", index=True)
    name: str = Field(sa_type=NOCASE)
    location: str
    encryption_type: str
    created_at: float


class ActivityRow(SQLModel, table=True):
    __tablename__ = "activity"
    id: int | None = Field(default=None, primary_key=True)
    at: float = Field(index=True)
    caller: str
    operation: str
    resource_id: str = Field(sa_type=NOCASE, index=True)
    status: str
    before: str | None = None
    after: str | None = None
    message: str = ""
    face: str = ""


class VirtualMachineRow(SQLModel, table=True):
    """A VM or scale set created from the gallery, with the image as requested and the version it resolved to."""

    __tablename__ = "virtual_machine"
    __table_args__ = (UniqueConstraint("rg_id", "kind", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    arm_id: str = Field(sa_type=NOCASE, unique=True)
    kind: str
    rg_id: int = Field(foreign_key="resource_group.id", index=True)
    name: str = Field(sa_type=NOCASE)
    location: str
    size: str
    image_reference: str = Field(sa_type=NOCASE)
    exact_version: str
    version_id: str = Field(sa_type=NOCASE, index=True)
    os_type: str
    os_disk_type: str
    admin_username: str | None = None
    authentication: str | None = None
    inbound_port: str = "NONE"
    availability: str = "None"
    zone: str | None = None
    encryption: str = "platform"
    disk_encryption_set: str | None = None
    instance_count: int | None = None
    created_at: float
    os_disk_size_gb: int | None = None
    os_disk_encryption_set: str | None = None
    data_disks: str = "[]"
    """The data disks inherited from the image: JSON list of {lun, size_gb, des, caching}."""


class PrincipalRow(SQLModel, table=True):
    """A user, group or service principal in a tenant."""

    __tablename__ = "principal"
    id: str = Field(primary_key=True, sa_type=NOCASE)
    kind: str
    display_name: str = Field(sa_type=NOCASE)
    tenant_id: str
    user_principal_name: str | None = Field(default=None, sa_type=NOCASE, unique=True)


class GroupMemberRow(SQLModel, table=True):
    __tablename__ = "group_member"
    group_id: str = Field(foreign_key="principal.id", primary_key=True, sa_type=NOCASE)
    member_id: str = Field(foreign_key="principal.id", primary_key=True, sa_type=NOCASE)


class RoleAssignmentRow(SQLModel, table=True):
    __tablename__ = "role_assignment"
    __table_args__ = (UniqueConstraint("principal_id", "role", "scope"),)
    id: str = Field(primary_key=True)
    principal_id: str = Field(foreign_key="principal.id", index=True, sa_type=NOCASE)
    role: str
    scope: str = Field(sa_type=NOCASE, index=True)
    created_at: float


class AppCredentialRow(SQLModel, table=True):
    """A service principal's application id and client secret, kept only as a salted scrypt hash."""

    __tablename__ = "app_credential"
    app_id: str = Field(primary_key=True, sa_type=NOCASE)
    principal_id: str = Field(foreign_key="principal.id", index=True, sa_type=NOCASE)
    secret_hash: str
    created_at: float
