"""The integrator API's contract as the server serves it, read from the
repository: b2b_api's schema file merged with the fragments of the glue
modules that add operations (``b2b.api._b2b_api_contract`` does the same
with the installed modules)."""

import json


def merged_schema(root):
    """b2b_api's contract with the fragments of the glue modules that add
    operations (addons/<module>/static/schema/*.schema.json), as the server
    serves it when they are installed."""
    schema = json.loads(
        (root / "addons/b2b_api/static/schema/b2b_api.schema.json").read_text(
            encoding="utf-8"
        )
    )
    for path in sorted(root.glob("addons/*/static/schema/*.schema.json")):
        if path.parts[-4] != "b2b_api":
            part = json.loads(path.read_text(encoding="utf-8"))
            schema["$defs"].update(part.get("$defs", {}))
            schema["operations"].update(part.get("operations", {}))
    return schema
