"""`--help` in az's layout, and every example it shows runs as written."""

from __future__ import annotations

import re
import shlex

import pytest

from sigtui.cli.commands import command_parser

GLOBALS = ("--as", "--db", "--debug", "--help -h", "--only-show-errors", "--output -o", "--query", "--subscription",
           "--verbose")
KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBxh0vtVGsLJ0gTMkRgFJwjsEmCbDhSUDP6nNeuQYsLO azureuser@example"


def _section(text: str, title: str) -> list[str]:
    """The lines under a heading, up to the next blank line."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = lines.index("", start)
    return lines[start:end]


def test_command_help_lists_arguments_globals_and_examples(az):
    result = az("sig image-version create --help")
    assert result.status == 0 and result.err == ""
    text = result.out
    assert text.startswith("\nCommand\n    sigtui sig image-version create : Create a new image version")
    arguments = _section(text, "Arguments")
    assert arguments[0] == "    --gallery-image-definition -i [Required] : Gallery image definition."
    joined = re.sub(r"\s+", " ", " ".join(arguments))
    assert "--storage-account-type : The default storage account type to be used per region. Allowed values: " \
           "Premium_LRS, Standard_LRS, Standard_ZRS." in joined
    names = [line.split(" : ")[0].strip() for line in _section(text, "Global Arguments") if " : " in line]
    assert names == list(GLOBALS)
    assert "    --output -o                              : Output format.  Allowed values: json, jsonc, none," in text
    examples = text[text.index("\nExamples\n"):]
    assert "    Add a new image version from a managed image.\n        sigtui sig image-version create" in examples


def test_group_help_lists_subgroups_and_commands(az):
    text = az("sig --help").out
    assert text.startswith("\nGroup\n    sigtui sig : Manage galleries (az sig).\n\nSubgroups:\n")
    assert _section(text, "Subgroups:") == [
        "    image-definition : Manage image definitions (az sig image-definition).",
        "    image-version    : Manage image versions (az sig image-version).",
        "    share            : Share a gallery directly with subscriptions and tenants (az sig share)."]
    assert [line.split(":")[0].strip() for line in _section(text, "Commands:")] == [
        "create", "delete", "list", "list-shared", "list-usage", "show", "show-shared", "update"]
    assert "Subgroups:" in az("ad --help").out and az("ad -h").status == 0


def test_top_level_help_lists_groups_commands_and_global_arguments(az):
    text = az("--help").out
    assert "        With no command, sigtui opens the workbench (the terminal UI)" in text
    assert any(line.startswith("    rest   : Send a REST request") for line in _section(text, "Commands:"))
    assert [line.split(":")[0].strip() for line in _section(text, "Workbench Arguments")] == [
        "--readonly", "--serve", "--speed"]
    names = [line.split(" : ")[0].strip() for line in _section(text, "Global Arguments") if " : " in line]
    assert names == list(GLOBALS)


@pytest.mark.parametrize("command", ["sig", "sig image-definition", "sig image-version", "rest", "vm create",
                                     "group create", "sig create", "sig show", "sig list", "sig update", "sig delete",
                                     *(f"sig {g} {v}" for g in ("image-definition", "image-version")
                                       for v in ("create", "show", "list", "update", "delete"))])
def test_commands_show_examples(az, command):
    text = az(f"{command} --help").out
    assert "\nExamples\n    " in text and "\n        sigtui " in text


def _examples(*path: str) -> list[str]:
    """The example command lines of `sigtui <path>` (a command), as its help lists them."""
    group, verb = path[:-1], path[-1]
    parser = command_parser(group) if verb is None else command_parser(group).verbs().choices[verb]
    return [text for _, text in parser.examples]


def _run_example(az, text: str, key_file) -> None:
    """Run one example as a shell would: `$(sigtui ...)` substituted, `~/.ssh/id_ed25519.pub` a real key."""
    for inner in re.findall(r"\$\((sigtui [^)]*)\)", text):
        found = az(shlex.split(inner)[1:])
        assert found.status == 0, (inner, found.err)
        text = text.replace(f"$({inner})", found.out.strip())
    text = text.replace("~/.ssh/id_ed25519.pub", str(key_file))
    result = az(shlex.split(text)[1:])
    assert result.status == 0, (text, result.err)


def test_every_example_runs(az, ok, sub, tmp_path):
    key_file = tmp_path / "id_ed25519.pub"
    key_file.write_text(KEY + "\n")
    ok("group create -n MyResourceGroup -l westus")
    ok("image create -g MyResourceGroup -n MyManagedImage --os-type Linux --os-disk-size-gb 30")
    ok("snapshot create -g MyResourceGroup -n MyOsSnapshot --os-type Linux --os-disk-size-gb 30")
    ok("snapshot create -g MyResourceGroup -n MyDataSnapshot --os-disk-size-gb 64")
    ok("vm create -g MyResourceGroup -n MyVM --os-type Linux --os-disk-size-gb 30")
    order = [("group", "create"), ("group", "show"), ("group", "list"), ("sig", "create"),
             ("sig", "image-definition", "create"), ("sig", "image-version", "create")]
    order += [(*g, v) for v in ("show", "list", "update") for g in (("sig",), ("sig", "image-definition"),
                                                                    ("sig", "image-version"))]
    for path in order:
        for text in _examples(*path):
            _run_example(az, text, key_file)
    ok("clock advance 1d")
    for path in [("vm", "create"), ("vmss", "create"), ("rest", None), ("sig", "image-version", "delete"),
                 ("sig", "image-definition", "delete"), ("sig", "delete")]:
        for text in _examples(*path):
            _run_example(az, text, key_file)
