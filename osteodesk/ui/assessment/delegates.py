"""One item delegate for the Assessment tables: a date editor, a combo box for codes, else text."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from typing_extensions import override

from osteodesk.ui.assessment.table_models import CellKind, ChoicesRole, KindRole
from osteodesk.ui.reference.catalogue import date_format

EARLIEST_DATE: Final = QDate(1900, 1, 1)


class CellDelegate(QStyledItemDelegate):
    """Edits each cell with the editor its kind needs (`KindRole` of the model)."""

    @override
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        kind = index.data(KindRole)
        if kind == CellKind.DATE.value:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(date_format())
            editor.setMinimumDate(EARLIEST_DATE)
            editor.setMaximumDate(QDate.currentDate())
            return editor
        if kind == CellKind.CODE.value:
            combo = QComboBox(parent)
            for code, text in index.data(ChoicesRole) or []:
                combo.addItem(text, code)
            return combo
        return super().createEditor(parent, option, index)

    @override
    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QDateEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setDate(value if isinstance(value, QDate) else QDate.currentDate())
            return
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    @override
    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
