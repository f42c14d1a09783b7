"""A definition's features: Azure's values and spellings, Hyper-V generation V2 for security types, changes only
with `allowUpdateImage`, and confidential sizes for confidential images."""

import json

import pytest

from sigtui.domain.definition_writes import decide_create, decide_update
from sigtui.domain.errors import AzureError
from sigtui.domain.features import check_vm_size
from sigtui.domain.reference_data import find_vm_size

from .test_definition_writes import definition, facts

TRUSTED = (("securitytype", "trustedlaunch"), ("IsAcceleratedNetworkSupported", "true"))


def test_features_are_stored_in_azure_s_spelling():
    decision = decide_create(facts(), definition(hyper_v_generation="V2", features=TRUSTED))
    assert decision.result.features == (("SecurityType", "TrustedLaunch"), ("IsAcceleratedNetworkSupported", "True"))
    assert json.loads(decision.plan.steps[0].values["features"]) == [["SecurityType", "TrustedLaunch"],
                                                                     ["IsAcceleratedNetworkSupported", "True"]]


@pytest.mark.parametrize(("features", "words"), [
    ((("SecurityType", "TrustedLaunch"),), "Hyper-V generation V2"),
    ((("SecurityType", "Trusted"),), "Allowed values: Standard, TrustedLaunchSupported"),
    ((("IsAcceleratedNetworkSupported", "yes"),), "'IsAcceleratedNetworkSupported' is not valid"),
    ((("DiskControllerTypes", "IDE"),), "'DiskControllerTypes' is not valid"),
    ((("IsHibernateSupported", "True"), ("ishibernatesupported", "False")), "more than once"),
])
def test_a_feature_azure_refuses_is_refused(features, words):
    with pytest.raises(AzureError) as refused:
        decide_create(facts(), definition(features=features))
    assert refused.value.target == "properties.features" and words in refused.value.message


def _existing():
    return decide_create(facts(), definition(hyper_v_generation="V2", features=TRUSTED)).result


def test_features_change_only_with_allow_update_image():
    old = _existing()
    body = {"properties": {"features": [{"name": "SecurityType", "value": "TrustedLaunchAndConfidentialVmSupported"}]}}
    with pytest.raises(AzureError) as refused:
        decide_update(facts(existing=old, existing_pk=9), "d1", body)
    assert "Changing property 'galleryImage.properties.features' is not allowed." in refused.value.message
    body["properties"]["allowUpdateImage"] = True
    changed = decide_update(facts(existing=old, existing_pk=9), "d1", body).result
    assert changed.features == (("SecurityType", "TrustedLaunchAndConfidentialVmSupported"),)


def test_a_patch_without_features_keeps_them():
    old = _existing()
    kept = decide_update(facts(existing=old, existing_pk=9), "d1", {"properties": {"description": "x"}}).result
    assert kept.features == old.features


def test_a_confidential_image_runs_on_a_confidential_size_only():
    confidential = definition(hyper_v_generation="V2", features=(("SecurityType", "ConfidentialVM"),))
    check_vm_size(find_vm_size("Standard_DC2as_v5"), confidential)
    with pytest.raises(AzureError) as refused:
        check_vm_size(find_vm_size("Standard_DC2s_v2"), confidential)
    assert "'ConfidentialVM' security type" in refused.value.message
    check_vm_size(find_vm_size("Standard_DC2s_v2"), definition(hyper_v_generation="V2"))
