"""The drug reference covers every drug and class of the seed, in both languages, with sources."""

import re

import pytest

from osteodesk.core import codes, messages
from osteodesk.core.messages import reference

SEED_INVESTIGATIONAL = (
    "blosozumab",
    "strontium_ranelate",
    "odanacatib",
    "calcilytics",
    "pth_cbd",
    "transcon_pth",
    "aga2118",
    "eb613",
    "denosumab_biosimilars",
)
BIOSIMILAR_CODES = ("CT-P41", "RGB-14-P", "QL1206", "Bmab1000", "AVT03", "TVB-009")
CJK = re.compile(r"[\u4e00-\u9fff]")
SEED_SECTION = re.compile(r"[一二三四]\.")


def test_every_osteoporosis_drug_and_rheumatology_class_has_an_entry():
    assert set(codes.OSTEOPOROSIS_DRUGS) <= set(reference.ENTRIES)
    assert set(codes.BIOLOGIC_CLASSES) <= set(reference.ENTRIES)
    assert set(SEED_INVESTIGATIONAL) <= set(reference.ENTRIES)
    assert len(reference.ENTRIES) == len(set(reference.ENTRIES))


@pytest.mark.parametrize("entry", reference.ENTRIES)
def test_entry_has_name_status_source_and_mechanism_in_both_languages(entry):
    for field in ("name", "status", "mechanism"):
        zh, en = reference.MESSAGES[f"reference.{entry}.{field}"]
        assert CJK.search(zh), (entry, field)
        assert en.strip()
        # English may cite the seed's section numbers (seed 二.01), nothing else in Chinese.
        assert not CJK.search(re.sub(SEED_SECTION, "", en)), (entry, field)
    assert reference.SOURCES[entry]
    assert reference.STATUS[entry] in reference.STATUS_KINDS
    assert messages.has(f"reference.status.{reference.STATUS[entry]}")


def test_only_known_fields_are_used():
    for key in reference.MESSAGES:
        parts = key.split(".")
        if parts[1] in reference.ENTRIES:
            assert parts[2] in ("name", *reference.FIELDS), key


def test_investigational_entries_say_why():
    for entry in SEED_INVESTIGATIONAL:
        assert reference.STATUS[entry] == "investigational"
    status = messages.text("reference.denosumab_biosimilars.status", "en")
    assert "phase II/III" in status
    name = messages.text("reference.denosumab_biosimilars.name", "zh_CN")
    for code in BIOSIMILAR_CODES:
        assert code in name


def test_rheumatology_drugs_open_their_class_entry():
    assert reference.entry_for_drug("tofacitinib") == "jak"
    assert reference.entry_for_drug("adalimumab") == "tnf"
    assert reference.entry_for_drug("denosumab") == "denosumab"
    assert reference.entry_for_drug("aspirin") is None


def test_reference_keys_are_in_the_catalogue():
    for key in reference.MESSAGES:
        assert messages.has(key)
    assert messages.text("reference.alendronate.name", "zh_CN") == "阿仑膦酸钠"
