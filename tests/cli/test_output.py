"""`-o/--output`, `--query`, `--only-show-errors`, `--verbose` and `--debug` on real commands, as az prints them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

SUB = "/subscriptions/{subscriptionId}"


@pytest.fixture
def two_galleries(ok, sub) -> str:
    ok("group create -n rg-a -l westus")
    ok("group create -n rg-b -l eastus")
    ok("sig create -g rg-a -r GalleryA --description 'Golden images'")
    ok("sig create -g rg-b -r GalleryB")
    return sub


def test_table_has_one_row_per_item_with_sorted_scalar_columns(az, two_galleries):
    assert az("sig list -o table").out == (
        "Description    Location    Name      ProvisioningState    ResourceGroup\n"
        "-------------  ----------  --------  -------------------  ---------------\n"
        "Golden images  westus      GalleryA  Succeeded            rg-a\n"
        "               eastus      GalleryB  Succeeded            rg-b\n")


def test_query_filters_with_full_jmespath(az, two_galleries):
    assert az("sig list --query \"[?location=='westus'].name\"").json == ["GalleryA"]
    assert az("sig list --query 'sort_by(@, &location)[].name'").json == ["GalleryB", "GalleryA"]
    assert az("sig list --query 'length(@)'").json == 2


def test_a_multiselect_keeps_its_order_in_table_and_tsv_but_json_sorts_keys(az, two_galleries):
    query = "--query '[].{n:name,l:location}'"
    assert az(f"sig list {query}").out == json.dumps(
        [{"l": "westus", "n": "GalleryA"}, {"l": "eastus", "n": "GalleryB"}], indent=2) + "\n"
    assert az(f"sig list {query} -o table").out == (
        "N         L\n"
        "--------  ------\n"
        "GalleryA  westus\n"
        "GalleryB  eastus\n")
    assert az(f"sig list {query} -o tsv").out == "GalleryA\twestus\nGalleryB\teastus\n"


def test_json_sorts_keys_and_adds_the_resource_group_as_az_does(az, two_galleries):
    result = az("sig show -g rg-a -r GalleryA")
    assert list(result.json) == sorted(result.json)
    assert result.json["resourceGroup"] == "rg-a"
    assert "resourceGroup" not in az("group show -n rg-a").json


def test_rest_returns_the_body_untouched_and_says_nothing_on_success(az, two_galleries):
    result = az(f"rest --url {SUB}/resourceGroups/rg-a/providers/Microsoft.Compute/galleries/GalleryA"
                "?api-version=2022-03-03")
    assert (result.status, result.err) == (0, "")
    assert result.json["name"] == "GalleryA" and "resourceGroup" not in result.json


def test_yaml_tsv_none_and_uncoloured_jsonc(az, two_galleries):
    shown = az("sig show -g rg-a -r GalleryA").json
    assert yaml.safe_load(az("sig show -g rg-a -r GalleryA -o yaml").out) == shown
    assert az("sig show -g rg-a -r GalleryA -o yamlc").out == az("sig show -g rg-a -r GalleryA -o yaml").out
    assert az("sig show -g rg-a -r GalleryA -o jsonc").out == az("sig show -g rg-a -r GalleryA -o json").out
    assert az("sig show -g rg-a -r GalleryA -o TSV").out == "\t".join(
        [shown["id"], "westus", "GalleryA", "", "rg-a", "", "Microsoft.Compute/galleries"]) + "\n"
    assert az("sig show -g rg-a -r GalleryA -o none").out == ""


def test_a_scalar_result_in_a_table(az, two_galleries):
    assert az("sig list --query 'length(@)' -o table").out == "Result\n--------\n2\n"


def test_an_invalid_output_format_is_a_usage_error_naming_the_choices(refused, two_galleries):
    assert refused("group create -n rg-c -l westus -o yml", 2) == (
        "sigtui: error: argument --output/-o: invalid choice: 'yml' (choose from 'json', 'jsonc', 'yaml', 'yamlc', "
        "'table', 'tsv', 'none')")


def test_an_invalid_query_on_a_write_command_changes_nothing(refused, two_galleries):
    assert refused("sig create -g rg-a -r GalleryC --query '[].{n:name'", 2) == (
        "argument --query: invalid jmespath_type value: '[].{n:name'\n"
        "To learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'")
    assert refused("sig delete -g rg-b -r GalleryB --query \"[?name=='x'\"", 2).startswith(
        "argument --query: invalid jmespath_type value: \"[?name=='x'\"")


def test_a_query_failing_on_the_result_is_an_error(az, two_galleries):
    result = az("sig list --query 'length(@[0].properties.missing)'")
    assert result.status == 1 and result.out == ""
    assert result.err.startswith("Invalid jmespath query supplied for `--query`: In function length(), invalid "
                                 "type for value: None")


def test_only_show_errors_hides_warnings(az, ok, world):
    ok("image create -g MyResourceGroup -n img --os-type Windows --os-disk-size-gb 30")
    version = ok("sig image-version create -g MyResourceGroup -r MyGallery -i MyImage -e 1.0.0 --managed-image img")
    pat, sam = (ok(f"ad user create --display-name {n} --user-principal-name {n}@contoso.onmicrosoft.com")["id"]
                for n in ("pat", "sam"))
    share = f"role assignment create --role Reader --scope {version['id']} --assignee"
    assert az(f"{share} {pat}").err.startswith("WARNING: Sharing single image versions is allowed but discouraged")
    quiet = az(f"{share} {sam} --only-show-errors")
    assert (quiet.status, quiet.err) == (0, "")
    assert az(f"{share} {sam} --only-show-errors --verbose").err == (
        "--only-show-errors can't be used together with --debug or --verbose\n")


def test_verbose_and_debug_log_the_rest_request_and_response(az, two_galleries):
    url = f"{SUB}/resourceGroups/rg-b/providers/Microsoft.Compute/galleries/GalleryB?api-version=2022-03-03"
    body = "{\"location\": \"eastus\", \"properties\": {\"description\": \"renamed\"}}"
    verbose = az(["rest", "-m", "put", "-u", url, "-b", body, "--verbose"])
    lines = verbose.err.splitlines()
    assert lines[:3] == [f"INFO: Request URL: '{url}'", "INFO: Request method: 'PUT'", "INFO: Request headers:"]
    assert lines[lines.index("INFO: Request body:") + 1] == f"INFO: {body}"
    assert "INFO: Response status: 200" in lines
    content = lines[lines.index("INFO: Response content:") + 1].removeprefix("INFO: ")
    assert json.loads(content) == verbose.json and verbose.json["properties"]["description"] == "renamed"
    assert lines[-1].startswith("INFO: Command ran in ")
    debug = az(["rest", "-u", url, "--debug"]).err.splitlines()
    assert debug[0].startswith("DEBUG: cli.sigtui.cli.commands: Command arguments: ['rest', '-u', ")
    assert "INFO: cli.sigtui.cli.httplog: Response status: 200" in debug


def test_a_read_command_loads_no_output_library_it_does_not_use(db):
    code = ("import sys\nfrom sigtui.cli.main import main\n"
            f"main(['sig', 'list', '--db', {str(db)!r}])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'jmespath', 'yaml', 'tabulate', 'pygments', "
            "'argcomplete', 'logging', 'sqlmodel', 'sqlalchemy'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["[]", "[]"]


def test_commands_with_az_table_transformers_choose_their_columns(az, two_galleries):
    assert az("group list -o table").out == (
        "Name    Location    Status\n"
        "------  ----------  ---------\n"
        "rg-a    westus      Succeeded\n"
        "rg-b    eastus      Succeeded\n")
    assert az("group list -o table --query [].{Group:name}").out == "Group\n-------\nrg-a\nrg-b\n"
    assert az("account list -o table").out.splitlines()[0].split() == [
        "Name", "SubscriptionId", "TenantId", "State", "IsDefault"]
    az("vm create -g rg-a -n source01 --os-type Linux --os-disk-size-gb 30")
    assert az("vm list -o table").out == (
        "Name      ResourceGroup    Location\n"
        "--------  ---------------  ----------\n"
        "source01  rg-a             westus\n")
