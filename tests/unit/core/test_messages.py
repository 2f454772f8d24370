"""The clinical message catalogue: both languages for every code the engine can emit."""

import re
import string

import pytest

from osteodesk.core import codes, messages
from osteodesk.core.decision.reasons import ALERT_SOURCES, NOTE_SOURCES, REASON_SOURCES
from osteodesk.core.decision.render import localise, sentence
from osteodesk.core.decision.supportive import supportive_care
from osteodesk.core.messages import clinical

_FIELD = string.Formatter()


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in _FIELD.parse(template) if name}


def _every_key() -> list[str]:
    keys = [f"reason.{c}" for c in REASON_SOURCES]
    keys += [f"alert.{c}" for c in ALERT_SOURCES]
    keys += [f"note.{c}" for c in NOTE_SOURCES]
    keys += [f"drug.{d}" for d in (*codes.OSTEOPOROSIS_DRUGS, *codes.RHEUMATOLOGY_DRUGS)]
    keys += [f"diagnosis.{c}" for c in codes.DIAGNOSIS_CATEGORIES]
    keys += [f"risk.{c}" for c in codes.RISK_CATEGORIES]
    keys += [f"state.{s}" for s in codes.TREATMENT_STATES]
    keys += [f"framework.{f}" for f in (*codes.FRAMEWORKS, "acr_giop2022")]
    keys += [f"monitoring.{m}" for m in codes.MONITORING_ITEMS]
    keys += [f"severity.{s}" for s in codes.SEVERITIES]
    keys += [f"supportive.{s.code}" for s in supportive_care()]
    keys += [f"site.{s}" for s in (*codes.DXA_SITES, *codes.FRACTURE_SITES)]
    keys += [f"event.{e}" for e in codes.EVENT_TYPES]
    return keys


@pytest.mark.parametrize("key", _every_key())
def test_every_emittable_key_has_both_languages(key):
    assert key in clinical.MESSAGES, key
    zh, en = clinical.MESSAGES[key]
    assert zh.strip()
    assert en.strip()
    assert zh != en or key.startswith(("measure.egfr",)), key


@pytest.mark.parametrize("key", sorted(clinical.MESSAGES))
def test_both_languages_use_the_same_placeholders(key):
    zh, en = clinical.MESSAGES[key]
    assert _placeholders(zh) == _placeholders(en), key


def test_chinese_sentences_are_chinese():
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for key, (zh, _) in clinical.MESSAGES.items():
        if key.startswith(("measure.egfr",)):
            continue
        assert cjk.search(zh), key


@pytest.mark.parametrize(
    ("drug", "name"),
    [
        ("alendronate", "阿仑膦酸钠"),
        ("zoledronic_acid", "唑来膦酸"),
        ("denosumab", "地舒单抗"),
        ("teriparatide", "特立帕肽"),
        ("abaloparatide", "阿巴洛肽"),
        ("romosozumab", "罗莫佐单抗"),
        ("raloxifene", "雷洛昔芬"),
        ("bazedoxifene", "巴多昔芬"),
        ("hrt", "激素替代治疗"),
        ("calcitonin", "降钙素"),
        ("tofacitinib", "托法替布"),
    ],
)
def test_chinese_generic_names(drug, name):
    assert messages.text(f"drug.{drug}", "zh_CN") == name


def test_text_fills_parameters_and_keeps_unknown_ones_visible():
    assert messages.text("alert.falls_assessment", "en", {"falls": 2}) == (
        "Fall in the past year (2): assess and address falls risk."
    )
    assert "{falls}" in messages.text("alert.falls_assessment", "en", {})
    assert messages.text("no.such.key", "en") == "no.such.key"


def test_code_valued_parameters_are_localised():
    params = {
        "drug": "zoledronic_acid",
        "site": "vertebra",
        "value": -3.14159,
        "drugs": "alendronate, denosumab",
    }
    zh = localise(params, "zh_CN")
    assert zh["drug"] == "唑来膦酸"
    assert zh["site"] == "椎体"
    assert zh["value"] == "-3.14"
    assert zh["drugs"] == "阿仑膦酸钠、地舒单抗"
    assert localise(params, "en")["drugs"] == "alendronate, denosumab"
    text = sentence(
        "reason",
        "fracture_on_treatment",
        "zh_CN",
        {"drug": "denosumab", "site": "hip", "date": "2026-01-01"},
    )
    assert text == "使用地舒单抗期间发生脆性骨折（髋部，2026-01-01）。"


def test_rheumatology_notes_cover_every_class_of_the_seed():
    for klass in codes.BIOLOGIC_CLASSES:
        assert f"note.biologic_{klass}" in clinical.MESSAGES
        assert f"biologic_{klass}" in NOTE_SOURCES
    assert "[6]" in NOTE_SOURCES["biologic_jak"]
    assert all("[5]" in NOTE_SOURCES[f"biologic_{k}"] for k in codes.BIOLOGIC_CLASSES if k != "jak")
