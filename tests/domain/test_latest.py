"""`latest`: numeric ordering, exclusions, regional override, per-region availability, errors."""

import pytest

from sigtui.domain.latest import resolve_latest

from .builders import DEFINITION_ID, T0, T1, done, failed, running, version


def resolve(versions, region, end_of_life="block"):
    return resolve_latest(versions, DEFINITION_ID, region, T1, end_of_life)


def test_numeric_ordering_picks_1_10_over_1_9():
    result = resolve(
        [version("1.9.0", done("westus")), version("1.10.0", done("westus")), version("1.2.0", done("westus"))],
        "westus",
    )
    assert result.version.name == "1.10.0"
    assert result.passed_over == ()


@pytest.mark.parametrize(
    ("newer", "reason", "text"),
    [
        (version("1.3.0", done("westus"), exclude=True), "excluded", "1.3.0 is excluded from latest"),
        (
            version("1.3.0", done("westus", exclude=True)),
            "regional_exclusion",
            "1.3.0 is excluded from latest in westus",
        ),
        (version("1.3.0", running("westus", 0.43)), "replicating", "1.3.0 is still replicating to westus (43%)"),
        (version("1.3.0", failed("westus")), "failed", "1.3.0 failed to replicate to westus"),
        (version("1.3.0", done("eastus")), "not_replicated", "1.3.0 is not replicated to westus"),
    ],
)
def test_newer_version_passed_over_with_reason(newer, reason, text):
    result = resolve([version("1.1.0", done("westus")), newer], "westus")
    assert result.version.name == "1.1.0"
    assert [(p.version, p.reason, p.text) for p in result.passed_over] == [("1.3.0", reason, text)]
    assert result.explain() == f"{text}; resolved to 1.1.0"


def test_regional_flag_overrides_version_flag():
    """Doc example: global true, brazilsouth false, canadacentral true."""
    v = version("2.0.0", done("brazilsouth", exclude=False), done("canadacentral", exclude=True), exclude=True)
    assert resolve([v], "brazilsouth").version.name == "2.0.0"
    assert resolve([v], "canadacentral").version is None


def test_explanation_lists_every_newer_version():
    versions = [
        version("1.3.0", done("westus"), exclude=True),
        version("1.2.0", running("westus", 0.43)),
        version("1.1.0", done("westus")),
    ]
    assert resolve(versions, "westus").explain() == (
        "1.3.0 is excluded from latest; 1.2.0 is still replicating to westus (43%); resolved to 1.1.0"
    )


def test_end_of_life_is_passed_over_and_explained():
    result = resolve([version("1.0.0", done("westus")), version("1.1.0", done("westus"), eol=T0)], "westus")
    assert result.version.name == "1.0.0"
    assert result.explain() == f"1.1.0 reached its end of life on {T0:%Y-%m-%d}; resolved to 1.0.0"
    assert result.warnings == ()


def test_end_of_life_is_allowed_with_a_warning_under_the_warn_policy():
    result = resolve([version("1.0.0", done("westus"), eol=T0)], "westus", end_of_life="warn")
    assert result.version.name == "1.0.0"
    assert "past its end-of-life date" in result.warnings[0]


def test_no_eligible_version_anywhere():
    result = resolve([version("1.0.0", done("westus"), exclude=True)], "westus")
    assert result.version is None
    assert result.error.message == f'There is no latest image version exists for "{DEFINITION_ID}"'


def test_no_versions_at_all():
    assert resolve([], "westus").error.message.startswith("There is no latest image version exists")


def test_eligible_elsewhere_but_not_in_region():
    result = resolve([version("1.0.0", done("westus"))], "japaneast")
    assert result.error.code == "GalleryImageNotFound"
    assert result.error.message == (
        f"The gallery image {DEFINITION_ID} is not available in japaneast region. Please contact image owner to "
        "replicate to this region, or change your requested region."
    )


def test_still_replicating_everywhere_is_not_available_in_region():
    result = resolve([version("1.0.0", running("westus", 0.5))], "westus")
    assert result.error.code == "GalleryImageNotFound"


def test_any_region_latest_counts_a_completed_region():
    v = version("1.4.0", running("westus", 0.2), done("eastus"))
    assert resolve([v, version("1.0.0", done("westus"))], None).version.name == "1.4.0"


def test_resolution_stops_at_the_first_eligible_version():
    older = [version(f"1.0.{i}", done("westus")) for i in range(1000)]
    result = resolve(older, "westus")
    assert result.version.name == "1.0.999"
    assert result.passed_over == ()


def test_the_explanation_says_in_sigtui_s_words_that_nothing_qualifies():
    result = resolve([], "westus")
    assert result.explain() == "no version qualifies as latest"
    assert "exists" not in result.explain() and result.error.message.startswith("There is no latest")
