"""The JSON Schema of the pack files, from the pack models, for editors' completion and checks."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, create_model

from assessment.pack.knowledge import Knowledge
from assessment.pack.model import PackInfo, Recommendation
from assessment.pack.questions import _CONDITION, Question


def pack_schema() -> dict[str, Any]:
    """One schema whose `$defs` describe pack.yaml, question files, recommendations and knowledge.

    The top level accepts any of the four file shapes, so one schema serves every file of a pack
    (map it to `questionnaires/**/*.yaml` in the editor's YAML settings).
    """
    files: dict[str, type[BaseModel]] = {
        "PackFile": PackInfo,
        "QuestionsFile": create_model("QuestionsFile", questions=(list[Question], ...)),
        "RecommendationsFile": create_model(
            "RecommendationsFile", recommendations=(list[Recommendation], ...)
        ),
        "KnowledgeFile": Knowledge,
    }
    defs: dict[str, Any] = {}
    for name, model in files.items():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[name] = schema
    _as_written(defs)
    _with_base(defs)
    names = [*files, "BaseFile"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ITSM assessment pack file",
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in names],
        "$defs": defs,
    }


def _as_written(defs: dict[str, Any]) -> None:
    """Describe the short forms people write, which the models parse before validating."""
    defs["Condition"] = {
        "type": "string",
        "pattern": _CONDITION.pattern,
        "description": "`below N`, `at least N`, `includes OPTION` or `answered`",
    }
    triggers = defs["Recommendation"]["properties"]["triggers"]
    defs["Recommendation"]["properties"]["triggers"] = {
        "anyOf": [triggers, {"type": "array", "items": {"type": "string"}, "minItems": 1}],
        "description": "{QUESTION: below N}, or a list of question ids with `band: N`",
    }
    defs["Question"]["properties"]["informs"] = {
        "type": "object",
        "additionalProperties": {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
        },
        "description": "{kind: id} or {kind: [ids]}: the knowledge items it gives evidence for",
    }
    options = defs["Question"]["properties"]["options"]
    defs["Question"]["properties"]["options"] = {
        "anyOf": [options, {"type": "object", "additionalProperties": True}],
        "description": "a list of options, or {option-id: weight} / {option-id: {label, weight}}",
    }


def _with_base(defs: dict[str, Any]) -> None:
    """A pack that names a `base` may leave out what the base gives (the perspectives, say);
    a base file holds any pack.yaml keys under `pack:` and any knowledge under `knowledge:`."""
    pack = defs["PackFile"]
    pack["required"] = [key for key in pack.get("required", []) if key != "perspectives"]
    pack["properties"]["perspectives"]["description"] = "required unless the `base` gives them"
    defs["BasePackPart"] = {**pack, "required": [], "title": "BasePackPart"}
    defs["BaseFile"] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "pack": {"$ref": "#/$defs/BasePackPart"},
            "knowledge": {"$ref": "#/$defs/KnowledgeFile"},
        },
        "description": "_base/NAME.yaml: the method a pack builds on with `base: NAME`",
    }
