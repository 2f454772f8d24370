"""Brand, biosimilar and generic names map to the contract's drug ids (osteodesk.core.products)."""

import pytest

from osteodesk.core import codes
from osteodesk.core.messages import has
from osteodesk.core.products import (
    PRODUCTS,
    drug_for_product,
    fold_product_name,
    lookup_product,
    products_of,
)


@pytest.mark.parametrize(
    ("name", "drug"),
    [
        ("Prolia", "denosumab"),
        ("普罗力", "denosumab"),
        ("Fosamax", "alendronate"),
        ("fosamax plus d", "alendronate"),
        ("Actonel", "risedronate"),
        ("Boniva", "ibandronate"),
        ("Aclasta", "zoledronic_acid"),
        ("Reclast", "zoledronic_acid"),
        ("Evista", "raloxifene"),
        ("Forteo", "teriparatide"),
        ("Forsteo", "teriparatide"),
        ("Tymlos", "abaloparatide"),
        ("Evenity", "romosozumab"),
        ("CT-P41", "denosumab"),
        ("ct p41", "denosumab"),
        ("ＣＴ－Ｐ４１", "denosumab"),
        ("RGB-14-P", "denosumab"),
        ("QL1206", "denosumab"),
        ("Bmab1000", "denosumab"),
        ("AVT03", "denosumab"),
        ("TVB-009", "denosumab"),
        ("  Evenity® ", "romosozumab"),
        ("阿巴帕肽", "abaloparatide"),
        ("罗莫苏单抗", "romosozumab"),
        ("zoledronic acid", "zoledronic_acid"),
    ],
)
def test_product_names_map_to_their_drug(name, drug):
    assert drug_for_product(name) == drug


@pytest.mark.parametrize("name", ["Xgeva", "安加维", "Wyost", "Osenvelt", "Zometa"])
def test_oncology_strength_products_are_known_but_not_an_osteoporosis_course(name):
    product = lookup_product(name)
    assert product is not None
    assert product.osteoporosis_dosing is False
    assert product.note is not None
    assert has(product.note)
    assert drug_for_product(name) is None


@pytest.mark.parametrize("name", ["", "   ", "aspirin", "Prolia 2"])
def test_unknown_names_map_to_nothing(name):
    assert drug_for_product(name) is None


def test_every_product_names_a_contract_drug_and_a_known_note():
    for product in PRODUCTS:
        assert product.drug in codes.OSTEOPOROSIS_DRUGS, product
        assert product.note is None or has(product.note), product


def test_no_two_products_fold_to_the_same_name():
    folded = [fold_product_name(p.name) for p in PRODUCTS]
    assert len(folded) == len(set(folded))


def test_products_of_a_drug_keeps_table_order():
    names = [p.name for p in products_of("denosumab")]
    assert names[:2] == ["Prolia", "普罗力"]
    assert "CT-P41" in names
    assert all(p.drug == "teriparatide" for p in products_of("teriparatide"))
