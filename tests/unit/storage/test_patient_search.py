from datetime import date

import pytest

from osteodesk.storage.names import fold, name_keys
from osteodesk.storage.search import PatientSearch

AS_OF = date(2026, 11, 25)


@pytest.fixture
def people(patients, make_record):
    """A small clinic: 1-, 2-, 3- and 4-character Chinese names, Western names, near misses."""
    entries = {
        "li": dict(name="李", id="A-0001"),
        "zhangwei": dict(name="张伟", id="A-0002", phone="138 1234 5678"),
        "zhangweiguo": dict(name="张伟国", id="A-0003"),
        "wangxiuying": dict(name="王秀英", id="MRN-000123", birth_date="1954-05-12"),
        "wangxiu": dict(name="汪秀", id="A-0005"),
        "ouyang": dict(name="欧阳娜娜", id="A-0006"),
        "lv": dict(name="吕小红", id="A-0007"),
        "shan": dict(name="单田芳", id="A-0008"),
        "smith": dict(name="Mary Smith", id="A-0009", phone="+44 20 7946 0958"),
        "noid": dict(name="赵敏"),
    }
    return {key: patients.add(make_record(**fields)) for key, fields in entries.items()}


@pytest.fixture
def search(db):
    return PatientSearch(db)


def ids(search, text, **kwargs):
    return search.find_ids(text, **kwargs)


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("李", "li"),  # 1-character name
        ("张伟", "zhangwei"),  # 2-character name: FTS5 trigram would miss it
        ("王秀英", "wangxiuying"),  # 3-character name
        ("欧阳娜娜", "ouyang"),
        ("zhangwei", "zhangwei"),  # full pinyin
        ("zhang wei", "zhangwei"),  # with a space
        ("Zhang Wei", "zhangwei"),
        ("wang xiu ying", "wangxiuying"),
        ("wxy", "wangxiuying"),  # initials
        ("zwg", "zhangweiguo"),
        ("oynn", "ouyang"),
        ("lvxiaohong", "lv"),  # ü typed as v
        ("luxiaohong", "lv"),  # or as u
        ("lüxiaohong", "lv"),
        ("shantianfang", "shan"),  # the surname reading of 单
        ("MRN-000123", "wangxiuying"),  # clinic id
        ("mrn000123", "wangxiuying"),
        ("000123", "wangxiuying"),  # the number of the id
        ("123", "wangxiuying"),
        ("1954-05-12", "wangxiuying"),  # birth date, both ways
        ("19540512", "wangxiuying"),
        ("13812345678", "zhangwei"),  # phone digits
        ("138-1234-5678", "zhangwei"),
        ("5678", "zhangwei"),  # the end of the number
        ("1234", "zhangwei"),  # the middle of the number
        ("mary smith", "smith"),
        ("smith", "smith"),
        ("MARY", "smith"),
        ("79460958", "smith"),
        ("赵敏", "noid"),
    ],
)
def test_finds(people, search, query, expected_first):
    found = ids(search, query)
    assert found, query
    assert found[0] == people[expected_first]


def test_exact_name_ranks_before_longer_names(people, search):
    assert ids(search, "张伟") == [people["zhangwei"], people["zhangweiguo"]]


def test_prefix_of_pinyin_finds_every_match(people, search):
    assert set(ids(search, "zhang")) == {people["zhangwei"], people["zhangweiguo"]}
    assert set(ids(search, "wang")) >= {people["wangxiuying"], people["wangxiu"]}


def test_given_name_alone_finds_the_patient(people, search):
    assert ids(search, "秀英") == [people["wangxiuying"]]
    assert people["wangxiuying"] in ids(search, "xiuying")


def test_single_letter_finds_initials(people, search):
    assert people["li"] in ids(search, "l")


def test_no_match_and_blank_queries(people, search):
    assert ids(search, "钱") == []
    assert ids(search, "   ") == []
    assert ids(search, "-") == []
    assert ids(search, "zzzz") == []


def test_archived_patients_are_hidden_unless_asked(people, patients, search):
    patients.archive(people["zhangwei"])
    assert ids(search, "张伟") == [people["zhangweiguo"]]
    assert ids(search, "张伟", include_archived=True)[0] == people["zhangwei"]


def test_limit_is_respected(patients, make_record, search):
    for i in range(30):
        patients.add(make_record(name="王芳", id=f"W-{i}"))
    assert len(ids(search, "王", limit=7)) == 7
    assert len(ids(search, "wangfang", limit=100)) == 30


def test_search_follows_updates_and_deletes(people, patients, make_record, search):
    patients.update(people["li"], make_record(name="黎明", id="A-0001"))
    assert people["li"] not in ids(search, "李")
    assert ids(search, "黎明") == [people["li"]]
    patients.delete(people["li"], confirm=True)
    assert ids(search, "黎明") == []


def test_search_returns_list_lines(people, search):
    (line,) = search.search("王秀英", as_of=AS_OF)
    assert (line.display_id, line.name, line.sex, line.birth_date) == (
        "MRN-000123",
        "王秀英",
        "female",
        date(1954, 5, 12),
    )


def test_fold_and_name_keys():
    assert fold(" Zhang-Wei ") == "zhangwei"
    assert fold("ＭＲＮ－１") == "mrn1"  # full-width input from a Chinese IME
    assert name_keys("王秀英").initials == "wxy"
    assert name_keys("Mary Smith").pinyin is None
    assert name_keys(None).sort_key == ""


def test_a_patient_matching_through_many_terms_does_not_hide_the_next(db, people, search):
    """Duplicates can use up the rows read for a limit: the search reads further, not less."""
    first, second = people["li"], people["smith"]
    with db.atomic():
        db.execute("DELETE FROM search_terms WHERE term LIKE 'qq%'")
        for n in range(12):  # one patient behind the first 12 rows of the prefix "qq"
            db.execute("INSERT INTO search_terms VALUES (1, ?, ?)", [f"qq{n:02d}", first])
        db.execute("INSERT INTO search_terms VALUES (1, 'qqzz', ?)", [second])
    assert search.find_ids("qq", limit=2) == [first, second]
    assert [s.id for s in search.search("qq", limit=2, as_of=AS_OF)] == [first, second]
    assert search.find_ids("qq", limit=1) == [first]


def test_find_ids_and_search_rank_alike(people, search):
    for query in ("张", "zhang", "zw", "A-000", "1954", "王秀英", "5678", "smith", "秀"):
        found = search.find_ids(query, limit=5)
        assert [s.id for s in search.search(query, limit=5, as_of=AS_OF)] == found, query
        assert found, query
