"""Why a file gave no text: skipped (not a kind we read) or failed (ours, but unreadable)."""
from __future__ import annotations

__all__ = ["UnreadableDocument", "UnsupportedDocument"]


class UnreadableDocument(Exception):
    """A file of a supported kind that cannot be turned into text; the message is the reason."""


class UnsupportedDocument(UnreadableDocument):
    """A file of a kind no reader handles (an image, a spreadsheet): skipped, not failed."""
