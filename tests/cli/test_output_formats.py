"""The formatters and `render` on plain data: knack's rules for tsv, table, colour and the result transform."""

from __future__ import annotations

import pytest

from sigtui.cli import output
from sigtui.cli.output import CliError, UsageError, compile_query, render

GALLERY_ID = "/subscriptions/s/resourceGroups/rg-a/providers/Microsoft.Compute/galleries/g"


def test_tsv_writes_lists_as_lengths_objects_as_empty_cells_and_keeps_none():
    row = {"b": True, "a": None, "c": [1, 2, 3], "d": {"x": 1}, "e": "text"}
    assert render([row, True, "plain", 3], "tsv", arm_transform=False) == "None\tTrue\t3\t\ttext\ntrue\nplain\n3\n"


def test_table_skips_id_type_etag_and_nested_values_and_lifts_properties():
    item = {"id": GALLERY_ID, "type": "t", "etag": "e", "name": "g", "tags": {"a": "b"}, "zones": ["1"],
            "properties": {"provisioningState": "Succeeded", "identifier": {"uniqueName": "u"}}}
    assert render(item, "table") == (
        "Name    ProvisioningState    ResourceGroup\n"
        "------  -------------------  ---------------\n"
        "g       Succeeded            rg-a\n")


def test_table_rows_of_lists_get_numbered_columns():
    assert render([["a", "b"]], "table", compile_query("@"), arm_transform=False) == (
        "Column1    Column2\n---------  ---------\na          b\n")


def test_resource_group_is_added_only_to_objects_inside_a_group():
    data = {"id": "/subscriptions/s/resourceGroups/rg-a", "value": [{"id": GALLERY_ID}, {"id": GALLERY_ID,
                                                                                          "resourceGroup": "kept"}]}
    output.add_resource_group(data)
    assert data == {"id": "/subscriptions/s/resourceGroups/rg-a",
                    "value": [{"id": GALLERY_ID, "resourceGroup": "rg-a"}, {"id": GALLERY_ID, "resourceGroup": "kept"}]}


def test_colour_only_on_a_terminal(monkeypatch):
    monkeypatch.setattr(output, "_color", lambda: True)
    coloured = render({"name": "g"}, "jsonc")
    assert "\x1b[" in coloured and "name" in coloured
    assert "\x1b[" in render({"name": "g"}, "yamlc")
    monkeypatch.setattr(output, "_color", lambda: False)
    assert render({"name": "g"}, "jsonc") == '{\n  "name": "g"\n}\n'


def test_messages_and_empty_results_pass_through():
    assert render("demo catalog written", "table") == "demo catalog written"
    assert render(None, "json") is None
    assert render([], "table") == "\n"


@pytest.mark.parametrize("expression", ["[?", "foo[", "{a:", "`notjson"])
def test_invalid_queries_are_usage_errors(expression):
    with pytest.raises(UsageError, match=r"^argument --query: invalid jmespath_type value: "):
        compile_query(expression)


def test_a_query_that_fails_on_the_data_is_a_cli_error():
    with pytest.raises(CliError, match=r"^Invalid jmespath query supplied for `--query`: In function abs\(\)"):
        render({"a": "x"}, "json", compile_query("abs(a)"))
