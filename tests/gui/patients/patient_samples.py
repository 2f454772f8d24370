"""Sample patients for the Patients tab tests (imported by conftest and the tests)."""

from datetime import date

from osteodesk.core.record import parse_record

TODAY = date(2026, 11, 25)

# (clinic id, name, sex, birth date, extra record fields)
SAMPLE_PATIENTS = (
    ("MRN-001", "王秀英", "female", "1954-05-12", {"menopausal_status": "post"}),
    ("MRN-002", "张伟", "male", "1960-01-20", {}),
    ("MRN-003", "李娜", "female", "1970-08-02", {"menopausal_status": "post"}),
    ("MRN-004", "Mary Smith", "female", "1948-11-30", {"phone": "138 0013 8000"}),
    ("MRN-005", "张伟明", "male", "1975-03-03", {}),
)


def sample_record(mrn, name, sex, birth, extra):
    data = {"id": mrn, "name": name, "sex": sex, "birth_date": birth, **extra}
    return parse_record(data, as_of=TODAY)


def type_text(qtbot, widget, text):
    """Type like a clinician: keys for ASCII, an input-method commit for Chinese (as a pinyin
    IME delivers it; QTest cannot press keys for characters that are not on the keyboard)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
