"""Where each part of a pack was written: the files read, and each item's file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessment.files.yamlfile import Document
from assessment.pack.knowledge import Knowledge
from assessment.pack.layers import Layered
from assessment.pack.model import PackInfo, Recommendation
from assessment.pack.questions import Question


@dataclass
class Located:
    """An item of a list file and where it was written."""

    data: Any
    doc: Document
    at: tuple[str | int, ...]

    @property
    def line(self) -> int:
        return self.doc.line_of(self.at)

    def line_of(self, key: str) -> int:
        """The line of one key of the item (the item's own line when the key is not written)."""
        return self.doc.line_of((*self.at, key)) if key else self.line


@dataclass
class PackParts:
    """What a pack loader built, even when some parts failed, and where each part came from."""

    folder: str  # the pack folder as messages name it
    info: PackInfo | None = None
    info_layers: Layered = field(default_factory=Layered)  # pack.yaml over its base
    questions: dict[str, Question] = field(default_factory=dict)
    recommendations: dict[str, Recommendation] = field(default_factory=dict)
    knowledge: Knowledge | None = None
    where_q: dict[str, Located] = field(default_factory=dict)
    where_r: dict[str, Located] = field(default_factory=dict)
    knowledge_layers: Layered = field(default_factory=Layered)  # knowledge over its base
    docs: list[Document] = field(default_factory=list)  # every file read, in reading order
