"""Keep PySide6 6.12.0 from crashing the window: True, False and None get a reserve of references.

PySide6 6.12.0 returns a constant without taking a reference in a few places: every
``SignalInstance.emit()`` (it returns True) and ``QSettings.setValue``/``sync``/``remove`` (they
return None) lower the constant's reference count by one. CPython 3.12 and later make these
constants immortal, so nothing happens there; on CPython 3.11 the count reaches zero after some
thousands of emitted signals and the interpreter aborts with "bool_dealloc: deallocating True or
False" (measured in issue 9: about 10 lost references per window opened and closed, one per
signal emitted from Python). Giving the three constants a reserve of references at start-up is
what 3.12 does for them, and makes the lost references harmless.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Final

RESERVE: Final = 1 << 40  # far more references than any run can lose


def make_constants_immortal() -> bool:
    """Add the reserve once (CPython < 3.12 only); True when it was added now."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    added = False
    for constant in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(constant))
        # ob_refcnt is the object's first field; check the layout before writing to it.
        if count.value != sys.getrefcount(constant) - 1 or count.value >= RESERVE:
            continue
        count.value += RESERVE
        added = True
    return added
