"""The drug reference: every drug and drug class of the seed review, in zh_CN and en.

Content comes from the seed review (``seed/osteoporosis-treatment-2025.zh.txt``, cited by its
section numbers 一, 二, 三) and clinical-rules.md Part B §4 (drugs), §5 (monitoring) and §6
(rheumatology); `SOURCES` names them per entry. Unconfirmed statements keep their [U] tag.
No dose or threshold appears here that is not in those two documents, except the oncology
strengths in the product notes (Xgeva, Zometa), which say why those products are not accepted.

Keys: ``reference.group.<group>`` and ``.summary``; ``reference.<entry>.<field>`` with the
fields of `FIELDS` (``name`` and ``status`` always present, the others where the sources say
something); ``reference.status.<kind>``; ``reference.product_note.<code>``
(osteodesk.core.products).
"""

from __future__ import annotations

from typing import Final

from osteodesk.core import codes

FIELDS: Final = ("mechanism", "dose", "course", "safety", "monitoring", "status")
STATUS_KINDS: Final = ("approved", "restricted", "investigational", "not_bone_therapy")

# Groups in the order the seed presents them; each entry id is a drug id of the contract, a
# rheumatology class of codes.BIOLOGIC_CLASSES, or an investigational agent of seed section 三.
GROUPS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("bisphosphonates", ("alendronate", "risedronate", "ibandronate", "zoledronic_acid")),
    ("rankl", ("denosumab",)),
    ("serms", ("raloxifene", "bazedoxifene")),
    ("hormone", ("hrt",)),
    ("calcitonin", ("calcitonin",)),
    ("pth_analogues", ("teriparatide", "abaloparatide")),
    ("sclerostin", ("romosozumab",)),
    ("rheumatology", tuple(codes.BIOLOGIC_CLASSES)),
    (
        "investigational",
        (
            "blosozumab",
            "dkk1_inhibitors",
            "strontium_ranelate",
            "odanacatib",
            "calcilytics",
            "pth_cbd",
            "transcon_pth",
            "aga2118",
            "eb613",
            "denosumab_biosimilars",
            "early_candidates",
        ),
    ),
)

ENTRIES: Final = tuple(entry for _group, entries in GROUPS for entry in entries)

STATUS: Final[dict[str, str]] = {
    **{drug: "approved" for drug in codes.OSTEOPOROSIS_DRUGS},
    "calcitonin": "restricted",
    **{cls: "not_bone_therapy" for cls in codes.BIOLOGIC_CLASSES},
    **{entry: "investigational" for entry in dict(GROUPS)["investigational"]},
}

_B41: Final = "clinical-rules Part B §4.1"
_B5: Final = "clinical-rules Part B §5, A7"
_B6: Final = "clinical-rules Part B §6"

# Where each entry's sentences come from (shown under the entry; the same in both languages).
SOURCES: Final[dict[str, str]] = {
    "alendronate": f"seed 一.01(1); {_B41}; §4.3; {_B5}",
    "risedronate": f"seed 一.01(1); {_B41}; §4.3; {_B5}",
    "ibandronate": f"seed 一.01(1); {_B41} (ES 2019); {_B5}",
    "zoledronic_acid": f"seed 一.01(1); {_B41} (FDA 2011; HORIZON-RFT); §4.2; {_B5}",
    "denosumab": (
        f"seed 一.01(2); {_B41} (FDA 2024 boxed warning); §4.4 (ECTS 2021; Lyu 2020); {_B5}"
    ),
    "raloxifene": f"seed 一.01(3); {_B41}",
    "bazedoxifene": f"{_B41} (ES 2019 rec 5.1) [U]",
    "hrt": f"seed 一.01(4); {_B41} (ESCEO 2020; NAMS 2021)",
    "calcitonin": f"seed 一.01(5); {_B41} (EMA 2012; ES 2019 rec 7.1)",
    "teriparatide": f"seed 一.02; {_B41}; §4.5 (PaTH); {_B5}",
    "abaloparatide": f"seed 一.02; {_B41}; {_B5}",
    "romosozumab": f"seed 一.03; {_B41} (FDA boxed warning; ES 2020); {_B5}",
    "tnf": f"seed 二.01; {_B6} (Kim 2012)",
    "il6": f"seed 二.02; {_B6} (Shin 2020)",
    "abatacept": f"seed 二.03; {_B6} (Shin 2020)",
    "rituximab": "seed 二.04",
    "il17": "seed 二.05",
    "il23": "seed 二.06",
    "jak": f"seed 二.07 [6]; {_B6} (Martinez de la Torre 2025; EMA)",
    "il1b": "seed 二.08",
    "blosozumab": "seed 三.01 [7] (Recker 2015)",
    "dkk1_inhibitors": "seed 三.01",
    "strontium_ranelate": "seed 三.02 [8] (Meunier 2004)",
    "odanacatib": "seed 三.03 [9] (McClung 2019)",
    "calcilytics": "seed 三.04",
    "pth_cbd": "seed 三.05",
    "transcon_pth": "seed 三.05 [10] (Clarke 2025)",
    "aga2118": "seed 三.07",
    "eb613": "seed 三.07",
    "denosumab_biosimilars": "seed 三.07",
    "early_candidates": "seed 三.06",
}


def entry_for_drug(drug: str) -> str | None:
    """The reference entry of a drug id: the drug itself, or a rheumatology drug's class."""
    if drug in ENTRIES:
        return drug
    if drug in codes.RHEUMATOLOGY_DRUGS:
        return codes.biologic_class(drug)
    return None


_ORAL_BP_MONITORING: Final = (
    "CTX 与 P1NP：开始前及 3 个月时各查一次，CTX 下降 > 56% 或 P1NP 下降 > 38% 为有效，"
    "否则核查依从性、服药方法与吸收；口服双膦酸盐期间每年复查肾功能；"
    "开始或换药 12 个月后复查 DXA，此后每 2 年一次。",
    "CTX and P1NP at the start and at 3 months: a fall > 56 % (CTX) or > 38 % (P1NP) is a "
    "response; otherwise check adherence, intake technique and absorption. Renal function yearly "
    "on an oral bisphosphonate. DXA 12 months after starting or changing, then every 2 years.",
)
_BIOLOGIC_DOSE: Final = (
    "按风湿病适应证的说明书给药；本软件不为风湿病药物给出剂量。",
    "As the rheumatology label gives it; OsteoDesk does not dose rheumatology drugs.",
)
_BIOLOGIC_MONITORING: Final = (
    "不是骨质疏松治疗：按常规评估骨折风险，高危者按骨质疏松规则启动或优化治疗（原文 二）。",
    "Not a bone treatment: assess fracture risk as usual and treat a high-risk patient by the "
    "osteoporosis rules (seed 二).",
)
_TRIAL_ONLY: Final = (
    "仅限临床试验，无获批剂量。",
    "Only within clinical trials; there is no approved dose.",
)

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # --- statuses --------------------------------------------------------------------------
    "reference.status.approved": ("已获批", "Approved"),
    "reference.status.restricted": ("受限使用", "Restricted use"),
    "reference.status.investigational": ("在研 / 未获批", "Investigational / not approved"),
    "reference.status.not_bone_therapy": (
        "风湿病用药，非抗骨质疏松药",
        "Rheumatology drug, not a bone treatment",
    ),
    # --- groups ----------------------------------------------------------------------------
    "reference.group.bisphosphonates": ("双膦酸盐", "Bisphosphonates"),
    "reference.group.bisphosphonates.summary": (
        "抗骨吸收药。与骨羟基磷灰石结合，干扰破骨细胞的黏附、分化与存活，从而抑制骨吸收；"
        "多数情形下仍为首选。口服制剂对胃肠耐受性有要求，不宜口服者可选静脉唑来膦酸。"
        "长期用药注意颌骨坏死（MRONJ）与不典型股骨骨折（AFF），用药 3~5 年后按个体风险评估"
        "是否进入「药物假期」（原文 一.01(1)）。",
        "Antiresorptives. They bind bone hydroxyapatite and interfere with osteoclast attachment, "
        "differentiation and survival, so resorption falls; still the first choice in most cases. "
        "Oral forms need gastrointestinal tolerance; intravenous zoledronic acid suits poor "
        "adherence or oral contraindications. Long-term use: jaw osteonecrosis (MRONJ) and "
        "atypical femoral fracture (AFF); after 3-5 years decide on a drug holiday by individual "
        "risk (seed 一.01(1)).",
    ),
    "reference.group.rankl": ("RANKL 抑制剂", "RANKL inhibitor"),
    "reference.group.rankl.summary": (
        "抗 RANKL 单抗，阻断破骨细胞形成；不掺入骨基质，作用可逆，停药后骨量快速丢失并可出现"
        "反跳性骨折（原文 一.01(2)）。",
        "Antibody against RANKL that stops osteoclast formation. It is not built into bone, so its "
        "effect reverses: stopping brings rapid bone loss and rebound fractures (seed 一.01(2)).",
    ),
    "reference.group.serms": (
        "选择性雌激素受体调节剂（SERM）",
        "Selective oestrogen receptor modulators (SERMs)",
    ),
    "reference.group.serms.summary": (
        "在骨组织发挥类雌激素作用，降低椎体骨折风险，同时降低乳腺癌风险；但增加静脉血栓风险，"
        "可能加重潮热（原文 一.01(3)）。",
        "Oestrogen-like action on bone: fewer vertebral fractures and a lower breast cancer risk, "
        "but more venous thrombosis, and hot flushes may worsen (seed 一.01(3)).",
    ),
    "reference.group.hormone": ("激素替代治疗", "Hormone therapy"),
    "reference.group.hormone.summary": (
        "围绝经期或新近绝经、更年期症状明显的女性既可缓解症状又能保护骨密度；不宜作为单纯骨保护"
        "的常规首选（原文 一.01(4)）。",
        "In peri- or recently postmenopausal women with marked symptoms it relieves symptoms and "
        "protects BMD; not a routine first choice for bone protection alone (seed 一.01(4)).",
    ),
    "reference.group.calcitonin": ("降钙素", "Calcitonin"),
    "reference.group.calcitonin.summary": (
        "作用较弱，疗效不及上述药物，多为无法耐受其他药物时的备选（原文 一.01(5)）。",
        "Weak; less effective than the drugs above; a fallback when nothing else is tolerated "
        "(seed 一.01(5)).",
    ),
    "reference.group.pth_analogues": (
        "促成骨药：PTH/PTHrP 类似物",
        "Anabolics: PTH and PTHrP analogues",
    ),
    "reference.group.pth_analogues.summary": (
        "间断给药激活成骨通路，数月内显著提升成骨标志物并增加骨密度；适用于严重骨质疏松、既往脆性"
        "骨折或糖皮质激素性骨质疏松等高危人群。总疗程限定在 24 个月以内，结束后必须立即序贯"
        "抗骨吸收药（原文 一.02）。",
        "Given intermittently they switch on bone formation, raising formation markers within "
        "months and increasing BMD; for severe osteoporosis, prior fragility fractures or "
        "glucocorticoid-induced osteoporosis. Total course within 24 months, followed at once by "
        "an antiresorptive (seed 一.02).",
    ),
    "reference.group.sclerostin": ("双重作用：硬骨抑素单抗", "Dual action: sclerostin antibody"),
    "reference.group.sclerostin.summary": (
        "抑制 sclerostin，同时促进成骨、抑制骨吸收；短期内腰椎与髋部骨密度提升快而大，适合骨折"
        "风险「非常高」者起始使用（原文 一.03）。",
        "Blocks sclerostin, increasing formation and reducing resorption at once; fast, large "
        "gains at spine and hip; a first treatment for very high fracture risk (seed 一.03).",
    ),
    "reference.group.rheumatology": (
        "风湿病生物制剂与 JAK 抑制剂",
        "Rheumatology biologics and JAK inhibitors",
    ),
    "reference.group.rheumatology.summary": (
        "促炎细胞因子（TNF-α、IL-1、IL-6、IL-17 等）上调 RANKL、促进破骨。抗炎治疗常改善骨转换"
        "标志物、稳定或小幅提升骨密度，但证据不足以把这些药物当作防骨折药。有效控制炎症和减少"
        "糖皮质激素是护骨的基础；炎症达标后仍属骨折高危者，应按骨质疏松指南启动或优化治疗"
        "（原文 二；Part B §6）。",
        "Pro-inflammatory cytokines (TNF-α, IL-1, IL-6, IL-17 ...) raise RANKL and drive "
        "resorption. Anti-inflammatory treatment often improves turnover markers and keeps BMD "
        "stable or slightly higher, but the evidence does not make any of these a fracture-"
        "prevention drug. Controlling inflammation and sparing glucocorticoids is the bone "
        "benefit; a patient still at high risk once inflammation is controlled needs osteoporosis "
        "treatment by the usual rules (seed 二; Part B §6).",
    ),
    "reference.group.investigational": (
        "在研与未获批的药物",
        "Investigational and unapproved agents",
    ),
    "reference.group.investigational.summary": (
        "原文第三部分列出的在研新药与候选药物。它们不是 OsteoDesk 的治疗选项；此处说明其机制、"
        "现状及原因。",
        "The agents in development listed in section 三 of the seed. None is an OsteoDesk "
        "option; this says what they are, where they stand and why.",
    ),
    # --- bisphosphonates -----------------------------------------------------------------------
    "reference.alendronate.name": ("阿仑膦酸钠", "Alendronate"),
    "reference.alendronate.mechanism": (
        "口服双膦酸盐，抑制破骨细胞介导的骨吸收。",
        "Oral bisphosphonate: inhibits osteoclast-mediated bone resorption.",
    ),
    "reference.alendronate.dose": (
        "治疗：每周 70 mg 或每日 10 mg；预防：每周 35 mg 或每日 5 mg。"
        "空腹用 180–240 mL 白水送服，服药后保持直立至少 30 分钟并直至进食。",
        "Treatment 70 mg weekly or 10 mg daily; prevention 35 mg weekly or 5 mg daily. "
        "Fasting, with 180-240 mL of plain water; stay upright for at least 30 minutes and until "
        "the first food.",
    ),
    "reference.alendronate.course": (
        "用药 5 年时重新评估；仍属高危者可延续至 10 年，否则可考虑药物假期（ASBMR 2016；ES 2019；"
        "NOGG）。",
        "Reassess at 5 years; continue up to 10 years while risk stays high, otherwise consider a "
        "drug holiday (ASBMR 2016; ES 2019; NOGG).",
    ),
    "reference.alendronate.safety": (
        "CrCl < 35 mL/min 不推荐。禁用：食管排空障碍（狭窄、贲门失弛缓）、不能坐直或站立 ≥ 30 "
        "分钟、低钙血症、过敏。用药前纠正低钙与维生素 D 缺乏，有 MRONJ 风险者先行口腔检查。",
        "Not recommended when CrCl < 35 mL/min. Contraindicated with oesophageal disorders that "
        "delay emptying (stricture, achalasia), inability to sit or stand upright for 30 minutes, "
        "hypocalcaemia or hypersensitivity. Correct calcium and vitamin D first; dental review "
        "when there is an ONJ risk.",
    ),
    "reference.alendronate.monitoring": _ORAL_BP_MONITORING,
    "reference.alendronate.status": (
        "已获批用于骨质疏松症；多数情形下的首选（原文）。",
        "Approved for osteoporosis; the first choice in most cases (seed).",
    ),
    "reference.risedronate.name": ("利塞膦酸钠", "Risedronate"),
    "reference.risedronate.mechanism": (
        "口服双膦酸盐，作用同阿仑膦酸钠。",
        "Oral bisphosphonate, acting as alendronate does.",
    ),
    "reference.risedronate.dose": (
        "每日 5 mg、每周 35 mg、每月 150 mg，或每月连续 2 天各 75 mg；缓释片每周 35 mg，早餐后服。"
        "普通片服法同阿仑膦酸钠。",
        "5 mg daily, 35 mg weekly, 150 mg monthly, or 75 mg on 2 consecutive days a month; "
        "delayed-release 35 mg weekly, taken after breakfast. Plain tablets are taken as "
        "alendronate.",
    ),
    "reference.risedronate.course": (
        "同阿仑膦酸钠：5 年时重新评估，高危者可至 10 年。",
        "As alendronate: reassess at 5 years, up to 10 years when risk stays high.",
    ),
    "reference.risedronate.safety": (
        "CrCl < 30 mL/min 不推荐（部分说明书列为禁忌）。其余禁忌同阿仑膦酸钠。",
        "Not recommended when CrCl < 30 mL/min (a contraindication in some labels). Otherwise as "
        "alendronate.",
    ),
    "reference.risedronate.monitoring": _ORAL_BP_MONITORING,
    "reference.risedronate.status": ("已获批用于骨质疏松症。", "Approved for osteoporosis."),
    "reference.ibandronate.name": ("伊班膦酸钠", "Ibandronate"),
    "reference.ibandronate.mechanism": (
        "双膦酸盐，口服或静脉注射。",
        "Bisphosphonate, oral or intravenous.",
    ),
    "reference.ibandronate.dose": (
        "口服每月 150 mg（空腹，服后保持直立 60 分钟）；"
        "或静脉每 3 个月 3 mg（每次注射前查血肌酐）。",
        "150 mg orally once a month (fasting; stay upright for 60 minutes), or 3 mg intravenously "
        "every 3 months (serum creatinine before each injection).",
    ),
    "reference.ibandronate.course": ("同其他双膦酸盐。", "As the other bisphosphonates."),
    "reference.ibandronate.safety": (
        "CrCl < 30 mL/min 不推荐。口服剂型：食管疾病、不能保持直立 60 分钟、低钙血症者禁用。"
        "ES 2019：不用于预防非椎体或髋部骨折。",
        "Not recommended when CrCl < 30 mL/min. Oral form: not with oesophageal disease, "
        "inability to stay upright for 60 minutes, or hypocalcaemia. ES 2019: not for preventing "
        "non-vertebral or hip fractures.",
    ),
    "reference.ibandronate.monitoring": _ORAL_BP_MONITORING,
    "reference.ibandronate.status": (
        "已获批；仅有椎体骨折保护证据（ES 2019）。",
        "Approved; protection shown for vertebral fractures only (ES 2019).",
    ),
    "reference.zoledronic_acid.name": ("唑来膦酸", "Zoledronic acid"),
    "reference.zoledronic_acid.mechanism": (
        "静脉双膦酸盐；适合口服依从性差或有口服禁忌者（原文）。",
        "Intravenous bisphosphonate; suits poor adherence or contraindications to oral forms "
        "(seed).",
    ),
    "reference.zoledronic_acid.dose": (
        "5 mg 静脉滴注 ≥ 15 分钟；治疗每年一次（含糖皮质激素性骨质疏松及男性），预防每 2 年一次。"
        "髋部骨折术后 90 天内给首剂（HORIZON-RFT 中位约 6 周；术后 ≥ 2 周给药仍有获益）。"
        "用药前补足水分。",
        "5 mg intravenously over at least 15 minutes: once a year for treatment (including "
        "glucocorticoid-induced osteoporosis and men), every 2 years for prevention. After a hip "
        "fracture, the first dose within 90 days of repair (median about 6 weeks in HORIZON-RFT; "
        "benefit seen when given 2 weeks or more after surgery). Hydrate first.",
    ),
    "reference.zoledronic_acid.course": (
        "3 年后重新评估；高危者可延续至 6 年（ASBMR）。地舒单抗停药后：末次注射 6 个月时单次输注"
        "（ECTS 2021）。",
        "Reassess after 3 years; continue up to 6 years when risk stays high (ASBMR). After "
        "denosumab: one infusion 6 months after the last injection (ECTS 2021).",
    ),
    "reference.zoledronic_acid.safety": (
        "CrCl < 35 mL/min 或急性肾损伤时禁用（FDA 2011），每次给药前计算 CrCl。禁用于低钙血症；"
        "先纠正钙与维生素 D（25(OH)D ≤ 15 ng/mL 或未知时，HORIZON-RFT 于首次输注前 14 天给予"
        "维生素 D 50,000–125,000 IU）。每次给药前口腔检查。最初几天可有急性期反应。说明书提示"
        "胎儿风险。",
        "Contraindicated when CrCl < 35 mL/min or with acute renal impairment (FDA 2011): "
        "calculate CrCl before every dose. Not with hypocalcaemia; correct calcium and vitamin D "
        "first (HORIZON-RFT gave 50,000-125,000 IU of vitamin D 14 days before the first infusion "
        "when 25(OH)D was ≤ 15 ng/mL or unknown). Oral examination before each dose. Acute-phase "
        "reaction in the first days. The label warns of fetal harm.",
    ),
    "reference.zoledronic_acid.monitoring": (
        "每次输注前查肾功能；开始前查 25(OH)D 与口腔；开始 12 个月后复查 DXA，此后每 2 年一次。",
        "Renal function before each infusion; 25(OH)D and a dental examination before starting; "
        "DXA 12 months after starting, then every 2 years.",
    ),
    "reference.zoledronic_acid.status": ("已获批用于骨质疏松症。", "Approved for osteoporosis."),
    # --- denosumab -------------------------------------------------------------------------------
    "reference.denosumab.name": ("地舒单抗", "Denosumab"),
    "reference.denosumab.mechanism": (
        "人源化抗 RANKL 单抗，每 6 个月皮下注射一次，降骨折风险显著；适用于不能耐受口服双膦酸盐"
        "或肾功能不全者（原文）。",
        "Human antibody against RANKL, injected under the skin every 6 months; a marked fall in "
        "fracture risk; suits patients who cannot take oral bisphosphonates or have renal "
        "impairment (seed).",
    ),
    "reference.denosumab.dose": (
        "60 mg 皮下注射，每 6 个月一次；肾功能不全不需调整剂量。所有患者补充钙与维生素 D。",
        "60 mg subcutaneously every 6 months; no dose change for renal impairment. Calcium and "
        "vitamin D for everyone.",
    ),
    "reference.denosumab.course": (
        "不设药物假期，也不设疗程上限。绝不能无接续地停药：末次注射 6 个月时开始其他抗骨吸收药"
        "（通常唑来膦酸，ECTS 2021）。按时注射：距上次 > 7 个月即为延迟；延迟 > 16 周者椎体骨折"
        "风险 HR 3.91（Lyu 2020）。",
        "No drug holiday and no course limit. Never stop without a follow-on: start another "
        "antiresorptive (usually zoledronic acid) 6 months after the last injection (ECTS 2021). "
        "Keep to time: more than 7 months since the last dose is late; more than 16 weeks late "
        "carried a vertebral fracture HR of 3.91 (Lyu 2020).",
    ),
    "reference.denosumab.safety": (
        "低钙血症须先纠正；用药前排除妊娠。FDA 2024 黑框警告：eGFR < 30（含透析）可发生严重甚至"
        "致命的低钙血症，合并 CKD-MBD 风险更高，需先做 CKD-MBD 评估并由有经验的医生管理。停药后"
        "反跳性骨丢失与多发椎体骨折；颌骨坏死与不典型股骨骨折。",
        "Correct hypocalcaemia first; rule out pregnancy before dosing. FDA boxed warning (2024): "
        "eGFR < 30 including dialysis carries a risk of severe, sometimes fatal hypocalcaemia, "
        "higher with CKD-MBD: evaluate for CKD-MBD first and treat under a clinician experienced "
        "in it. Rebound bone loss and multiple vertebral fractures after stopping; jaw "
        "osteonecrosis and atypical femoral fracture.",
    ),
    "reference.denosumab.monitoring": (
        "每次注射前 14 天查血钙；eGFR < 30：每次注射后每周查血钙共 4 周，之后每月一次；其他易感者"
        "（甲旁减、甲状腺/甲状旁腺术后、吸收不良、降钙药物）注射后 10–14 天查钙、镁、磷。开始前"
        "查 25(OH)D 与口腔；DXA 按计划。",
        "Serum calcium 14 days before each dose. eGFR < 30: weekly for 4 weeks after each dose, "
        "then monthly. Other predisposed patients (hypoparathyroidism, thyroid or parathyroid "
        "surgery, malabsorption, calcium-lowering drugs): calcium, magnesium and phosphate 10-14 "
        "days after each injection. 25(OH)D and a dental examination before starting; DXA as "
        "scheduled.",
    ),
    "reference.denosumab.status": (
        "已获批（60 mg，每 6 个月）。120 mg 每 4 周的肿瘤骨转移制剂不是骨质疏松剂量。生物类似药见"
        "「在研与未获批的药物」。",
        "Approved (60 mg every 6 months). The 120 mg every-4-weeks product for bone metastases is "
        "not an osteoporosis dose. Biosimilars: see the investigational group.",
    ),
    # --- SERMs -----------------------------------------------------------------------------------
    "reference.raloxifene.name": ("雷洛昔芬", "Raloxifene"),
    "reference.raloxifene.mechanism": (
        "SERM：在骨组织发挥类雌激素作用，降低椎体骨折风险，同时降低乳腺癌风险（原文）。",
        "SERM: oestrogen-like action on bone; fewer vertebral fractures and a lower breast cancer "
        "risk (seed).",
    ),
    "reference.raloxifene.dose": ("每日口服 60 mg。", "60 mg orally daily."),
    "reference.raloxifene.course": ("疗程上限未规定。", "No defined maximum course."),
    "reference.raloxifene.safety": (
        "禁用：活动性或既往静脉血栓（深静脉血栓、肺栓塞、视网膜静脉血栓，黑框警告）、卒中高危"
        "女性、妊娠；欧盟另列肝功能不全、不明原因子宫出血、子宫内膜癌或乳腺癌、重度肾功能不全。"
        "长期制动前至少 72 小时停药。可能加重潮热。不用于男性。ACR GIOP：仅在不耐受其他药物时。",
        "Contraindicated with active or past venous thrombosis (DVT, PE, retinal vein thrombosis; "
        "boxed warning), in women at high stroke risk, and in pregnancy; the EU adds hepatic "
        "impairment, unexplained uterine bleeding, endometrial or breast cancer and severe renal "
        "impairment. Stop at least 72 hours before prolonged immobilisation. Hot flushes may "
        "worsen. Not for men. ACR GIOP: only when others are not tolerated.",
    ),
    "reference.raloxifene.monitoring": (
        "开始 12 个月后复查 DXA，此后每 2 年一次。",
        "DXA 12 months after starting, then every 2 years.",
    ),
    "reference.raloxifene.status": (
        "已获批用于绝经后女性；主要用于需兼顾乳腺癌风险者（原文）。",
        "Approved for postmenopausal women; mainly for those who also need a lower breast cancer "
        "risk (seed).",
    ),
    "reference.bazedoxifene.name": ("巴多昔芬", "Bazedoxifene"),
    "reference.bazedoxifene.mechanism": (
        "SERM，ES 2019 与雷洛昔芬归为一类。",
        "SERM, grouped with raloxifene by ES 2019.",
    ),
    "reference.bazedoxifene.dose": (
        "欧盟每日 20 mg；美国仅与结合雌激素合用 [U，未确认]。",
        "20 mg daily in the EU; in the US only combined with conjugated oestrogens [U, "
        "unconfirmed].",
    ),
    "reference.bazedoxifene.safety": (
        "禁忌同 SERM（静脉血栓、卒中风险等）[U]。",
        "Contraindications as for SERMs (venous thrombosis, stroke risk ...) [U].",
    ),
    "reference.bazedoxifene.monitoring": (
        "同雷洛昔芬。",
        "As raloxifene.",
    ),
    "reference.bazedoxifene.status": (
        "部分地区获批（欧盟单药；美国为复方）[U]。",
        "Approved in some regions (alone in the EU; as a combination in the US) [U].",
    ),
    # --- HRT -------------------------------------------------------------------------------------
    "reference.hrt.name": ("激素替代治疗（绝经激素治疗）", "Menopausal hormone therapy (HRT)"),
    "reference.hrt.mechanism": (
        "雌激素（有子宫者加用孕激素），缓解更年期症状并保护骨密度。",
        "Oestrogen (with a progestogen when the uterus is intact): relieves menopausal symptoms "
        "and preserves BMD.",
    ),
    "reference.hrt.dose": ("按具体制剂。", "Product-specific."),
    "reference.hrt.course": (
        "停药后骨保护作用逐渐消失（ESCEO 2020）。",
        "The bone benefit fades after stopping (ESCEO 2020).",
    ),
    "reference.hrt.safety": (
        "禁用：静脉血栓、乳腺癌、既往心肌梗死或卒中、心血管高危。仅考虑用于 < 60 岁或绝经 < 10 年、"
        "有症状且基线风险低的女性（ESCEO 2020；NAMS 2021）。",
        "Not with venous thrombosis, breast cancer, prior myocardial infarction or stroke, or high "
        "cardiovascular risk. Consider only in women under 60 or less than 10 years after "
        "menopause, with symptoms and a low baseline risk (ESCEO 2020; NAMS 2021).",
    ),
    "reference.hrt.monitoring": ("DXA 按计划复查。", "DXA as scheduled."),
    "reference.hrt.status": (
        "常规疗法，须严格个体化；不宜作为单纯骨保护的首选（原文）。",
        "Established therapy, strictly individualised; not a first choice for bone protection "
        "alone (seed).",
    ),
    # --- calcitonin ------------------------------------------------------------------------------
    "reference.calcitonin.name": ("降钙素（鲑降钙素）", "Calcitonin (salmon calcitonin)"),
    "reference.calcitonin.mechanism": (
        "抑制破骨细胞的激素；作用较弱（原文）。",
        "A hormone that inhibits osteoclasts; weak (seed).",
    ),
    "reference.calcitonin.dose": (
        "美国鼻喷剂每日 200 IU [U]；注射剂只用于短疗程。",
        "US nasal spray 200 IU daily [U]; injections only for short courses.",
    ),
    "reference.calcitonin.course": (
        "欧盟已不用于骨质疏松（EMA 2012）。注射剂短疗程：制动性骨丢失 2–4 周；Paget 病最多 3 个月；"
        "恶性高钙血症。OsteoDesk 仅在其他药物均须避免时给出 1 个月的步骤。",
        "No longer for osteoporosis in the EU (EMA 2012). Injections for short courses: "
        "immobilisation bone loss 2-4 weeks; Paget's disease up to 3 months; malignant "
        "hypercalcaemia. OsteoDesk offers it only as a one-month step when every other drug is "
        "avoided.",
    ),
    "reference.calcitonin.safety": (
        "长期使用癌症风险小幅增加（试验中绝对增加 0.7–2.4%）。",
        "A small rise in cancer risk with long-term use (0.7-2.4 % absolute excess in trials).",
    ),
    "reference.calcitonin.status": (
        "最后选择（ES 2019 7.1）；欧盟已撤销骨质疏松适应证。",
        "Last resort (ES 2019 rec 7.1); withdrawn for osteoporosis in the EU.",
    ),
    # --- PTH analogues ---------------------------------------------------------------------------
    "reference.teriparatide.name": ("特立帕肽", "Teriparatide"),
    "reference.teriparatide.mechanism": (
        "PTH 1-34，间断给药激活成骨。",
        "PTH 1-34 given intermittently: switches on bone formation.",
    ),
    "reference.teriparatide.dose": (
        "每日皮下注射 20 µg；最初几次坐位或卧位注射（体位性低血压）。",
        "20 µg subcutaneously daily; the first doses sitting or lying down (orthostatic "
        "hypotension).",
    ),
    "reference.teriparatide.course": (
        "与阿巴洛肽合计终身 24 个月（默认值；某产品为 18 个月；2020 年美国说明书允许高危者超过 2 年"
        "[U]，可按产品设置）。结束后立即序贯抗骨吸收药。",
        "24 months in a lifetime together with abaloparatide (default; one product states 18 "
        "months; a 2020 US label revision allows longer when risk stays high [U]; a per-product "
        "setting exists). Follow at once with an antiresorptive.",
    ),
    "reference.teriparatide.safety": (
        "禁用：高钙血症；原发性或糖皮质激素性骨质疏松以外的代谢性骨病（含甲旁亢、Paget 病）；"
        "不明原因 ALP 升高；骨骼放疗史；骨恶性肿瘤或骨转移；骨骺未闭；妊娠或哺乳；重度肾功能不全"
        "（欧盟/亚洲说明书）。不与双膦酸盐同用（PaTH：成骨反应减弱）。",
        "Contraindicated: hypercalcaemia; metabolic bone disease other than primary or "
        "glucocorticoid osteoporosis (including hyperparathyroidism and Paget's disease); "
        "unexplained raised ALP; prior radiation to the skeleton; skeletal malignancy or bone "
        "metastases; open epiphyses; pregnancy or breastfeeding; severe renal impairment (EU and "
        "Asian labels). Never together with a bisphosphonate (PaTH: blunted response).",
    ),
    "reference.teriparatide.monitoring": (
        "开始前查血钙、ALP、PTH 与 25(OH)D；P1NP 开始前及 3 个月时；开始 12 个月后复查 DXA。",
        "Calcium, ALP, PTH and 25(OH)D before starting; P1NP at the start and at 3 months; DXA 12 "
        "months after starting.",
    ),
    "reference.teriparatide.status": ("已获批用于骨质疏松症。", "Approved for osteoporosis."),
    "reference.abaloparatide.name": ("阿巴洛肽（原文作阿巴帕肽）", "Abaloparatide"),
    "reference.abaloparatide.mechanism": (
        "PTHrP 类似物，间断给药促进成骨。",
        "PTHrP analogue given intermittently: promotes bone formation.",
    ),
    "reference.abaloparatide.dose": (
        "每日 80 µg 皮下注射于脐周腹部。",
        "80 µg subcutaneously daily into the periumbilical abdomen.",
    ),
    "reference.abaloparatide.course": (
        "与其他 PTH 类药物合计终身超过 2 年不推荐；结束后序贯抗骨吸收药。",
        "Abaloparatide plus other PTH analogues beyond 2 years in a lifetime is not recommended; "
        "follow with an antiresorptive.",
    ),
    "reference.abaloparatide.safety": (
        "骨肉瘤风险较高者不推荐（Paget 病、不明原因 ALP 升高、骨骺未闭、骨转移或骨恶性肿瘤、遗传"
        "易感、骨骼放疗史）；高钙血症或原发性甲旁亢不推荐；尿路结石慎用；不用于有生育可能的女性；"
        "体位性低血压。",
        "Not recommended with a higher osteosarcoma risk (Paget's disease, unexplained ALP rise, "
        "open epiphyses, bone metastases or skeletal malignancy, hereditary predisposition, prior "
        "skeletal radiation), with hypercalcaemia or primary hyperparathyroidism; caution with "
        "kidney stones; not for women who may become pregnant; orthostatic hypotension.",
    ),
    "reference.abaloparatide.monitoring": (
        "开始前查血钙；P1NP 开始前及 3 个月时；开始 12 个月后复查 DXA。",
        "Calcium before starting; P1NP at the start and at 3 months; DXA 12 months after starting.",
    ),
    "reference.abaloparatide.status": (
        "已获批用于绝经后女性和男性。",
        "Approved for postmenopausal women and men.",
    ),
    # --- romosozumab -----------------------------------------------------------------------------
    "reference.romosozumab.name": ("罗莫佐单抗（原文作罗莫苏单抗）", "Romosozumab"),
    "reference.romosozumab.mechanism": (
        "抗 sclerostin 单抗，同时促进成骨与抑制骨吸收。",
        "Antibody against sclerostin: increases formation and reduces resorption.",
    ),
    "reference.romosozumab.dose": (
        "每月 210 mg 皮下注射（两支 105 mg），共 12 次。",
        "210 mg subcutaneously once a month (two 105 mg injections), 12 doses.",
    ),
    "reference.romosozumab.course": (
        "12 次月剂量；停用后无缝衔接抗骨吸收药（原文）。",
        "12 monthly doses; then an antiresorptive without a gap (seed).",
    ),
    "reference.romosozumab.safety": (
        "FDA 黑框警告：1 年内心肌梗死或卒中者禁用，用药中发生则停药，并权衡其他心血管风险"
        "（ES 2020：心血管或卒中高危者不用）。先纠正低钙血症。美国与欧盟仅批准用于绝经后女性"
        "（不用于男性）；欧盟限严重骨质疏松、由专科起始。ACR GIOP：仅在不耐受其他药物时。",
        "FDA boxed warning: do not start within 1 year of a myocardial infarction or stroke, stop "
        "if one occurs, and weigh other cardiovascular risk (ES 2020: not for high cardiovascular "
        "or stroke risk). Correct hypocalcaemia first. US and EU: postmenopausal women only (not "
        "men); EU: severe osteoporosis, started by a specialist. ACR GIOP: only when others are "
        "not tolerated.",
    ),
    "reference.romosozumab.monitoring": (
        "每次给药前复核心血管病史；开始前口腔检查；P1NP 开始前及 3 个月时；"
        "开始 12 个月后复查 DXA。",
        "Cardiovascular history before each dose; a dental examination before starting; P1NP at "
        "the start and at 3 months; DXA 12 months after starting.",
    ),
    "reference.romosozumab.status": (
        "已获批（绝经后女性）；原文推荐骨折风险非常高者起始使用。",
        "Approved (postmenopausal women); the seed's first choice for very high fracture risk.",
    ),
    # --- rheumatology classes --------------------------------------------------------------------
    "reference.tnf.name": ("TNF-α 抑制剂", "TNF-α inhibitors"),
    "reference.tnf.mechanism": (
        "抑制炎症驱动的破骨过程；类风湿关节炎等患者用药后骨转换标志物常下降，腰椎与髋部骨密度稳定"
        "或略升；尚无证据表明可独立替代抗骨质疏松治疗（原文 二.01）。",
        "Curbs inflammation-driven osteoclast activity; in rheumatoid arthritis and similar "
        "diseases turnover markers often fall and spine and hip BMD stay stable or rise slightly; "
        "no evidence that it can replace osteoporosis treatment (seed 二.01).",
    ),
    "reference.tnf.dose": _BIOLOGIC_DOSE,
    "reference.tnf.safety": (
        "对骨折风险视为中性：类风湿关节炎队列中非椎体骨折风险与甲氨蝶呤等传统 DMARD 无差异"
        "（Kim 2012）；糖皮质激素 > 10 mg/日才是风险驱动因素。",
        "Neutral for fracture risk: in rheumatoid arthritis cohorts non-vertebral fracture risk "
        "did not differ from methotrexate or other conventional DMARDs (Kim 2012); glucocorticoid "
        "doses above 10 mg/day drove the risk.",
    ),
    "reference.tnf.monitoring": _BIOLOGIC_MONITORING,
    "reference.tnf.status": (
        "风湿病适应证已获批；不是防骨折药。",
        "Approved for rheumatic diseases; not a fracture-prevention drug.",
    ),
    "reference.il6.name": ("IL-6 抑制剂", "IL-6 inhibitors"),
    "reference.il6.mechanism": (
        "阻断 IL-6 信号，降低 CTX 等骨吸收标志物；活动期类风湿患者腰髋骨密度稳定或小幅增加，ACPA "
        "阳性者更明显；独立降低骨折的证据不足（原文 二.02）。",
        "Blocks IL-6 signalling and lowers resorption markers such as CTX; in active rheumatoid "
        "arthritis spine and hip BMD stay stable or rise a little, more so when ACPA-positive; no "
        "evidence of fewer fractures on its own (seed 二.02).",
    ),
    "reference.il6.dose": _BIOLOGIC_DOSE,
    "reference.il6.safety": (
        "视为中性：韩国全国队列中骨质疏松性骨折与 TNF 抑制剂无显著差异（Shin 2020）。",
        "Neutral: no significant difference in osteoporotic fracture from TNF inhibitors in a "
        "Korean national cohort (Shin 2020).",
    ),
    "reference.il6.monitoring": _BIOLOGIC_MONITORING,
    "reference.il6.status": (
        "风湿病适应证已获批；不是防骨折药。",
        "Approved for rheumatic diseases; not a fracture-prevention drug.",
    ),
    "reference.abatacept.name": ("T 细胞共刺激阻断剂", "T-cell co-stimulation blocker"),
    "reference.abatacept.mechanism": (
        "抑制 T 细胞活化，阻断炎症级联上游，间接影响 RANKL；真实世界队列提示其对骨密度的保护可能"
        "优于部分对照（原文 二.03）。",
        "Stops T-cell activation upstream in the inflammatory cascade and so acts on RANKL "
        "indirectly; real-world cohorts suggest BMD protection possibly better than some "
        "comparators (seed 二.03).",
    ),
    "reference.abatacept.dose": _BIOLOGIC_DOSE,
    "reference.abatacept.safety": (
        "视为中性：同一韩国队列中 TNF 抑制剂对阿巴西普 HR 0.91（0.48–1.71）。",
        "Neutral: in the same Korean cohort, TNF inhibitors vs abatacept HR 0.91 (0.48-1.71).",
    ),
    "reference.abatacept.monitoring": _BIOLOGIC_MONITORING,
    "reference.abatacept.status": (
        "风湿病适应证已获批；不是防骨折药。",
        "Approved for rheumatic diseases; not a fracture-prevention drug.",
    ),
    "reference.rituximab.name": ("B 细胞清除抗体", "B-cell depleting antibody"),
    "reference.rituximab.mechanism": (
        "B 细胞既产生促破骨因子（RANKL）也产生抗吸收因子（OPG）；炎症控制良好者 RANKL 下降、骨密度"
        "稳定，病情波动时效果不一，主要获益来自控制原发炎症（原文 二.04）。",
        "B cells make both a resorption signal (RANKL) and its brake (OPG); with good disease "
        "control RANKL falls and BMD is stable, less so when the disease fluctuates; the benefit "
        "comes from controlling the inflammation (seed 二.04).",
    ),
    "reference.rituximab.dose": _BIOLOGIC_DOSE,
    "reference.rituximab.monitoring": _BIOLOGIC_MONITORING,
    "reference.rituximab.status": (
        "风湿病适应证已获批；不是防骨折药。",
        "Approved for rheumatic diseases; not a fracture-prevention drug.",
    ),
    "reference.il17.name": ("IL-17 抑制剂", "IL-17 inhibitors"),
    "reference.il17.mechanism": (
        "对脊柱关节病相关的局灶性骨破坏有保护潜力；系统性抗骨质疏松证据有限，多表现为骨密度稳定"
        "（原文 二.05）。",
        "May protect against local bone damage in spondyloarthritis; little evidence against "
        "systemic osteoporosis; BMD mostly stays stable (seed 二.05).",
    ),
    "reference.il17.dose": _BIOLOGIC_DOSE,
    "reference.il17.monitoring": _BIOLOGIC_MONITORING,
    "reference.il17.status": (
        "风湿病适应证已获批；不是防骨折药。",
        "Approved for rheumatic diseases; not a fracture-prevention drug.",
    ),
    "reference.il23.name": ("IL-23 抑制剂", "IL-23 inhibitors"),
    "reference.il23.mechanism": (
        "通过下游抑制 Th17/IL-17 轴间接控制炎症；全身骨代谢的临床数据稀少，护骨作用多视为炎症控制"
        "的继发结果（原文 二.06）。",
        "Controls inflammation indirectly through the Th17/IL-17 axis; few clinical data on "
        "systemic bone metabolism; any bone benefit is seen as a result of inflammation control "
        "(seed 二.06).",
    ),
    "reference.il23.dose": _BIOLOGIC_DOSE,
    "reference.il23.monitoring": _BIOLOGIC_MONITORING,
    "reference.il23.status": (
        "风湿病适应证已获批；不是防骨折药。",
        "Approved for rheumatic diseases; not a fracture-prevention drug.",
    ),
    "reference.jak.name": ("JAK 抑制剂", "JAK inhibitors"),
    "reference.jak.mechanism": (
        "同时阻断多种促炎细胞因子的信号；基础研究提示可能有利于成骨，临床数据混杂（原文 二.07）。",
        "Blocks the signals of several pro-inflammatory cytokines; laboratory work suggests a "
        "benefit for bone formation, clinical data are mixed (seed 二.07).",
    ),
    "reference.jak.dose": _BIOLOGIC_DOSE,
    "reference.jak.safety": (
        "药物警戒信号（VigiBase，Martinez de la Torre 2025）：骨折报告比值比 "
        "托法替布 3.34、乌帕替尼 4.23、巴瑞替尼 1.80、非戈替尼 2.24；"
        "报告者年龄更大、女性及合用糖皮质激素者更多，可能存在适应证混杂。"
        "EMA 已在托法替布说明书中加入骨折。仅作提示：不调整 FRAX，不因骨骼原因换药。",
        "Pharmacovigilance signal (VigiBase, Martinez de la Torre 2025): fracture reporting odds "
        "ratios tofacitinib 3.34, upadacitinib 4.23, baricitinib 1.80, filgotinib 2.24; reporters "
        "were older, more often women and more often on glucocorticoids, so confounding is likely. "
        "The EMA added fracture to the tofacitinib information. Information only: no FRAX "
        "adjustment and no switch for bone reasons.",
    ),
    "reference.jak.monitoring": _BIOLOGIC_MONITORING,
    "reference.jak.status": (
        "风湿病适应证已获批；不是防骨折药；骨折信号仍在观察。",
        "Approved for rheumatic diseases; not a fracture-prevention drug; the fracture signal is "
        "under watch.",
    ),
    "reference.il1b.name": ("IL-1β 抑制剂", "IL-1β inhibitor"),
    "reference.il1b.mechanism": (
        "可降低骨吸收标志物，但对骨密度和骨折的临床证据有限（原文 二.08）。",
        "Lowers resorption markers, but clinical evidence on BMD and fractures is limited (seed "
        "二.08).",
    ),
    "reference.il1b.dose": _BIOLOGIC_DOSE,
    "reference.il1b.monitoring": _BIOLOGIC_MONITORING,
    "reference.il1b.status": (
        "风湿病适应证已获批；不是防骨折药。",
        "Approved for rheumatic diseases; not a fracture-prevention drug.",
    ),
    # --- investigational (seed section 三) --------------------------------------------------
    "reference.blosozumab.name": (
        "Blosozumab（抗硬骨抑素单抗）",
        "Blosozumab (sclerostin antibody)",
    ),
    "reference.blosozumab.mechanism": (
        "与罗莫佐单抗同类的 sclerostin 抑制剂。",
        "A sclerostin inhibitor of the same class as romosozumab.",
    ),
    "reference.blosozumab.dose": _TRIAL_ONLY,
    "reference.blosozumab.status": (
        "开发已终止：120 例 II 期试验中皮下给药 1 年使腰椎骨密度增加 17.7%、全髋 6.7%，但其后开发"
        "被终止，原因未披露（原文 三.01；Recker 2015）。",
        "Development stopped: in a 120-patient phase II trial one year of subcutaneous dosing "
        "raised lumbar spine BMD by 17.7 % and total hip by 6.7 %, but development was then "
        "terminated for undisclosed reasons (seed 三.01; Recker 2015).",
    ),
    "reference.dkk1_inhibitors.name": ("DKK1 抑制剂", "DKK1 inhibitors"),
    "reference.dkk1_inhibitors.mechanism": (
        "DKK1 是 Wnt 通路的内源性抑制子，阻断它可促进成骨。",
        "DKK1 is a natural brake on Wnt signalling; blocking it promotes bone formation.",
    ),
    "reference.dkk1_inhibitors.safety": (
        "全身性增强 Wnt 信号存在潜在致瘤等安全顾虑。",
        "Switching on Wnt signalling throughout the body raises safety concerns, including "
        "possible tumour growth.",
    ),
    "reference.dkk1_inhibitors.dose": _TRIAL_ONLY,
    "reference.dkk1_inhibitors.status": (
        "在研（原文 三.01）。",
        "Investigational (seed 三.01).",
    ),
    "reference.strontium_ranelate.name": ("雷奈酸锶", "Strontium ranelate"),
    "reference.strontium_ranelate.mechanism": (
        "口服，兼具抑制骨吸收与促进成骨作用，可降低绝经后女性骨折风险（Meunier 2004）。",
        "Oral; both reduces resorption and promotes formation; lowered fracture risk in "
        "postmenopausal women (Meunier 2004).",
    ),
    "reference.strontium_ranelate.safety": (
        "与心血管事件、静脉血栓及罕见严重过敏反应相关。",
        "Linked to cardiovascular events, venous thrombosis and rare severe allergic reactions.",
    ),
    "reference.strontium_ranelate.status": (
        "多国未获批，临床应用极为有限（原文 三.02）。",
        "Not approved in many countries; very limited clinical use (seed 三.02).",
    ),
    "reference.odanacatib.name": (
        "Odanacatib（组织蛋白酶 K 抑制剂）",
        "Odanacatib (cathepsin K inhibitor)",
    ),
    "reference.odanacatib.mechanism": (
        "抑制破骨细胞的组织蛋白酶 K，每周口服。",
        "Inhibits the osteoclast enzyme cathepsin K; taken weekly by mouth.",
    ),
    "reference.odanacatib.safety": (
        "LOFT 延长期卒中事件增多。",
        "More strokes in the LOFT extension.",
    ),
    "reference.odanacatib.dose": _TRIAL_ONLY,
    "reference.odanacatib.status": (
        "开发终止：LOFT III 期试验显示各类骨折减少、骨密度增加，但延长期卒中增多；同类其他药物亦因"
        "安全性未推进（原文 三.03；McClung 2019）。",
        "Development stopped: the LOFT phase III trial showed fewer fractures of every kind and "
        "higher BMD, but more strokes in the extension; other drugs of the class stalled on safety "
        "too (seed 三.03; McClung 2019).",
    ),
    "reference.calcilytics.name": ("Calcilytics（钙敏感受体拮抗剂类口服小分子）", "Calcilytics"),
    "reference.calcilytics.mechanism": (
        "口服小分子，模拟间歇 PTH 的促成骨效应。",
        "Oral small molecules that imitate the bone-building effect of intermittent PTH.",
    ),
    "reference.calcilytics.dose": _TRIAL_ONLY,
    "reference.calcilytics.status": (
        "开发受挫：动物与早期研究有积极信号（成骨标志物与骨密度上升），但 II 期试验未见骨密度显著"
        "提高（原文 三.04）。",
        "Development stalled: positive animal and early signals (formation markers and BMD rose), "
        "but phase II trials showed no significant BMD gain (seed 三.04).",
    ),
    "reference.pth_cbd.name": ("骨锚定 PTH（PTH-CBD）", "Bone-anchored PTH (PTH-CBD)"),
    "reference.pth_cbd.mechanism": (
        "在特立帕肽/阿巴洛肽基础上的新方向：使 PTH 锚定于骨，旨在提高疗效。",
        "A new direction built on teriparatide and abaloparatide: PTH anchored to bone, aiming "
        "at better efficacy.",
    ),
    "reference.pth_cbd.dose": _TRIAL_ONLY,
    "reference.pth_cbd.status": (
        "仍在临床验证阶段（原文 三.05）。",
        "Still in clinical testing (seed 三.05).",
    ),
    "reference.transcon_pth.name": (
        "长效 PTH 前药（TransCon-PTH）",
        "Long-acting PTH prodrug (TransCon PTH)",
    ),
    "reference.transcon_pth.mechanism": (
        "长效前药，目标是提高给药便利性。",
        "A long-acting prodrug aiming at easier dosing.",
    ),
    "reference.transcon_pth.dose": _TRIAL_ONLY,
    "reference.transcon_pth.status": (
        "骨质疏松方面仍在临床验证（原文 三.05）；原文引用的 III 期 PaTHway 试验针对成人甲状旁腺"
        "功能减退症，而非骨质疏松（Clarke 2025）。",
        "Still in clinical testing for osteoporosis (seed 三.05); the phase III PaTHway trial the "
        "seed cites was in adults with hypoparathyroidism, not osteoporosis (Clarke 2025).",
    ),
    "reference.aga2118.name": (
        "AGA2118（sclerostin + DKK1 双特异性抗体）",
        "AGA2118 (sclerostin + DKK1 bispecific antibody)",
    ),
    "reference.aga2118.mechanism": (
        "同时抑制 sclerostin 与 DKK1 的双特异性抗体。",
        "A bispecific antibody that blocks both sclerostin and DKK1.",
    ),
    "reference.aga2118.dose": _TRIAL_ONLY,
    "reference.aga2118.status": (
        "在研；仍需更多抗骨折与安全性数据（原文 三.07）。",
        "Investigational; needs more fracture and safety data (seed 三.07).",
    ),
    "reference.eb613.name": ("口服 PTH 类似物 EB613", "Oral PTH analogue EB613"),
    "reference.eb613.mechanism": (
        "口服 PTH 类似物，旨在改善给药方式（免注射）。",
        "An oral PTH analogue meant to make dosing easier (no injections).",
    ),
    "reference.eb613.dose": _TRIAL_ONLY,
    "reference.eb613.status": (
        "在研；仍需更多抗骨折与安全性数据（原文 三.07）。",
        "Investigational; needs more fracture and safety data (seed 三.07).",
    ),
    "reference.denosumab_biosimilars.name": (
        "地舒单抗生物类似药（CT-P41、RGB-14-P、QL1206、Bmab1000、AVT03、TVB-009）",
        "Denosumab biosimilars (CT-P41, RGB-14-P, QL1206, Bmab1000, AVT03, TVB-009)",
    ),
    "reference.denosumab_biosimilars.mechanism": (
        "其他厂家生产的地舒单抗（抗 RANKL）；生物类似药可提升可及性（原文）。",
        "Denosumab (anti-RANKL) made by other manufacturers; biosimilars can widen access (seed).",
    ),
    "reference.denosumab_biosimilars.dose": (
        "仿 60 mg 骨质疏松制剂者同地舒单抗：60 mg，每 6 个月；"
        "仿 120 mg 肿瘤制剂者不是骨质疏松治疗。",
        "Copies of the 60 mg osteoporosis product are given as denosumab, 60 mg every 6 months; "
        "copies of the 120 mg oncology product are not osteoporosis treatment.",
    ),
    "reference.denosumab_biosimilars.course": (
        "同地舒单抗：无药物假期，绝不能无接续地停药。",
        "As denosumab: no holiday, never stopped without a follow-on.",
    ),
    "reference.denosumab_biosimilars.safety": ("同地舒单抗。", "As denosumab."),
    "reference.denosumab_biosimilars.monitoring": ("同地舒单抗。", "As denosumab."),
    "reference.denosumab_biosimilars.status": (
        "原文（2025）列为已进入 II/III 期试验。各国监管状态不同且在变化：用药前核对当地说明书。"
        "在治疗记录中填写产品名，OsteoDesk 将这些代号对应为地舒单抗。",
        "The seed (2025) lists them as in phase II/III trials. Regulatory status differs by "
        "country and changes: check the local label before use. Enter the product name in the "
        "treatment record; OsteoDesk maps these codes to denosumab.",
    ),
    "reference.early_candidates.name": ("其他早期候选药物", "Other early candidates"),
    "reference.early_candidates.mechanism": (
        "AChE 抑制剂、降钙素受体激动剂、天然产物（如 tiliroside）、NLRP3/TLR4 等炎症相关靶点，以及"
        " FAP、FGF21、SIRT3、P2X7、基因/细胞疗法等。",
        "AChE inhibitors, calcitonin receptor agonists, natural products (such as tiliroside), "
        "inflammation targets such as NLRP3 and TLR4, and FAP, FGF21, SIRT3, P2X7, gene and cell "
        "therapies.",
    ),
    "reference.early_candidates.status": (
        "多数证据来自动物或早期研究，作用与适应证尚不明确，安全性为主要限制（原文 三.06）。",
        "Mostly animal or early studies; their role and indication are unclear, and safety is the "
        "main limit (seed 三.06).",
    ),
    # --- product notes (osteodesk.core.products) -------------------------------------------------
    "reference.product_note.denosumab_oncology": (
        "地舒单抗 120 mg（每 4 周，用于肿瘤骨转移）：不是骨质疏松剂量（60 mg 每 6 个月），请记录"
        "骨质疏松所用的产品。",
        "Denosumab 120 mg every 4 weeks for bone metastases: not the osteoporosis dose (60 mg "
        "every 6 months); record the osteoporosis product.",
    ),
    "reference.product_note.zoledronic_acid_oncology": (
        "唑来膦酸 4 mg（肿瘤相关骨病）：不是骨质疏松剂量（5 mg 每年一次）。",
        "Zoledronic acid 4 mg for cancer-related bone disease: not the osteoporosis dose (5 mg "
        "once a year).",
    ),
    "reference.product_note.denosumab_code_check_strength": (
        "地舒单抗生物类似药的研发代号：请核对所用为 60 mg、每 6 个月的制剂。",
        "A development code of a denosumab biosimilar: check that the product used is the 60 mg "
        "every-6-months one.",
    ),
    "reference.product_note.with_vitamin_d": (
        "阿仑膦酸钠与维生素 D3 的复方片。",
        "Alendronate and vitamin D3 in one tablet.",
    ),
}
