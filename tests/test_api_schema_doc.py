"""docs/API.md and the integrator API's JSON Schema tell the same contract.

Parses the markdown: every ``### `operation``` heading, the argument table
that follows it (first column ``arg``), its ``Errors:`` paragraph, and every
table of error codes (first column ``code``). Checked against
addons/b2b_api/static/schema/b2b_api.schema.json:

- the documented operations are the operations of the schema;
- each documented argument is a parameter of the operation in the schema,
  and each parameter of the schema is documented (in the table, or in the
  section's text for an operation without a table; ``dealer`` is
  documented once for every operation of b2b.api);
- each code of an ``Errors:`` paragraph is an error of that operation;
- the error codes of the code tables are exactly the codes of the schema.
"""

import re
from pathlib import Path

import jsonschema

from tests.api_schema import merged_schema

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "API.md").read_text(encoding="utf-8")
SCHEMA = merged_schema(ROOT)
OPERATIONS = SCHEMA["operations"]
TICKED = re.compile(r"`([A-Za-z_][A-Za-z0-9_]*)`")
HEADING = re.compile(r"^(#{2,3}) (.+?)\s*$", re.M)


def _sections():
    """{operation: text of its section} for the ``### `name``` headings."""
    marks = list(HEADING.finditer(DOC))
    sections = {}
    for i, mark in enumerate(marks):
        title = re.fullmatch(r"`([a-z_]+)`", mark.group(2))
        if mark.group(1) == "###" and title:
            end = marks[i + 1].start() if i + 1 < len(marks) else len(DOC)
            sections[title.group(1)] = DOC[mark.end() : end]
    return sections


def _tables(text):
    """Each markdown table of ``text`` as (header cells, rows of cells)."""
    tables, rows = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            body = [r for r in rows[1:] if not set("".join(r)) <= set("-: ")]
            tables.append((rows[0], body))
            rows = []
    return tables


def _first_column(text, header):
    names = set()
    for head, body in _tables(text):
        if head and head[0] == header:
            for row in body:
                names |= set(TICKED.findall(row[0]))
    return names


SECTIONS = _sections()


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for name, spec in OPERATIONS.items():
        assert spec["model"] in ("b2b.api", "b2b.api.admin"), name
        assert spec["errors"] == sorted(set(spec["errors"])), name


def test_operations_documented():
    assert set(SECTIONS) == set(OPERATIONS), (
        "documented only",
        sorted(set(SECTIONS) - set(OPERATIONS)),
        "schema only",
        sorted(set(OPERATIONS) - set(SECTIONS)),
    )


def test_arguments_documented():
    gaps = []
    for name, text in SECTIONS.items():
        params = set(OPERATIONS[name]["params"]["properties"])
        if OPERATIONS[name]["model"] == "b2b.api":
            # "`dealer` (every operation)", at the top of "Operations"
            implied = {"dealer"}
        else:
            implied = set()
        table = _first_column(text, "arg")
        if table:
            documented = table
            gaps += [(name, arg, "not in the schema") for arg in documented - params]
        else:
            documented = set(TICKED.findall(text))
        gaps += [(name, arg, "not documented") for arg in params - documented - implied]
    assert not gaps, gaps


def test_operation_errors_documented():
    gaps = []
    for name, text in SECTIONS.items():
        for paragraph in re.findall(r"^Errors:(.*?)(?:\n\n|\Z)", text, re.M | re.S):
            codes = {c for c in TICKED.findall(paragraph) if c.isupper()}
            gaps += [(name, c) for c in codes - set(OPERATIONS[name]["errors"])]
    assert not gaps, ("codes documented for an operation that never answers them", gaps)


def test_error_codes_documented():
    documented = _first_column(DOC, "code")
    answered = {code for spec in OPERATIONS.values() for code in spec["errors"]}
    answered |= set(SCHEMA.get("call_errors", {}))
    assert documented == answered, (
        "documented only",
        sorted(documented - answered),
        "schema only",
        sorted(answered - documented),
    )
