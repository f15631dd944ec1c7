"""Each subcommand's --help lists the exit codes that command can return: only `check` exits 1."""
from __future__ import annotations

import re

import pytest

from livestream_desk.cli import main
from livestream_desk.cli.commands import COMMANDS

EXIT_ONE = re.compile(r"^\s+1\s", re.MULTILINE)
COMMAND_NAMES = [module.__name__.rsplit(".", 1)[1].replace("_", "-") for module in COMMANDS]
EXPORT_KINDS = ["products", "sales", "livestreams", "monthly", "runsheet", "calendar"]


def help_of(capsys, *argv: str) -> str:
    assert main([*argv, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [name for name in COMMAND_NAMES if name != "check"])
def test_commands_other_than_check_do_not_list_exit_code_1(command, capsys):
    text = help_of(capsys, command)
    assert "exit codes:" in text and re.search(r"^\s+2\s", text, re.MULTILINE)
    assert not EXIT_ONE.search(text), text
    assert "found problems" not in text


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_export_kinds_do_not_list_exit_code_1(kind, capsys):
    text = help_of(capsys, "export", kind)
    assert "exit codes:" in text and not EXIT_ONE.search(text)


def test_check_lists_exit_code_1(capsys):
    text = help_of(capsys, "check")
    assert EXIT_ONE.search(text) and "problems were found" in text


def test_the_top_level_help_names_check_for_exit_code_1(capsys):
    assert "`check` found problems" in help_of(capsys)
