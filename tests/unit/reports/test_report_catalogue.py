"""The printouts' sentences: complete in both languages, placeholders matching."""

from __future__ import annotations

import re
import string

import pytest

from osteodesk.core import codes
from osteodesk.core.messages import handout as handout_messages

CJK = re.compile(r"[\u4e00-\u9fff]")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(handout_messages.MESSAGES))
def test_each_sentence_exists_in_both_languages_with_the_same_placeholders(key):
    chinese, english = handout_messages.MESSAGES[key]
    assert chinese.strip()
    assert english.strip()
    assert placeholders(chinese) == placeholders(english)
    assert "<" not in chinese + english, "catalogue text is escaped, never markup"


def test_patient_sentences_are_really_chinese():
    for key, (chinese, _) in handout_messages.MESSAGES.items():
        if key.startswith("handout."):
            assert CJK.search(chinese), key


@pytest.mark.parametrize("drug", codes.OSTEOPOROSIS_DRUGS)
def test_every_drug_has_a_name_what_and_how(drug):
    for part in ("name", "what", "how.1"):
        assert f"handout.drug.{drug}.{part}" in handout_messages.MESSAGES


@pytest.mark.parametrize("category", codes.RISK_CATEGORIES)
def test_every_risk_category_has_a_plain_sentence(category):
    assert f"handout.risk.{category}" in handout_messages.MESSAGES


@pytest.mark.parametrize("category", codes.DIAGNOSIS_CATEGORIES)
def test_every_diagnosis_has_a_plain_sentence(category):
    assert f"handout.diagnosis.{category}" in handout_messages.MESSAGES


@pytest.mark.parametrize("item", codes.MONITORING_ITEMS)
def test_every_monitoring_item_has_plain_words(item):
    assert f"handout.monitoring.{item}" in handout_messages.MESSAGES


def test_the_key_instructions_are_stated():
    english = {k: v[1] for k, v in handout_messages.MESSAGES.items()}
    chinese = {k: v[0] for k, v in handout_messages.MESSAGES.items()}
    assert "60 minutes" in english["handout.drug.ibandronate.how.2"]
    assert "60 分钟" in chinese["handout.drug.ibandronate.how.2"]
    assert "flu" in english["handout.drug.zoledronic_acid.how.4"]
    assert "Drink" in english["handout.drug.zoledronic_acid.how.2"]
    assert "Never be late" in english["handout.drug.denosumab.how.2"]
    assert "Never stop" in english["handout.drug.denosumab.how.3"]
    assert "sit or lie down" in english["handout.drug.teriparatide.how.2"]
    assert "sit or lie down" in english["handout.drug.abaloparatide.how.2"]
    assert "12" in english["handout.drug.romosozumab.how.1"]
    foods = chinese["handout.calcium.2"]
    for food in ("牛奶", "酸奶", "豆腐", "绿叶蔬菜", "芝麻酱", "小鱼"):
        assert food in foods
    assert "jaw" in english["handout.warning.1"]
    assert "thigh or groin" in english["handout.warning.2"]
    assert "Tingling" in english["handout.warning.3"]
    assert "cramps" in english["handout.warning.3"]
