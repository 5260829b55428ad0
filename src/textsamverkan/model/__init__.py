"""Pure data types shared by every layer: no I/O and no heavy imports."""

from textsamverkan.model.document import Document, Locator, RawDocument
from textsamverkan.model.offsets import OffsetMap
from textsamverkan.model.run import RunRecord
from textsamverkan.model.span import Span
from textsamverkan.model.speaker import Speaker

__all__ = ["Document", "Locator", "OffsetMap", "RawDocument", "RunRecord", "Span", "Speaker"]
