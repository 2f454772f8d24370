"""The drug reference as a two-level tree: drug groups, then the drugs and classes in each."""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from osteodesk.core import codes, messages
from osteodesk.core.messages import reference
from osteodesk.core.products import products_of

EntryRole: Final = Qt.ItemDataRole.UserRole + 1  # the entry id (None on a group row)
SearchTextRole: Final = Qt.ItemDataRole.UserRole + 2  # every name to match a search against

# An index's internal id is 0 for a group and 1 + the group's row for an entry (internal ids
# are unsigned, so no negative marker).
_GROUP_ID: Final = 0


def search_text(entry: str) -> str:
    """Names in both languages, product names and member drugs: what a search may type."""
    parts = [messages.text(f"reference.{entry}.name", lang) for lang in codes.LANGUAGES]
    parts.append(entry.replace("_", " "))
    parts.extend(product.name for product in products_of(entry))
    for drug in codes.BIOLOGIC_CLASSES.get(entry, ()):
        parts.append(drug)
        parts.extend(messages.text(f"drug.{drug}", lang) for lang in codes.LANGUAGES)
    return " ".join(parts)


class ReferenceModel(QAbstractItemModel):
    """Groups of `reference.GROUPS` at the top level, their entries below, in one language."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._groups = reference.GROUPS

    @property
    def language(self) -> str:
        """The language the names are shown in."""
        return self._language

    def set_language(self, language: str) -> None:
        """Show the names in another language."""
        if language == self._language:
            return
        self.beginResetModel()
        self._language = language
        self.endResetModel()

    def index_of_entry(self, entry: str) -> QModelIndex:
        """The index of an entry (invalid when there is no such entry)."""
        for group_row, (_group, entries) in enumerate(self._groups):
            if entry in entries:
                return self.index(entries.index(entry), 0, self.index(group_row, 0))
        return QModelIndex()

    # Model interface ####

    @override
    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP_ID)
        return self.createIndex(row, column, parent.row() + 1)

    @override
    def parent(self, child: QModelIndex | QPersistentModelIndex = QModelIndex()) -> Any:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        internal = child.internalId()
        if internal == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(internal - 1, 0, _GROUP_ID)

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _GROUP_ID:
            return 0
        return len(self._groups[parent.row()][1])

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        internal = index.internalId()
        if internal == _GROUP_ID:
            group = self._groups[index.row()][0]
            if role == Qt.ItemDataRole.DisplayRole:
                return messages.text(f"reference.group.{group}", self._language)
            if role == SearchTextRole:
                return ""
            return None
        entry = self._groups[internal - 1][1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return messages.text(f"reference.{entry}.name", self._language)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The full name (long ones are elided in the tree) and the status.
            name = messages.text(f"reference.{entry}.name", self._language)
            status = messages.text(f"reference.status.{reference.STATUS[entry]}", self._language)
            return f"{name}\n{status}"
        if role == EntryRole:
            return entry
        if role == SearchTextRole:
            return search_text(entry)
        return None

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
