from osteodesk.ui.qt_refcounts import make_constants_immortal

make_constants_immortal()  # before any Qt signal is emitted (PySide6 6.12.0 on CPython 3.11)
