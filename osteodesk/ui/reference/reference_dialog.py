"""The drug reference window: every drug and class of the seed, searchable, in zh_CN or en.

One window per main window (`open_reference` finds it or makes it), opened from Help > Drug
reference and from any drug name in the Plan tab. The text comes from
``osteodesk.core.messages.reference``; only the headings here go through Qt's translators.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Final

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.core import codes, messages
from osteodesk.core.messages import reference
from osteodesk.core.products import products_of
from osteodesk.ui.i18n import LANGUAGE_NAMES
from osteodesk.ui.reference.catalogue import ui_language
from osteodesk.ui.reference.reference_model import EntryRole, ReferenceModel, SearchTextRole

STATUS_COLOURS: Final = {
    "approved": "#2e6b30",
    "restricted": "#8a4b00",
    "investigational": "#6a3d9a",
    "not_bone_therapy": "#1f5a96",
}
DEFAULT_SIZE: Final = (980, 620)


def entry_html(entry: str, lang: str, headings: Mapping[str, str]) -> str:
    """The HTML of one entry: both names, status, each field there is, products and sources.

    Args:
        entry: an id of `reference.ENTRIES`.
        lang: the language of the text (``zh_CN`` or ``en``).
        headings: translated headings for the fields and for ``status``, ``products``,
            ``drugs`` and ``sources``.
    """
    zh_name = escape(messages.text(f"reference.{entry}.name", "zh_CN"))
    en_name = escape(messages.text(f"reference.{entry}.name", "en"))
    status = reference.STATUS[entry]
    status_text = escape(messages.text(f"reference.status.{status}", lang))
    parts = [
        f"<h2>{zh_name}<br/><span style='font-weight:normal'>{en_name}</span></h2>",
        f"<p><span style='color:white; background-color:{STATUS_COLOURS[status]};'>"
        f"&nbsp;{status_text}&nbsp;</span></p>",
    ]
    members = codes.BIOLOGIC_CLASSES.get(entry, ())
    if members:
        names = ", ".join(
            escape(f"{messages.text(f'drug.{d}', 'zh_CN')} ({messages.text(f'drug.{d}', 'en')})")
            for d in members
        )
        parts.append(f"<p><b>{escape(headings['drugs'])}:</b> {names}</p>")
    for field in reference.FIELDS:
        key = f"reference.{entry}.{field}"
        if messages.has(key):
            parts.append(
                f"<h3>{escape(headings[field])}</h3><p>{escape(messages.text(key, lang))}</p>"
            )
    products = products_of(entry)
    if products:
        shown = ", ".join(
            escape(p.name) + ("" if p.osteoporosis_dosing else " *") for p in products
        )
        parts.append(f"<h3>{escape(headings['products'])}</h3><p>{shown}</p>")
        notes = {p.note for p in products if p.note and not p.osteoporosis_dosing}
        for note in sorted(notes):
            parts.append(f"<p><small>* {escape(messages.text(note, lang))}</small></p>")
    parts.append(
        f"<p><small><b>{escape(headings['sources'])}:</b> "
        f"{escape(reference.SOURCES[entry])}</small></p>"
    )
    return "\n".join(parts)


class ReferenceDialog(QDialog):
    """Search box and tree of drugs on the left, the chosen drug's reference on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reference_dialog")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self._entry: str | None = None

        self.model = ReferenceModel(ui_language(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SearchTextRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code in codes.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_label.setBuddy(self.language_combo)
        self.tree = QTreeView()
        self.tree.setObjectName("reference_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.expandAll()
        self.browser = QTextBrowser()
        self.browser.setObjectName("reference_text")
        self.browser.setOpenLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.tree)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language_label)
        top.addWidget(self.language_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(*DEFAULT_SIZE)
        splitter.setSizes([280, 700])

        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self._connect_signals()
        self.set_language(ui_language())
        self.retranslate_ui()

    @property
    def entry(self) -> str | None:
        """The entry shown now."""
        return self._entry

    @property
    def language(self) -> str:
        """The language of the reference text."""
        return self.model.language

    def set_language(self, language: str) -> None:
        """Show the names and the text in `language` (independent of the interface language)."""
        self.model.set_language(language)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))
        self.tree.expandAll()
        self._render()
        if self._entry is not None:
            self._select(self._entry)

    def show_entry(self, entry: str) -> bool:
        """Show one entry (a `reference.ENTRIES` id); False when there is none."""
        if entry not in reference.ENTRIES:
            return False
        self.search_edit.clear()
        self._entry = entry
        self._select(entry)
        self._render()
        return True

    def show_drug(self, drug: str) -> bool:
        """Show the entry of a drug id (a rheumatology drug opens its class)."""
        entry = reference.entry_for_drug(drug)
        return entry is not None and self.show_entry(entry)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Drug reference"))
        self.search_edit.setPlaceholderText(self.tr("Search drugs, classes and brand names"))
        self.language_label.setText(self.tr("&Text language:"))
        self._render()

    def _headings(self) -> dict[str, str]:
        return {
            "mechanism": self.tr("Mechanism"),
            "dose": self.tr("Dose and interval"),
            "course": self.tr("Course limits"),
            "safety": self.tr("Main safety points"),
            "monitoring": self.tr("Monitoring"),
            "status": self.tr("Status"),
            "products": self.tr("Brand and biosimilar names"),
            "drugs": self.tr("Drugs"),
            "sources": self.tr("Sources"),
        }

    def _render(self) -> None:
        if self._entry is None:
            self.browser.setHtml(
                "<p>{}</p>".format(escape(self.tr("Choose a drug or class on the left.")))
            )
            return
        self.browser.setHtml(entry_html(self._entry, self.language, self._headings()))

    def _select(self, entry: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of_entry(entry))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.language_combo.activated.connect(self._on_language_combo_activated)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.buttons.rejected.connect(self.close)

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _on_language_combo_activated(self, _index: int) -> None:
        self.set_language(str(self.language_combo.currentData()))

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(EntryRole) if current.isValid() else None
        if isinstance(entry, str) and entry != self._entry:
            self._entry = entry
            self._render()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def open_reference(anchor: QWidget, drug_or_entry: str | None = None) -> ReferenceDialog:
    """Show (or raise) the reference window of `anchor`'s main window, at a drug if given.

    The window is non-modal and kept, so the clinician can leave it open beside the plan.
    """
    window = anchor.window()
    dialog = window.findChild(ReferenceDialog, "reference_dialog")
    if dialog is None:
        dialog = ReferenceDialog(window)
        # Text in the language of the interface when first opened.
        dialog.set_language(ui_language())
    if drug_or_entry is not None and not dialog.show_drug(drug_or_entry):
        dialog.show_entry(drug_or_entry)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
