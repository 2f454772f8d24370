"""Interface language: Qt translators, the saved choice and the system default.

Source strings are English (``self.tr("...")``); the Chinese comes from
``resources/i18n/osteodesk_zh_CN.ts`` compiled into ``osteodesk/resources/i18n/*.qm`` by
``scripts/update_translations.sh``. Clinical sentences never go through Qt's translators: they
come from ``osteodesk.core.messages.text(key, lang)``.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

_log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
SOURCE_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"
# Each language names itself, so the menu is readable whatever language is showing.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}


def translations_dir() -> Path:
    """The folder of the compiled .qm files inside the package."""
    return Path(str(resources.files("osteodesk").joinpath("resources", "i18n")))


def system_language(locale: QLocale | None = None) -> str:
    """The interface language that suits a locale: zh_* gives zh_CN, anything else en."""
    name = (locale if locale is not None else QLocale.system()).name()
    return "zh_CN" if name.startswith("zh") else "en"


def _locale_for(language: str) -> QLocale:
    """Dates and numbers follow the language; English keeps the system's English variant."""
    system = QLocale.system()
    if language == "en" and system.language() == QLocale.Language.English:
        return system
    return QLocale(language)


class LanguageController(QObject):
    """Installs the translators for one language and remembers the choice.

    Installing or removing a translator makes Qt send ``LanguageChange`` to every widget, whose
    ``changeEvent`` then calls its ``retranslate_ui()``. Widgets that show catalogue text
    (``osteodesk.core.messages``) listen to ``language_changed`` instead.

    Signals:
        language_changed(str): the interface language is now this code.
    """

    language_changed = Signal(str)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._translators: list[QTranslator] = []
        self._language = SOURCE_LANGUAGE
        self._locale_before = QLocale()
        self._started = False

    @property
    def language(self) -> str:
        """The language showing now."""
        return self._language

    def saved_language(self) -> str:
        """The language chosen last time, or the system's when none was chosen."""
        saved = self._settings.value(SETTINGS_KEY)
        return saved if isinstance(saved, str) and saved in LANGUAGES else system_language()

    def start(self, override: str | None = None) -> str:
        """Show the saved language, or `override` for this run only (``--lang``)."""
        language = override if override is not None and override in LANGUAGES else None
        language = language or self.saved_language()
        self.apply(language, persist=False)
        return language

    def apply(self, language: str, *, persist: bool = True) -> None:
        """Switch the interface to `language`; with `persist`, later starts use it too."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown interface language; allowed: {', '.join(LANGUAGES)}")
        if persist:
            self._settings.setValue(SETTINGS_KEY, language)
        if self._started and language == self._language:
            return
        self._remove_translators()
        if language != SOURCE_LANGUAGE:
            self._install_translators(language)
        QLocale.setDefault(_locale_for(language))
        self._language = language
        self._started = True
        # Qt posts LanguageChange; deliver it now so every widget is relabelled before
        # language_changed reaches the views that fill their text from the message catalogue.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(language)

    def uninstall(self) -> None:
        """Remove this controller's translators (the window that owned them has closed)."""
        self._remove_translators()
        QLocale.setDefault(self._locale_before)
        self._language = SOURCE_LANGUAGE
        self._started = False

    def _install_translators(self, language: str) -> None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings (OK/Cancel, file dialogs) first, ours last so ours win on a clash.
        sources = [
            (Path(qt_dir) / f"qtbase_{language}.qm", False),
            (translations_dir() / f"osteodesk_{language}.qm", True),
        ]
        for path, required in sources:
            translator = QTranslator(self)
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self._translators.append(translator)
            elif required:
                _log.warning("translation file missing or unreadable: %s", path.name)

    def _remove_translators(self) -> None:
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
