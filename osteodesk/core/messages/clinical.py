"""Clinical sentences of the decision module (drugs, categories, reasons, alerts, monitoring).

Each entry is ``(zh_CN, en)``. Placeholders are the parameters the decision module puts on the
code (see osteodesk/core/decision/reasons.py); parameters that are themselves codes (a drug,
a site, an event, a category) are rendered through the label namespaces at the end of this
table by ``osteodesk.core.decision.render``. A test checks that every code the engine can emit
has both languages here.
"""

from __future__ import annotations

_DRUGS: dict[str, tuple[str, str]] = {
    "drug.alendronate": ("阿仑膦酸钠", "alendronate"),
    "drug.risedronate": ("利塞膦酸钠", "risedronate"),
    "drug.ibandronate": ("伊班膦酸钠", "ibandronate"),
    "drug.zoledronic_acid": ("唑来膦酸", "zoledronic acid"),
    "drug.denosumab": ("地舒单抗", "denosumab"),
    "drug.raloxifene": ("雷洛昔芬", "raloxifene"),
    "drug.bazedoxifene": ("巴多昔芬", "bazedoxifene"),
    "drug.hrt": ("激素替代治疗", "menopausal hormone therapy (HRT)"),
    "drug.calcitonin": ("降钙素", "calcitonin"),
    "drug.teriparatide": ("特立帕肽", "teriparatide"),
    "drug.abaloparatide": ("阿巴洛肽", "abaloparatide"),
    "drug.romosozumab": ("罗莫佐单抗", "romosozumab"),
    "drug.adalimumab": ("阿达木单抗", "adalimumab"),
    "drug.etanercept": ("依那西普", "etanercept"),
    "drug.infliximab": ("英夫利昔单抗", "infliximab"),
    "drug.golimumab": ("戈利木单抗", "golimumab"),
    "drug.certolizumab": ("赛妥珠单抗", "certolizumab pegol"),
    "drug.tocilizumab": ("托珠单抗", "tocilizumab"),
    "drug.sarilumab": ("沙利鲁单抗", "sarilumab"),
    "drug.abatacept": ("阿巴西普", "abatacept"),
    "drug.rituximab": ("利妥昔单抗", "rituximab"),
    "drug.secukinumab": ("司库奇尤单抗", "secukinumab"),
    "drug.ixekizumab": ("依奇珠单抗", "ixekizumab"),
    "drug.ustekinumab": ("乌司奴单抗", "ustekinumab"),
    "drug.guselkumab": ("古塞奇尤单抗", "guselkumab"),
    "drug.risankizumab": ("利生奇珠单抗", "risankizumab"),
    "drug.tofacitinib": ("托法替布", "tofacitinib"),
    "drug.baricitinib": ("巴瑞替尼", "baricitinib"),
    "drug.upadacitinib": ("乌帕替尼", "upadacitinib"),
    "drug.filgotinib": ("非戈替尼", "filgotinib"),
    "drug.canakinumab": ("卡那奴单抗", "canakinumab"),
}

_CATEGORIES: dict[str, tuple[str, str]] = {
    "diagnosis.normal": ("骨密度正常", "normal bone density"),
    "diagnosis.osteopenia": ("骨量减少（低骨量）", "osteopenia (low bone mass)"),
    "diagnosis.osteoporosis": ("骨质疏松症", "osteoporosis"),
    "diagnosis.severe_osteoporosis": ("严重骨质疏松症", "severe (established) osteoporosis"),
    "diagnosis.low_for_age": (
        "骨密度低于同龄预期范围",
        "bone density below the expected range for age",
    ),
    "diagnosis.not_assessable": (
        "无法评估（缺少可用的骨密度或骨折资料）",
        "not assessable (no usable DXA or qualifying fracture)",
    ),
    "risk.low": ("低骨折风险", "low fracture risk"),
    "risk.moderate": ("中等骨折风险", "moderate fracture risk"),
    "risk.high": ("高骨折风险", "high fracture risk"),
    "risk.very_high": ("极高骨折风险", "very high fracture risk"),
    "state.naive": ("未接受过抗骨质疏松药物治疗", "treatment-naive"),
    "state.on_bisphosphonate": ("正在使用双膦酸盐", "on a bisphosphonate"),
    "state.bisphosphonate_holiday": ("双膦酸盐药物假期中", "on a bisphosphonate holiday"),
    "state.on_denosumab": ("正在使用地舒单抗", "on denosumab"),
    "state.denosumab_stopped": ("地舒单抗已停用或计划停用", "denosumab stopped or planned to stop"),
    "state.on_anabolic": ("促骨形成疗程进行中", "on an anabolic course"),
    "state.post_anabolic": ("促骨形成疗程已结束", "anabolic course completed"),
    "state.on_serm": ("正在使用选择性雌激素受体调节剂（SERM）", "on a SERM"),
    "state.on_hrt": ("正在使用激素替代治疗", "on menopausal hormone therapy"),
    "state.other": ("既往治疗已停用", "earlier treatment stopped"),
    "framework.cn2022": (
        "中国《原发性骨质疏松症诊疗指南（2022）》",
        "Chinese primary osteoporosis guideline 2022",
    ),
    "framework.aace2020": (
        "AACE/ACE 2020 绝经后骨质疏松指南",
        "AACE/ACE 2020 postmenopausal osteoporosis guideline",
    ),
    "framework.acr_giop2022": (
        "ACR 2022 糖皮质激素性骨质疏松指南",
        "ACR 2022 glucocorticoid-induced osteoporosis guideline",
    ),
    "severity.urgent": ("紧急", "urgent"),
    "severity.warning": ("警示", "warning"),
    "severity.info": ("提示", "information"),
}

_REASONS: dict[str, tuple[str, str]] = {
    # A0
    "reason.fracture_fragility_assumed": (
        "{date} {site}骨折未注明是否为脆性骨折，按脆性骨折计入。",
        "The {site} fracture of {date} is not marked as fragility or high-trauma; it counts as a "
        "fragility fracture.",
    ),
    "reason.menopause_assumed_from_age": (
        "未记录绝经状态，{age} 岁女性按绝经后处理。",
        "Menopausal status not recorded: a woman of {age} is taken as postmenopausal.",
    ),
    # A1 diagnosis
    "reason.t_score_le_-2.5": (
        "{site} T 值 {value}（{date}）≤ −2.5。",
        "{site} T-score {value} ({date}) is at or below −2.5.",
    ),
    "reason.prior_t_score_le_-2.5": (
        "既往 {site} T 值 {value}（{date}）≤ −2.5；骨质疏松诊断一经确立，T 值改善后仍保留。",
        "Earlier {site} T-score {value} ({date}) was at or below −2.5; the diagnosis stands "
        "although later T-scores improved.",
    ),
    "reason.hip_or_vertebral_fragility_fracture": (
        "{date} {site}脆性骨折，可直接诊断骨质疏松症。",
        "A {site} fragility fracture ({date}) establishes osteoporosis.",
    ),
    "reason.fragility_fracture_with_osteopenia": (
        "{date} {site}脆性骨折合并骨量减少，诊断骨质疏松症。",
        "A {site} fragility fracture ({date}) with osteopenia establishes osteoporosis.",
    ),
    "reason.t_score_and_fragility_fracture": (
        "T 值 ≤ −2.5 且有脆性骨折（{site}，{date}）：严重骨质疏松症。",
        "T-score at or below −2.5 with a fragility fracture ({site}, {date}): severe osteoporosis.",
    ),
    "reason.osteopenia_t_score": (
        "最低 T 值为 {site} {value}（{date}），介于 −1.0 与 −2.5 之间。",
        "Lowest T-score {site} {value} ({date}) lies between −1.0 and −2.5.",
    ),
    "reason.normal_t_scores": (
        "各部位 T 值均 ≥ −1.0（最低 {site} {value}，{date}）。",
        "Every T-score is at or above −1.0 (lowest {site} {value}, {date}).",
    ),
    "reason.no_usable_dxa": (
        "没有可用的 DXA T 值，也没有可用于诊断的脆性骨折。",
        "No usable DXA T-score and no fracture that establishes the diagnosis.",
    ),
    "reason.t_scores_not_used": (
        "绝经前女性或 50 岁以下男性（{age} 岁）不以 T 值诊断，使用 Z 值。",
        "Premenopausal woman or man under 50 (age {age}): T-scores are not used for the "
        "diagnosis; Z-scores are.",
    ),
    "reason.z_score_low_for_age": (
        "{site} Z 值 {value}（{date}）≤ −2.0，低于同龄预期范围。",
        "{site} Z-score {value} ({date}) is at or below −2.0: below the expected range for age.",
    ),
    "reason.z_score_within_range": (
        "Z 值在同龄预期范围内（最低 {site} {value}，{date}）。",
        "Z-scores are within the expected range for age (lowest {site} {value}, {date}).",
    ),
    "reason.no_z_score": ("没有可用的 Z 值。", "No Z-score on record."),
    # A1 risk, governing framework
    "reason.osteoporosis_diagnosis": (
        "诊断为{diagnosis}，属高骨折风险。",
        "A diagnosis of {diagnosis} means high fracture risk.",
    ),
    "reason.osteopenia_frax_high": (
        "骨量减少且 FRAX（校正后）主要骨折 {mof}% 或髋部 {hip}% 达到治疗阈值（≥ 20% 或 ≥ 3%）。",
        "Osteopenia with adjusted FRAX major osteoporotic {mof}% or hip {hip}% at the treatment "
        "threshold (≥ 20% or ≥ 3%).",
    ),
    "reason.osteopenia_frax_below_threshold": (
        "骨量减少，FRAX（校正后）主要骨折 {mof}%、髋部 {hip}% 低于治疗阈值（中等风险一档来自 ES "
        "2019/BHOF 2022，CN 2022 未设此档）。",
        "Osteopenia with adjusted FRAX major osteoporotic {mof}% and hip {hip}% below the "
        "treatment thresholds (the moderate tier is from ES 2019/BHOF 2022; CN 2022 has none).",
    ),
    "reason.osteopenia_no_frax": (
        "骨量减少，无 FRAX 结果（中等风险一档来自 ES 2019/BHOF 2022）；建议录入 FRAX。",
        "Osteopenia without a FRAX result (moderate tier from ES 2019/BHOF 2022); enter a FRAX "
        "result.",
    ),
    "reason.osta_no_dxa": (
        "无 DXA，OSTA {osta} ≤ −1：仅为筛查提示中等风险，需做 DXA。",
        "No DXA and OSTA {osta} at or below −1: moderate risk on screening only; DXA is needed.",
    ),
    "reason.no_risk_criteria": (
        "不符合高风险或中等风险标准（低风险一档来自 ES 2019/BHOF 2022）。",
        "No high- or moderate-risk criterion is met (low tier from ES 2019/BHOF 2022).",
    ),
    "reason.recent_fragility_fracture": (
        "近 {months} 个月内脆性骨折（{site}，{date}）。",
        "Fragility fracture in the last {months} months ({site}, {date}).",
    ),
    "reason.fracture_on_treatment": (
        "使用{drug}期间发生脆性骨折（{site}，{date}）。",
        "Fragility fracture while on {drug} ({site}, {date}).",
    ),
    "reason.multiple_fragility_fractures": (
        "多发脆性骨折（共 {count} 处）。",
        "Multiple fragility fractures ({count}).",
    ),
    "reason.fracture_on_glucocorticoids": (
        "糖皮质激素治疗期间发生脆性骨折（{site}，{date}）。",
        "Fragility fracture while on glucocorticoids ({site}, {date}).",
    ),
    "reason.t_score_very_low": (
        "{site} T 值 {value} {operator} {limit}。",
        "{site} T-score {value} {operator} {limit}.",
    ),
    "reason.high_fall_risk": (
        "高跌倒风险（{basis}）。",
        "High fall risk ({basis}).",
    ),
    "reason.frax_very_high": (
        "FRAX（校正后）主要骨折 {mof}% > 30% 或髋部 {hip}% > 4.5%。",
        "Adjusted FRAX major osteoporotic {mof}% above 30% or hip {hip}% above 4.5%.",
    ),
    "reason.trigger_without_high_risk": (
        "上述极高风险指标已列出，但患者未达高风险，因此不提升风险分层。",
        "The very-high-risk indicators above are listed but do not raise the category, because "
        "the patient is not at high risk.",
    ),
    "reason.young_hip_or_vertebral_fracture": (
        "髋部或椎体脆性骨折（{site}，{date}）：高骨折风险。",
        "Hip or vertebral fragility fracture ({site}, {date}): high fracture risk.",
    ),
    "reason.young_fracture_trigger": (
        "髋部或椎体脆性骨折并有骨折相关极高风险指标：极高骨折风险。",
        "Hip or vertebral fragility fracture with a fracture-based very-high-risk indicator: very "
        "high fracture risk.",
    ),
    "reason.young_no_qualifying_fracture": (
        "绝经前女性或 50 岁以下男性无髋部或椎体脆性骨折；T 值、FRAX、OSTA 与跌倒不用于分层。",
        "Premenopausal woman or man under 50 without a hip or vertebral fragility fracture; "
        "T-scores, FRAX, OSTA and falls are not used.",
    ),
    "reason.category_from_acr_giop": (
        "ACR 糖皮质激素框架分层为{acr}，高于主框架的{governing}，取两者较高者。",
        "ACR-GIOP gives {acr}, higher than {governing} under the governing framework; the higher "
        "applies.",
    ),
    # A1 ACR-GIOP
    "reason.acr_prior_fracture": (
        "ACR 糖皮质激素框架：既往骨质疏松性骨折（{site}，{date}）→ 极高风险。",
        "ACR-GIOP: prior osteoporotic fracture ({site}, {date}) → very high risk.",
    ),
    "reason.acr_t_score_very_low": (
        "ACR 糖皮质激素框架：{site} T 值 {value} ≤ −3.5 → 极高风险。",
        "ACR-GIOP: {site} T-score {value} at or below −3.5 → very high risk.",
    ),
    "reason.acr_frax_very_high": (
        "ACR 糖皮质激素框架：FRAX 主要骨折 {mof}% ≥ 30% 或髋部 {hip}% ≥ 4.5% → 极高风险。",
        "ACR-GIOP: FRAX major osteoporotic {mof}% ≥ 30% or hip {hip}% ≥ 4.5% → very high risk.",
    ),
    "reason.acr_high_dose_glucocorticoid": (
        "ACR 糖皮质激素框架：大剂量糖皮质激素（≥ 30 mg/日超过 30 天，或近一年累计 ≥ 5 g）→ 极高风"
        "险。",
        "ACR-GIOP: high-dose glucocorticoids (≥ 30 mg/day for more than 30 days, or ≥ 5 g in a "
        "year) → very high risk.",
    ),
    "reason.acr_t_score_high": (
        "ACR 糖皮质激素框架：{site} T 值 {value}（≤ −2.5 且 > −3.5）→ 高风险。",
        "ACR-GIOP: {site} T-score {value} (≤ −2.5 and > −3.5) → high risk.",
    ),
    "reason.acr_frax_high": (
        "ACR 糖皮质激素框架：FRAX 主要骨折 {mof}%（20–30%）或髋部 {hip}%（3–4.5%）→ 高风险。",
        "ACR-GIOP: FRAX major osteoporotic {mof}% (20–30%) or hip {hip}% (3–4.5%) → high risk.",
    ),
    "reason.acr_frax_moderate": (
        "ACR 糖皮质激素框架：FRAX 主要骨折 {mof}%（10–20%）或髋部 {hip}%（1–3%）→ 中等风险。",
        "ACR-GIOP: FRAX major osteoporotic {mof}% (10–20%) or hip {hip}% (1–3%) → moderate risk.",
    ),
    "reason.acr_t_score_moderate": (
        "ACR 糖皮质激素框架：{site} T 值 {value}（−1.0 至 −2.4）→ 中等风险。",
        "ACR-GIOP: {site} T-score {value} (−1.0 to −2.4) → moderate risk.",
    ),
    "reason.acr_hip_exactly_one_flagged": (
        "ACR 表格空档：髋部 FRAX 恰为 {hip}%，不属任何一档，按中等风险处理（已标记）。",
        "ACR table gap: hip FRAX exactly {hip}% belongs to no tier; treated as moderate (flagged).",
    ),
    "reason.acr_t_score_gap_flagged": (
        "ACR 表格空档：{site} T 值 {value} 介于 −2.41 与 −2.49 之间，不属任何一档，按中等风险处理"
        "（已标记）。",
        "ACR table gap: {site} T-score {value} lies between −2.41 and −2.49, in no tier; treated "
        "as moderate (flagged).",
    ),
    "reason.acr_low": (
        "ACR 糖皮质激素框架：未达中等风险标准 → 低风险。",
        "ACR-GIOP: no moderate-risk criterion met → low risk.",
    ),
    "reason.acr_frax_missing": (
        "ACR 分层缺少 FRAX 结果，可能低估风险。",
        "No FRAX result for the ACR table; the risk may be underestimated.",
    ),
    "reason.acr_dxa_missing": (
        "ACR 分层缺少 DXA T 值，可能低估风险。",
        "No DXA T-score for the ACR table; the risk may be underestimated.",
    ),
    "reason.acr_young_t_score": (
        "ACR 糖皮质激素框架（40 岁以下）：{site} T 值 {value} ≤ −2.5 → 高风险。",
        "ACR-GIOP (under 40): {site} T-score {value} at or below −2.5 → high risk.",
    ),
    "reason.acr_young_moderate": (
        "ACR 糖皮质激素框架（40 岁以下）：糖皮质激素 ≥ 7.5 mg/日已 ≥ 6 个月，且{basis} → 中等风险"
        "。",
        "ACR-GIOP (under 40): glucocorticoids ≥ 7.5 mg/day for ≥ 6 months with {basis} → moderate "
        "risk.",
    ),
    "reason.acr_young_low": (
        "ACR 糖皮质激素框架（40 岁以下）：除糖皮质激素外无其他危险因素 → 低风险。",
        "ACR-GIOP (under 40): no risk factor other than glucocorticoids → low risk.",
    ),
    # A2
    "note.frax_glucocorticoid_dose_unknown": (
        "{date} 的 FRAX 勾选了糖皮质激素，但当天的剂量未知，未作剂量校正。",
        "The FRAX of {date} was done with glucocorticoids ticked, but the dose on that date is "
        "unknown; no dose adjustment was made.",
    ),
    # A4 gates
    "reason.hypocalcemia": (
        "校正血钙 {value} 低于 2.10 mmol/L（8.4 mg/dL）：先纠正低钙血症。",
        "Corrected calcium {value} is below 2.10 mmol/L (8.4 mg/dL): correct hypocalcaemia first.",
    ),
    "reason.hypercalcemia": (
        "血钙 {value} 高于 2.60 mmol/L（10.4 mg/dL）：高钙血症时不用 PTH 类似物。",
        "Calcium {value} is above 2.60 mmol/L (10.4 mg/dL): no PTH analogue with hypercalcaemia.",
    ),
    "reason.primary_hyperparathyroidism": (
        "原发性甲状旁腺功能亢进症：PTH 类似物禁用。",
        "Primary hyperparathyroidism: PTH analogues are contraindicated.",
    ),
    "reason.paget_disease": (
        "Paget 骨病（骨肉瘤风险）：PTH 类似物禁用。",
        "Paget's disease of bone (osteosarcoma risk): PTH analogues are contraindicated.",
    ),
    "reason.unexplained_high_alp": (
        "不明原因碱性磷酸酶升高：PTH 类似物禁用。",
        "Unexplained raised alkaline phosphatase: PTH analogues are contraindicated.",
    ),
    "reason.skeletal_radiation": (
        "既往骨骼放疗：PTH 类似物禁用。",
        "Prior radiotherapy involving the skeleton: PTH analogues are contraindicated.",
    ),
    "reason.skeletal_malignancy": (
        "骨转移或原发骨肿瘤：PTH 类似物禁用。",
        "Bone metastases or primary bone tumour: PTH analogues are contraindicated.",
    ),
    "reason.open_epiphyses": (
        "骨骺未闭合：PTH 类似物禁用。",
        "Open epiphyses: PTH analogues are contraindicated.",
    ),
    "reason.crcl_below_limit": (
        "肌酐清除率 {value} mL/min 低于 {limit}：该药不推荐使用。",
        "Creatinine clearance {value} mL/min is below {limit}: this drug is not recommended.",
    ),
    "reason.egfr_below_limit_no_crcl": (
        "无法计算肌酐清除率（缺少{missing}），以 eGFR {value} 代替，低于 {limit}：该药不推荐使用。",
        "Creatinine clearance cannot be computed (missing {missing}); eGFR {value} stands in and "
        "is below {limit}: this drug is not recommended.",
    ),
    "reason.dialysis": (
        "透析患者肾功能低于所有肾功能限值：该药不推荐使用。",
        "On dialysis: renal function is below every renal limit, so this drug is not recommended.",
    ),
    "reason.esophageal_disorder": (
        "食管疾病（狭窄、贲门失弛缓或排空延迟）：不用口服双膦酸盐。",
        "Oesophageal disorder (stricture, achalasia or delayed emptying): no oral bisphosphonate.",
    ),
    "reason.cannot_stay_upright": (
        "无法保持直立 30–60 分钟：不用口服双膦酸盐。",
        "Cannot stay upright for 30–60 minutes: no oral bisphosphonate.",
    ),
    "reason.recent_mi_or_stroke": (
        "近 12 个月内{event}（{date}）：罗莫佐单抗禁用。",
        "{event} in the last 12 months ({date}): romosozumab is contraindicated.",
    ),
    "reason.vte_history": (
        "既往静脉血栓栓塞（{date}）：不用 SERM 或激素替代治疗。",
        "Past venous thromboembolism ({date}): no SERM or hormone therapy.",
    ),
    "reason.cv_event_history": (
        "既往{event}（{date}）：不用 SERM 或激素替代治疗。",
        "Past {event} ({date}): no SERM or hormone therapy.",
    ),
    "reason.high_cv_risk": (
        "心血管高危：不用 SERM 或激素替代治疗。",
        "High cardiovascular risk: no SERM or hormone therapy.",
    ),
    "reason.breast_cancer_history": (
        "乳腺癌病史：不用激素替代治疗。",
        "History of breast cancer: no hormone therapy.",
    ),
    "reason.endometrial_cancer_history": (
        "子宫内膜癌病史：不用激素替代治疗。",
        "History of endometrial cancer: no hormone therapy.",
    ),
    "reason.hrt_age_and_menopause": (
        "{age} 岁且绝经超过 10 年（或绝经年份不详）：不启动激素替代治疗。",
        "Age {age} and more than 10 years after menopause (or menopause year unknown): do not "
        "start hormone therapy.",
    ),
    "reason.male_sex": (
        "男性：该药仅用于女性。",
        "Male: this drug is for women only.",
    ),
    "reason.premenopausal": (
        "绝经前女性：该药未获批或不宜使用。",
        "Premenopausal woman: this drug is not indicated.",
    ),
    "reason.perimenopausal": (
        "围绝经期女性：该药未获批或不宜使用。",
        "Perimenopausal woman: this drug is not indicated.",
    ),
    "reason.pregnant_or_breastfeeding": (
        "妊娠或哺乳期：不用任何抗骨质疏松药物。",
        "Pregnant or breastfeeding: no osteoporosis drug.",
    ),
    "reason.onj_history": (
        "颌骨坏死病史：不用双膦酸盐、地舒单抗或罗莫佐单抗。",
        "History of osteonecrosis of the jaw: no bisphosphonate, denosumab or romosozumab.",
    ),
    "reason.atypical_femoral_fracture_history": (
        "非典型股骨骨折病史：不用双膦酸盐或地舒单抗。",
        "History of atypical femoral fracture: no bisphosphonate or denosumab.",
    ),
    "reason.pth_lifetime_limit_reached": (
        "特立帕肽与阿巴洛肽累计已用 {months} 个月，达到终身上限 {limit} 个月。",
        "Teriparatide and abaloparatide together have been used for {months} months, reaching the "
        "lifetime limit of {limit} months.",
    ),
    "reason.romosozumab_course_complete": (
        "罗莫佐单抗已完成 12 次（或 12 个月）疗程。",
        "Romosozumab has reached its 12 doses (or 12 months).",
    ),
    "reason.allergy": ("对{drug}过敏。", "Allergy to {drug}."),
    # options
    "reason.very_high_risk_anabolic_first": (
        "极高骨折风险：先用促骨形成药，疗程结束后立即序贯抗骨吸收药。",
        "Very high fracture risk: an anabolic first, followed straight away by an antiresorptive.",
    ),
    "reason.very_high_risk_antiresorptive": (
        "极高骨折风险：唑来膦酸或地舒单抗是可接受的替代起始方案。",
        "Very high fracture risk: zoledronic acid or denosumab is an acceptable alternative start.",
    ),
    "reason.high_risk_first_line": (
        "高骨折风险：口服双膦酸盐为一线治疗。",
        "High fracture risk: an oral bisphosphonate is first line.",
    ),
    "reason.high_risk_parenteral_alternative": (
        "高骨折风险：静脉唑来膦酸或地舒单抗为替代选择（如口服不耐受或依从性差）。",
        "High fracture risk: intravenous zoledronic acid or denosumab is the alternative (e.g. "
        "oral intolerance or poor adherence).",
    ),
    "reason.raloxifene_breast_cancer_risk": (
        "乳腺癌高风险的绝经后女性：雷洛昔芬可兼顾降低椎体骨折与乳腺癌风险。",
        "Postmenopausal woman at high breast-cancer risk: raloxifene lowers vertebral fracture "
        "and breast-cancer risk.",
    ),
    "reason.hrt_vasomotor_symptoms": (
        "有血管舒缩症状，年龄 < 60 岁或绝经 < 10 年：激素替代治疗可同时缓解症状并保护骨量。",
        "Vasomotor symptoms, age under 60 or within 10 years of menopause: hormone therapy "
        "relieves symptoms and protects bone.",
    ),
    "reason.ibandronate_vertebral_only": (
        "伊班膦酸钠仅证实降低椎体骨折，不用于预防非椎体或髋部骨折。",
        "Ibandronate protects against vertebral fractures only, not non-vertebral or hip "
        "fractures.",
    ),
    "reason.acr_giop_pth_preferred": (
        "ACR 糖皮质激素框架（极高风险或大剂量激素）：PTH/PTHrP 类似物优先，疗程后序贯抗骨吸收药。",
        "ACR-GIOP (very high risk or high-dose glucocorticoids): a PTH/PTHrP analogue is "
        "preferred, followed by an antiresorptive.",
    ),
    "reason.acr_giop_pth_or_denosumab_preferred": (
        "ACR 糖皮质激素框架（高风险）：PTH/PTHrP 类似物或地舒单抗优先于双膦酸盐。",
        "ACR-GIOP (high risk): a PTH/PTHrP analogue or denosumab is preferred over "
        "bisphosphonates.",
    ),
    "reason.acr_giop_oral_bisphosphonate": (
        "ACR 糖皮质激素框架：强烈推荐口服双膦酸盐优于不治疗。",
        "ACR-GIOP: an oral bisphosphonate is strongly recommended over no treatment.",
    ),
    "reason.acr_giop_iv_bisphosphonate": (
        "ACR 糖皮质激素框架：静脉双膦酸盐优于不治疗。",
        "ACR-GIOP: an intravenous bisphosphonate is preferred over no treatment.",
    ),
    "reason.acr_giop_denosumab": (
        "ACR 糖皮质激素框架：地舒单抗优于不治疗。",
        "ACR-GIOP: denosumab is preferred over no treatment.",
    ),
    "reason.acr_giop_moderate": (
        "ACR 糖皮质激素框架（中等风险）：口服双膦酸盐、地舒单抗或 PTH/PTHrP 类似物，无优先顺序。",
        "ACR-GIOP (moderate risk): an oral bisphosphonate, denosumab or a PTH/PTHrP analogue, in "
        "no preferred order.",
    ),
    "reason.acr_giop_last_resort": (
        "ACR 糖皮质激素框架：仅在其他药物均不可用时才考虑罗莫佐单抗或雷洛昔芬。",
        "ACR-GIOP: romosozumab or raloxifene only because every other drug on the list is avoided.",
    ),
    "reason.acr_sequence_after_glucocorticoids": (
        "糖皮质激素已停用且风险为低或中等：按 ACR 序贯表以双膦酸盐接续。",
        "Glucocorticoids have stopped and risk is low or moderate: the ACR sequence table calls "
        "for a bisphosphonate.",
    ),
    "reason.young_adult_specialist_decision": (
        "40 岁以下、可能妊娠的女性：用药需专科决定（药物对妊娠的影响）。",
        "Woman under 40 who may become pregnant: a specialist decision (effects of the drug on "
        "pregnancy).",
    ),
    "reason.continue_current": ("继续当前治疗。", "Continue the current treatment."),
    "reason.continue_bisphosphonate_before_review": (
        "双膦酸盐已用 {months} 个月，尚未到评估时点：继续使用。",
        "{months} months on a bisphosphonate, before its review point: continue.",
    ),
    "reason.continue_bisphosphonate_high_risk": (
        "已到双膦酸盐评估时点，但仍属需继续治疗的高危人群：继续（口服最长 10 年，静脉最长 6 年）。",
        "At the bisphosphonate review point but still at high risk: continue (up to 10 years "
        "oral, 6 years intravenous).",
    ),
    "reason.holiday_exception_very_high_trigger": (
        "存在极高风险指标（{trigger}），不宜进入药物假期。",
        "A very-high-risk indicator ({trigger}): no drug holiday.",
    ),
    "reason.holiday_exception_hip_t_score": (
        "髋部 T 值仍 ≤ −2.5（{site} {value}），不宜进入药物假期。",
        "Hip T-score still at or below −2.5 ({site} {value}): no drug holiday.",
    ),
    "reason.holiday_exception_fracture_on_treatment": (
        "治疗期间发生过骨折，不宜进入药物假期。",
        "Fracture on treatment: no drug holiday.",
    ),
    "reason.holiday_exception_glucocorticoid": (
        "仍在使用糖皮质激素 {dose} mg/日（≥ 7.5 mg/日），不宜进入药物假期。",
        "Still on glucocorticoids {dose} mg/day (≥ 7.5 mg/day): no drug holiday.",
    ),
    "reason.holiday_exception_age": (
        "年龄 {age} 岁（≥ 75 岁），不宜进入药物假期。",
        "Age {age} (75 or over): no drug holiday.",
    ),
    "reason.bisphosphonate_holiday": (
        "已到评估时点且无需继续治疗的因素：进入双膦酸盐药物假期。",
        "Review point reached with no reason to continue: a bisphosphonate holiday.",
    ),
    "reason.bisphosphonate_max_duration_reached": (
        "双膦酸盐已达最长疗程（口服 10 年、静脉 6 年），仍属高危：换用其他类别药物。",
        "Bisphosphonate at its maximum duration (10 years oral, 6 years intravenous) while still "
        "at high risk: change to another class.",
    ),
    "reason.holiday_restart": (
        "药物假期中出现需重新治疗的情况：按当前风险重新选择用药。",
        "A restart trigger during the holiday: treatment is chosen again by the current risk.",
    ),
    "reason.restart_new_fracture": (
        "药物假期中新发脆性骨折（{site}，{date}）。",
        "New fragility fracture during the holiday ({site}, {date}).",
    ),
    "reason.restart_bmd_loss": (
        "药物假期中 {site} 骨密度下降 {loss} g/cm²，超过最小有意义变化。",
        "{site} BMD fell by {loss} g/cm² during the holiday, more than the least significant "
        "change.",
    ),
    "reason.restart_new_glucocorticoid": (
        "药物假期中新开始糖皮质激素 {dose} mg/日（≥ 7.5 mg/日）。",
        "New glucocorticoid course of {dose} mg/day (≥ 7.5 mg/day) during the holiday.",
    ),
    "reason.restart_very_high_trigger": (
        "药物假期中出现极高风险指标（{trigger}）。",
        "A very-high-risk indicator during the holiday ({trigger}).",
    ),
    "reason.restart_age": (
        "年龄已达 {age} 岁（≥ 75 岁）。",
        "Now aged {age} (75 or over).",
    ),
    "reason.continue_denosumab": (
        "继续地舒单抗，每 6 个月一次，按时注射，不可中断或进入药物假期。",
        "Continue denosumab every 6 months on time; never stop it without a follow-on drug or "
        "take a holiday.",
    ),
    "reason.denosumab_give_now": (
        "地舒单抗已超过 7 个月未注射：立即补打，此后每 6 个月一次。",
        "More than 7 months since the last denosumab dose: give it now, then every 6 months from "
        "that date.",
    ),
    "reason.denosumab_transition_zoledronic_acid": (
        "停用地舒单抗：末次注射后 6 个月给予唑来膦酸，防止骨量反跳丢失和多发椎体骨折。",
        "Stopping denosumab: zoledronic acid 6 months after the last dose prevents rebound bone "
        "loss and multiple vertebral fractures.",
    ),
    "reason.denosumab_transition_oral": (
        "停用地舒单抗：无法使用唑来膦酸时，以口服阿仑膦酸钠或利塞膦酸钠接续。",
        "Stopping denosumab: alendronate or risedronate as the follow-on when zoledronic acid "
        "cannot be used.",
    ),
    "reason.denosumab_no_follow_on": (
        "常规接续药物均不可用：停用地舒单抗绝不能没有后续治疗，可选其他抗骨吸收药或继续地舒单抗。",
        "No usual follow-on is available: denosumab must never stop without cover, so another "
        "antiresorptive or continued denosumab.",
    ),
    "reason.finish_anabolic_course": (
        "完成剩余促骨形成疗程，之后立即序贯抗骨吸收药。",
        "Finish the remaining anabolic course, then start an antiresorptive straight away.",
    ),
    "reason.antiresorptive_after_anabolic": (
        "促骨形成疗程后必须序贯抗骨吸收药以巩固骨量增益。",
        "An antiresorptive must follow an anabolic course to keep the gain.",
    ),
    "reason.raloxifene_only_if_all_avoided": (
        "其他抗骨吸收药均不可用，故选用雷洛昔芬。",
        "Raloxifene only because every other antiresorptive is avoided.",
    ),
    "reason.continue_serm_or_hrt_not_high": (
        "目前未达高风险：可继续当前药物。",
        "Not at high risk: the current drug may continue.",
    ),
    "reason.current_drug_last": (
        "已达高风险：优先更换为更强的方案，当前药物列在最后。",
        "Now at high risk: stronger options come first and the current drug last.",
    ),
    "reason.fracture_on_treatment_change_class": (
        "使用{drug}满 {months} 个月后仍发生骨折：更换药物类别，不能原方案继续。",
        "Fracture after {months} months on {drug}: change class rather than continue unchanged.",
    ),
    "reason.fracture_on_treatment_check_adherence": (
        "使用{drug}不足 12 个月（{months} 个月）时骨折：继续用药，并核查依从性与继发性病因。",
        "Fracture within 12 months of starting {drug} ({months} months): continue, and check "
        "adherence and secondary causes.",
    ),
    "reason.switch_when_denosumab_due": (
        "在下一次地舒单抗应注射时（{date}）开始换药。",
        "Start the switch when the next denosumab dose falls due ({date}).",
    ),
    "reason.previous_treatment_ended": (
        "既往抗骨质疏松治疗已停用，按当前风险重新选择。",
        "An earlier osteoporosis drug has stopped; treatment is chosen again by the current risk.",
    ),
    "reason.calcitonin_last_resort": (
        "其他所有抗骨质疏松药物均不可用：降钙素仅作最后选择，限 1 个月。",
        "Every other osteoporosis drug is avoided: calcitonin as a last resort, for one month "
        "only.",
    ),
    "reason.vitamin_d_replete_first": (
        "25 羟维生素 D 不足：先补充维生素 D，再用唑来膦酸或地舒单抗。",
        "25(OH)D is low: replete vitamin D before zoledronic acid or denosumab.",
    ),
    "reason.denosumab_ckd_specialist": (
        "eGFR < 30 或透析：地舒单抗需在熟悉 CKD-MBD 的专科指导下使用，并密切监测血钙。",
        "eGFR below 30 or dialysis: denosumab under a clinician experienced in CKD-MBD, with "
        "close calcium monitoring.",
    ),
    "reason.missing_calcium": (
        "未记录血钙：首次用药前须检查并纠正。",
        "No calcium on record: check it (and correct it) before the first dose.",
    ),
    "reason.missing_vitamin_d": (
        "未记录 25 羟维生素 D：用药前须检查。",
        "No 25(OH)D on record: check it before starting.",
    ),
    "reason.missing_renal_function": (
        "未记录肾功能：用药前须检查肌酐清除率或 eGFR。",
        "No renal function on record: check creatinine clearance or eGFR before starting.",
    ),
    # check_regimen
    "reason.regimen_avoided_drug": (
        "方案中的{drug}目前应避免使用（{reasons}）。",
        "The regimen includes {drug}, which is to be avoided now ({reasons}).",
    ),
    "reason.regimen_anabolic_without_antiresorptive": (
        "{drug}之后没有序贯抗骨吸收药。",
        "{drug} is not followed by an antiresorptive.",
    ),
    "reason.regimen_bisphosphonate_with_pth": (
        "{first}与{second}同时使用：双膦酸盐不与特立帕肽或阿巴洛肽联用。",
        "{first} overlaps {second}: a bisphosphonate is never combined with teriparatide or "
        "abaloparatide.",
    ),
    "reason.regimen_exceeds_pth_limit": (
        "计划 {planned} 个月 PTH 类似物加已用 {used} 个月，超过终身上限 {limit} 个月。",
        "{planned} planned months of PTH analogue plus {used} used exceed the lifetime limit of "
        "{limit} months.",
    ),
    "reason.regimen_exceeds_romosozumab_limit": (
        "计划 {planned} 个月罗莫佐单抗加已用 {used} 个月，超过 {limit} 个月疗程。",
        "{planned} planned months of romosozumab plus {used} used exceed the {limit}-month course.",
    ),
    "reason.regimen_calcitonin_beyond_one_month": (
        "降钙素仅作最后选择且限 1 个月。",
        "Calcitonin is a last resort for one month only.",
    ),
    # A7 monitoring reasons
    "reason.dxa_after_start": (
        "开始或更换治疗后 12 个月复查 DXA。",
        "DXA 12 months after starting or changing treatment.",
    ),
    "reason.dxa_interval": ("距上次 DXA 24 个月复查。", "DXA 24 months after the latest one."),
    "reason.dxa_interval_glucocorticoid": (
        "使用糖皮质激素期间，距上次 DXA 12 个月复查。",
        "On glucocorticoids: DXA 12 months after the latest one.",
    ),
    "reason.dxa_untreated": (
        "未用药：距上次 DXA 24 个月复查（已超期则现在）。",
        "Untreated: DXA 24 months after the latest one (now, if that has passed).",
    ),
    "reason.dxa_holiday": (
        "药物假期：停药后 24 个月复查 DXA。",
        "Drug holiday: DXA 24 months after the bisphosphonate stopped.",
    ),
    "reason.vfa_low_t_score": (
        "T 值 ≤ −2.5：做椎体骨折评估（VFA 或侧位脊柱片）以发现无症状骨折。",
        "T-score at or below −2.5: vertebral fracture assessment (VFA or lateral spine film) for "
        "silent fractures.",
    ),
    "reason.vfa_glucocorticoid": (
        "使用糖皮质激素且无椎体骨折评估记录：现在做 VFA，此后每 12 个月一次。",
        "On glucocorticoids with no vertebral fracture assessment: VFA now, then every 12 months.",
    ),
    "reason.btm_baseline": (
        "用药前测定骨转换标志物基线。",
        "Baseline bone turnover marker before starting.",
    ),
    "reason.btm_three_months": (
        "用药 3 个月时复查骨转换标志物，评估早期疗效与依从性。",
        "Bone turnover marker 3 months after starting, for early response and adherence.",
    ),
    "reason.calcium_before_denosumab": (
        "每次地舒单抗注射前 14 天内查血钙。",
        "Calcium within 14 days before each denosumab dose.",
    ),
    "reason.calcium_ckd_after_denosumab": (
        "eGFR < 30：每次注射后第一个月每周查血钙，之后每月一次。",
        "eGFR below 30: calcium weekly for a month after each dose, then monthly.",
    ),
    "reason.calcium_baseline_pth": (
        "PTH 类似物用药前查血钙基线。",
        "Baseline calcium before a PTH analogue.",
    ),
    "reason.calcium_after_hypocalcemia": (
        "低钙血症纠正后 1 个月复查血钙。",
        "Calcium one month after hypocalcaemia was found.",
    ),
    "reason.vitamin_d_before_start": (
        "唑来膦酸或地舒单抗用药前查 25 羟维生素 D。",
        "25(OH)D before zoledronic acid or denosumab.",
    ),
    "reason.vitamin_d_after_repletion": (
        "补充维生素 D 后 3 个月复查。",
        "25(OH)D 3 months after repletion.",
    ),
    "reason.renal_before_zoledronic_acid": (
        "每次唑来膦酸输注前查肌酐清除率。",
        "Creatinine clearance before each zoledronic acid infusion.",
    ),
    "reason.renal_yearly_oral_bisphosphonate": (
        "口服双膦酸盐期间每年查肾功能。",
        "Renal function yearly on an oral bisphosphonate.",
    ),
    "reason.renal_unknown": (
        "无肌酐（或体重）及 eGFR：肾功能限值无法判断，现在检查。",
        "No creatinine (or weight) and no eGFR: renal limits cannot be applied; check now.",
    ),
    "reason.dental_before_start": (
        "开始抗骨吸收药或罗莫佐单抗前做口腔检查。",
        "Dental examination before starting an antiresorptive or romosozumab.",
    ),
    "reason.cv_before_romosozumab": (
        "每次罗莫佐单抗注射前评估心血管病史（心梗或卒中即停药）。",
        "Cardiovascular review before each romosozumab dose (stop after a heart attack or stroke).",
    ),
    "reason.reassess_at_review_point": (
        "在双膦酸盐评估时点再评估骨折风险。",
        "Reassess fracture risk at the bisphosphonate review point.",
    ),
    "reason.reassess_holiday": (
        "药物假期 24 个月时再评估骨折风险。",
        "Reassess fracture risk 24 months into the holiday.",
    ),
    "reason.reassess_after_no_drug_gate": (
        "目前无可用药物：3 个月后再评估。",
        "No drug can be used now: reassess in 3 months.",
    ),
}

_ALERTS: dict[str, tuple[str, str]] = {
    "alert.denosumab_dose_due": (
        "地舒单抗应于 {next_due} 注射（末次 {last_dose}）。",
        "Denosumab dose due on {next_due} (last dose {last_dose}).",
    ),
    "alert.denosumab_dose_late": (
        "地舒单抗已逾期（末次 {last_dose}，应于 {next_due} 注射）：立即注射或立即启动序贯方案，有"
        "反跳性椎体骨折风险。",
        "Denosumab is late (last dose {last_dose}, due {next_due}): give it now or start the "
        "transition now; rebound vertebral fractures are a risk.",
    ),
    "alert.denosumab_last_dose_unknown": (
        "未记录地舒单抗末次注射日期：无法计算下次注射时间，请补录。",
        "The last denosumab dose date is not recorded: the next dose cannot be dated; record it.",
    ),
    "alert.denosumab_transition_required": (
        "地舒单抗停用必须接续：{date} 给予唑来膦酸（末次注射后 6 个月）。",
        "Denosumab must not stop without cover: zoledronic acid on {date} (6 months after the "
        "last dose).",
    ),
    "alert.anabolic_course_ending": (
        "{drug}疗程即将结束（{date}，剩余 {remaining} 个月）：提前安排抗骨吸收药接续。",
        "The {drug} course ends soon ({date}, {remaining} months left): arrange the "
        "antiresorptive follow-on now.",
    ),
    "alert.anabolic_course_complete": (
        "{drug}疗程已结束：必须序贯抗骨吸收药。",
        "The {drug} course is complete: an antiresorptive must follow.",
    ),
    "alert.bisphosphonate_review_due": (
        "双膦酸盐已用约 {years} 年：到评估时点，决定继续或药物假期（继续时每 2 年复评）。",
        "About {years} years on a bisphosphonate: review point reached; decide on continuing or a "
        "holiday (every 2 years while continued).",
    ),
    "alert.fracture_on_treatment": (
        "使用{drug}期间骨折（{site}，{date}，已用药 {months} 个月）：属极高风险，调整治疗。",
        "Fracture on {drug} ({site}, {date}, after {months} months): very high risk; change the "
        "treatment.",
    ),
    "alert.hypocalcemia_correct_first": (
        "低钙血症：先纠正血钙，纠正前不启用双膦酸盐、地舒单抗、罗莫佐单抗或降钙素。",
        "Hypocalcaemia: correct calcium first; no bisphosphonate, denosumab, romosozumab or "
        "calcitonin until corrected.",
    ),
    "alert.vitamin_d_insufficient": (
        "25 羟维生素 D {value} {unit} 不足：用唑来膦酸或地舒单抗前先补充。",
        "25(OH)D {value} {unit} is low: replete before zoledronic acid or denosumab.",
    ),
    "alert.renal_limit": (
        "肾功能限制了以下药物：{drugs}。",
        "Renal function rules out: {drugs}.",
    ),
    "alert.denosumab_severe_ckd": (
        "eGFR < 30 或透析：地舒单抗有严重低钙血症风险，需专科 CKD-MBD 评估；每次注射后一个月内每周"
        "查血钙，之后每月一次。",
        "eGFR below 30 or dialysis: denosumab carries a risk of severe hypocalcaemia; specialist "
        "CKD-MBD work-up; calcium weekly for a month after each dose, then monthly.",
    ),
    "alert.romosozumab_cv_exclusion": (
        "近 12 个月内{event}（{date}）：不用罗莫佐单抗。",
        "{event} in the last 12 months ({date}): no romosozumab.",
    ),
    "alert.dental_review": (
        "开始抗骨吸收药或罗莫佐单抗前先做口腔评估，先完成有创牙科操作。",
        "Dental review before any antiresorptive or romosozumab; complete invasive dental work "
        "first.",
    ),
    "alert.glucocorticoid_osteoporosis": (
        "正在使用糖皮质激素 {dose} mg/日：同时按 ACR 2022 糖皮质激素性骨质疏松指南评估。",
        "On glucocorticoids {dose} mg/day: ACR 2022 glucocorticoid-induced osteoporosis rules "
        "also apply.",
    ),
    "alert.high_dose_glucocorticoid": (
        "大剂量糖皮质激素（≥ 30 mg/日超过 30 天或近一年累计 ≥ 5 g）：ACR 极高风险。",
        "High-dose glucocorticoids (≥ 30 mg/day for more than 30 days or ≥ 5 g in a year): ACR "
        "very high risk.",
    ),
    "alert.jak_inhibitor_fracture_signal": (
        "JAK 抑制剂（{drugs}）：药物警戒数据有骨折报告信号（可能受混杂影响），仅作提示，不因骨骼原"
        "因更换。",
        "JAK inhibitor ({drugs}): a pharmacovigilance fracture-reporting signal (likely "
        "confounded); information only, no switch for bone reasons.",
    ),
    "alert.biologic_not_bone_therapy": (
        "生物制剂或 JAK 抑制剂（{drugs}）不是抗骨质疏松治疗，不改变骨折风险分层。",
        "A biologic or JAK inhibitor ({drugs}) is not an osteoporosis treatment and does not "
        "change the risk category.",
    ),
    "alert.secondary_cause_workup": (
        "需排查继发性骨质疏松原因（{basis}）。",
        "Work up secondary causes of bone loss ({basis}).",
    ),
    "alert.screening_only_refer_dxa": (
        "OSTA {osta} ≤ −1：仅为筛查结果，请转诊 DXA，不据此用药。",
        "OSTA {osta} at or below −1: screening only; refer for DXA, no drug on OSTA alone.",
    ),
    "alert.denosumab_to_pth_hip_loss": (
        "由地舒单抗（或停用不足 12 个月）转为特立帕肽/阿巴洛肽：髋部骨密度可能短期下降，需个体化并"
        "密切监测。",
        "Switching from denosumab (or within 12 months of stopping it) to "
        "teriparatide/abaloparatide: transient hip bone loss; individualise and monitor closely.",
    ),
    "alert.prior_bisphosphonate_blunts_anabolic": (
        "既往双膦酸盐约 {months} 个月：促骨形成药的成骨反应可能减弱，若以髋部为重可考虑罗莫佐单抗"
        "或地舒单抗。",
        "About {months} months of prior bisphosphonate: the anabolic response may be blunted; "
        "consider romosozumab or denosumab if hip BMD is the priority.",
    ),
    "alert.falls_assessment": (
        "过去一年有跌倒（{falls} 次）：做跌倒风险评估与干预。",
        "Fall in the past year ({falls}): assess and address falls risk.",
    ),
    "alert.btm_no_response": (
        "口服双膦酸盐 3 个月 {marker} 仅下降 {fall_pct}%（基线 {baseline}，复查 {value}）：未达疗"
        "效标准，核查依从性、服药方法与吸收。",
        "{marker} fell by only {fall_pct}% at 3 months on an oral bisphosphonate (baseline "
        "{baseline}, now {value}): no response; check adherence, intake technique and absorption.",
    ),
    "alert.bmd_loss_on_treatment": (
        "治疗中 {site} 骨密度下降 {loss} g/cm²（{earlier} → {later}），超过最小有意义变化 {lsc}："
        "核查依从性与继发原因，考虑更换药物类别。",
        "{site} BMD fell by {loss} g/cm² on treatment ({earlier} → {later}), more than the least "
        "significant change {lsc}: check adherence and secondary causes; consider changing class.",
    ),
    "alert.calcitonin_last_resort": (
        "其他所有药物均不可用：降钙素仅作最后选择，限 1 个月，并请专科会诊。",
        "Every other drug is avoided: calcitonin as a last resort for one month; seek specialist "
        "advice.",
    ),
    "alert.no_drug_pregnancy": (
        "妊娠或哺乳期：不使用抗骨质疏松药物，给予基础治疗并请专科处理。",
        "Pregnant or breastfeeding: no osteoporosis drug; supportive care and specialist advice.",
    ),
    "alert.no_suitable_option": (
        "所列药物均需避免：目前无合适的药物方案，请专科决定。",
        "Every listed drug is avoided: no suitable drug option now; specialist decision needed.",
    ),
}

_OTHER: dict[str, tuple[str, str]] = {
    "monitoring.dxa": ("骨密度检查（DXA）", "DXA bone density"),
    "monitoring.vfa": ("椎体骨折评估（VFA）", "vertebral fracture assessment (VFA)"),
    "monitoring.serum_calcium": ("血钙", "serum calcium"),
    "monitoring.vitamin_d_25oh": ("血清 25 羟维生素 D", "serum 25(OH)D"),
    "monitoring.renal_function": ("肾功能（肌酐清除率/eGFR）", "renal function (CrCl/eGFR)"),
    "monitoring.ctx": ("血清 CTX", "serum CTX"),
    "monitoring.p1np": ("血清 P1NP", "serum P1NP"),
    "monitoring.dental_exam": ("口腔检查", "dental examination"),
    "monitoring.cv_review": ("心血管评估", "cardiovascular review"),
    "monitoring.risk_reassessment": ("骨折风险再评估", "fracture-risk reassessment"),
    "supportive.calcium_intake": (
        "钙以饮食为主，目标 1000–1200 mg/日，避免常规大剂量补钙。",
        "Calcium 1000–1200 mg/day, diet first; no routine high-dose supplements.",
    ),
    "supportive.vitamin_d": (
        "维生素 D 800–1000 IU/日，治疗前及治疗中监测 25 羟维生素 D。",
        "Vitamin D 800–1000 IU/day; check 25(OH)D before and during treatment.",
    ),
    "supportive.exercise": (
        "负重与抗阻训练，配合平衡训练，按功能状态个体化。",
        "Weight-bearing and resistance exercise with balance training, tailored to function.",
    ),
    "supportive.falls_prevention": (
        "评估并干预跌倒危险因素。",
        "Review and address falls risk factors.",
    ),
    "supportive.smoking_alcohol": ("戒烟，限制饮酒。", "Stop smoking; limit alcohol."),
    # notes
    "note.biologic_tnf": (
        "TNF 抑制剂可抑制炎症驱动的破骨，常见骨转换标志物下降、腰髋 BMD 稳定或略升，但不能替代抗骨"
        "质疏松药物预防骨折。",
        "TNF inhibitors damp inflammation-driven bone resorption; turnover markers often fall and "
        "spine/hip BMD is stable or slightly up, but they do not replace osteoporosis drugs for "
        "fracture prevention.",
    ),
    "note.biologic_il6": (
        "IL-6 抑制剂可降低 CTX 等骨吸收标志物，活动期 RA 患者腰髋 BMD 常稳定或小幅增加；独立降低骨"
        "折的证据不足。",
        "IL-6 inhibitors lower resorption markers such as CTX and spine/hip BMD is often stable "
        "or slightly up in active RA; independent fracture reduction is unproven.",
    ),
    "note.biologic_abatacept": (
        "阿巴西普阻断 T 细胞共刺激，间接影响 RANKL；真实世界队列提示对 BMD 的保护可能优于部分对照"
        "，但不能替代抗骨质疏松治疗。",
        "Abatacept blocks T-cell co-stimulation and indirectly RANKL; real-world cohorts suggest "
        "better BMD preservation than some comparators, but it is not an osteoporosis treatment.",
    ),
    "note.biologic_rituximab": (
        "利妥昔单抗对骨代谢作用复杂；炎症控制良好时可见 RANKL 下降与 BMD 稳定，病情波动时效果不一"
        "。",
        "Rituximab has mixed effects on bone; with good inflammation control RANKL falls and BMD "
        "is stable, less so when disease fluctuates.",
    ),
    "note.biologic_il17": (
        "IL-17 抑制剂对脊柱关节病的局部骨破坏有保护潜力，系统性抗骨质疏松证据有限，BMD 多为稳定。",
        "IL-17 inhibitors may protect against local bone damage in spondyloarthritis; evidence "
        "against systemic bone loss is limited and BMD is usually stable.",
    ),
    "note.biologic_il23": (
        "IL-23 抑制剂对全身骨代谢的临床数据稀少，护骨作用多视为炎症控制的继发结果。",
        "IL-23 inhibitors have little clinical data on systemic bone; any bone benefit is seen as "
        "a consequence of inflammation control.",
    ),
    "note.biologic_jak": (
        "JAK 抑制剂的骨骼数据混杂：部分研究骨转换标志物改善，但 VigiBase 提示骨折报告信号，需警惕"
        "并观察。",
        "JAK inhibitors have mixed bone data: turnover markers improve in some studies, but "
        "VigiBase shows a fracture-reporting signal; watch and keep observing.",
    ),
    "note.biologic_il1b": (
        "IL-1β 抑制剂（卡那奴单抗）可降低骨吸收标志物，但对 BMD 和骨折的临床证据有限。",
        "IL-1β inhibition (canakinumab) lowers resorption markers, but clinical evidence on BMD "
        "and fracture is limited.",
    ),
    "note.inflammation_control_base": (
        "控制原发病炎症是保护骨骼的基础；炎症达标后若仍属骨折高危，应按指南启动或优化抗骨质疏松治"
        "疗，而非依赖生物制剂的附带护骨作用。",
        "Controlling the inflammatory disease is the base of bone protection; if fracture risk is "
        "still high once it is controlled, start or optimise osteoporosis treatment by the "
        "guidelines rather than relying on a biologic's side benefit.",
    ),
    "note.bisphosphonate_holiday": (
        "建议双膦酸盐药物假期（停用{drug}）：继续钙和维生素 D，24 个月后再评估；新发骨折、骨密度下"
        "降超过最小有意义变化、新用糖皮质激素 ≥ 7.5 mg/日、出现极高风险指标或年满 75 岁时重新治疗"
        "。",
        "A bisphosphonate holiday ({drug} stopped): keep calcium and vitamin D and reassess in 24 "
        "months; restart on a new fracture, BMD loss beyond the least significant change, new "
        "glucocorticoids ≥ 7.5 mg/day, a very-high-risk indicator or age 75.",
    ),
    "note.correct_calcium_then_dose": (
        "先纠正血钙，然后立即注射地舒单抗，不可拖延。",
        "Correct calcium, then give the denosumab dose without delay.",
    ),
    "note.bmd_device_unknown": (
        "{site} 骨密度下降 {loss} g/cm²，但未记录两次扫描的仪器，无法确认为同一仪器，结果仅供参考"
        "。",
        "{site} BMD fell by {loss} g/cm², but the scanners are not recorded, so a same-device "
        "comparison cannot be confirmed.",
    ),
    "note.young_adult_specialist_decision": (
        "40 岁以下可能妊娠的女性：仅限双膦酸盐、PTH 类似物或地舒单抗，由专科决定。",
        "Woman under 40 who may become pregnant: bisphosphonate, PTH analogue or denosumab only, "
        "by specialist decision.",
    ),
    "note.ost_men_shown_only": (
        "男性 OST 分档（{band}）仅供参考，不用于诊断或用药。",
        "Men's OST band ({band}) is shown for information only; it sets neither diagnosis nor "
        "treatment.",
    ),
    "note.renal_measure_egfr_stand_in": (
        "缺少{missing}，无法计算 Cockcroft–Gault 肌酐清除率，肾功能限值以 eGFR 代替。",
        "Missing {missing}: Cockcroft–Gault creatinine clearance cannot be computed, so eGFR "
        "stands in for the renal limits.",
    ),
    # labels for code-valued parameters (see osteodesk/core/decision/render.py)
    "site.lumbar_spine": ("腰椎", "lumbar spine"),
    "site.femoral_neck": ("股骨颈", "femoral neck"),
    "site.total_hip": ("全髋", "total hip"),
    "site.radius_33": ("桡骨远端 1/3", "1/3 radius"),
    "site.hip": ("髋部", "hip"),
    "site.vertebra": ("椎体", "vertebral"),
    "site.wrist": ("腕部", "wrist"),
    "site.humerus": ("肱骨", "humerus"),
    "site.pelvis": ("骨盆", "pelvis"),
    "site.rib": ("肋骨", "rib"),
    "site.femur_shaft": ("股骨干", "femoral shaft"),
    "site.ankle": ("踝部", "ankle"),
    "site.other": ("其他部位", "other-site"),
    "event.myocardial_infarction": ("心肌梗死", "myocardial infarction"),
    "event.stroke": ("脑卒中", "stroke"),
    "event.vte": ("静脉血栓栓塞", "venous thromboembolism"),
    "measure.crcl": ("肌酐清除率", "creatinine clearance"),
    "measure.egfr": ("eGFR", "eGFR"),
    "measure.dialysis": ("透析", "dialysis"),
    "basis.condition": ("临床判断", "clinical judgement"),
    "basis.falls": ("过去一年跌倒 ≥ 2 次", "two or more falls in the past year"),
    "basis.z_score": ("Z 值低于同龄预期范围", "Z-score below the expected range for age"),
    "basis.fracture": (
        "绝经前或 50 岁以下发生脆性骨折",
        "fragility fracture before menopause or under 50",
    ),
    "basis.bmd_loss": (
        "骨密度下降超过最小有意义变化",
        "BMD loss beyond the least significant change",
    ),
    "band.low": ("低风险", "low"),
    "band.moderate": ("中风险", "moderate"),
    "band.high": ("高风险", "high"),
    "missing.creatinine": ("肌酐", "creatinine"),
    "missing.weight": ("体重", "weight"),
    "trigger.recent_fragility_fracture": ("近期脆性骨折", "recent fragility fracture"),
    "trigger.fracture_on_treatment": ("治疗期间骨折", "fracture on treatment"),
    "trigger.multiple_fragility_fractures": ("多发脆性骨折", "multiple fragility fractures"),
    "trigger.fracture_on_glucocorticoids": ("激素治疗期间骨折", "fracture on glucocorticoids"),
    "trigger.t_score_very_low": ("T 值极低", "very low T-score"),
    "trigger.high_fall_risk": ("高跌倒风险", "high fall risk"),
    "trigger.frax_very_high": ("FRAX 极高", "very high FRAX"),
    "adjustment.glucocorticoid_dose": ("糖皮质激素剂量校正", "glucocorticoid dose adjustment"),
    "adjustment.lumbar_spine_offset": (
        "腰椎-股骨颈差值校正（Leslie）",
        "lumbar spine offset (Leslie)",
    ),
    "adjustment.combined_not_validated": (
        "两种校正合并使用，未经验证",
        "both adjustments combined: not validated",
    ),
}

# Free-text details the engine adds (JSON keeps them in English; see messages.detail_text).
_DETAILS: dict[str, tuple[str, str]] = {
    "detail.correct calcium, then dose without delay": (
        "先纠正血钙，然后立即注射，不要延误",
        "correct calcium, then dose without delay",
    ),
}

MESSAGES: dict[str, tuple[str, str]] = {
    **_DRUGS,
    **_CATEGORIES,
    **_REASONS,
    **_ALERTS,
    **_OTHER,
    **_DETAILS,
}
