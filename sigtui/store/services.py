"""`Services`: the one way anything reads or writes the model, for the TUI and the headless commands alike."""

from __future__ import annotations

from .access import AccessOps
from .accounts import AccountOps
from .apps import AppOps
from .costs import CostOps
from .definitions import DefinitionOps
from .direct_sharing import DirectShareOps
from .galleries import GalleryOps
from .quotas import QuotaOps
from .retention import RetentionOps
from .sources import SourceOps
from .storage import StorageOps
from .tenancy import TenancyOps
from .versions import VersionOps
from .vms import VmOps


class Services(
    AccountOps,
    TenancyOps,
    GalleryOps,
    DirectShareOps,
    DefinitionOps,
    VersionOps,
    SourceOps,
    StorageOps,
    VmOps,
    AccessOps,
    CostOps,
    AppOps,
    RetentionOps,
    QuotaOps,
):
    """Validate first, then write in one transaction with an activity-log entry."""
