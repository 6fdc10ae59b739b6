import inspect
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import COMMANDS, command_help, main

_PROBE = """
import sys
from kg.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(m for m in ("spacy", "networkx", "exports") if m in sys.modules))
"""


def _heavy_modules(*args) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True).stdout
    return out.split("\n")[-2].split()


def test_help_loads_no_command_module_of_weight():
    assert _heavy_modules("--help") == []


def test_query_commands_do_not_load_the_extractor(example_graph):
    assert _heavy_modules("partners", "香港贸易发展局", "-g", str(example_graph)) == []
    assert _heavy_modules("show", "香港贸易发展局", "-g", str(example_graph)) == []


@pytest.mark.parametrize("module", COMMANDS)
def test_each_listed_command_is_found_by_its_name_with_the_help_listed(module):
    name = module.rsplit(".", 1)[1]
    command = main.get_command(None, name)
    assert command.name == name and inspect.cleandoc(command.help) == command_help(name)


def test_help_lists_every_command():
    out = CliRunner().invoke(main, ["--help"]).output
    assert all(f"  {m.rsplit('.', 1)[1]} " in out for m in COMMANDS)
