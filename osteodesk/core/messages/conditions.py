"""Labels of the record's clinical vocabularies (conditions, their groups, events, fracture sites).

These are clinical words, not interface chrome, so they live in the catalogue next to the drug
names rather than in Qt's translation files: the patient form, reports and the CLI can share them.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Condition groups of the patient form (codes.CONDITION_GROUPS).
    "condition_group.gastrointestinal": ("消化道", "Gastrointestinal"),
    "condition_group.renal": ("肾脏", "Kidney"),
    "condition_group.cardiovascular": ("心血管与血栓", "Cardiovascular and thrombosis"),
    "condition_group.cancer_radiation": ("肿瘤与放疗", "Cancer and radiation"),
    "condition_group.calcium_parathyroid": ("钙、甲状旁腺与骨代谢", "Calcium, parathyroid, bone"),
    "condition_group.dental": ("口腔与颌骨", "Dental and jaw"),
    "condition_group.rheumatology": ("风湿免疫", "Rheumatology"),
    "condition_group.pregnancy": ("妊娠与激素", "Pregnancy and hormones"),
    "condition_group.other_risk": ("其他危险因素", "Other risk factors"),
    # Conditions (contract section 1).
    "condition.esophageal_disorder": (
        "食管疾病（狭窄、贲门失弛缓、排空延迟）",
        "Oesophageal disorder (stricture, achalasia, delayed emptying)",
    ),
    "condition.cannot_stay_upright": (
        "不能保持坐位或站立30–60分钟",
        "Cannot sit or stand upright for 30–60 min",
    ),
    "condition.primary_hyperparathyroidism": (
        "原发性甲状旁腺功能亢进",
        "Primary hyperparathyroidism",
    ),
    "condition.hypoparathyroidism": ("甲状旁腺功能减退", "Hypoparathyroidism"),
    "condition.paget_disease": ("骨Paget病", "Paget's disease of bone"),
    "condition.unexplained_high_alp": (
        "不明原因碱性磷酸酶升高",
        "Unexplained raised alkaline phosphatase",
    ),
    "condition.skeletal_radiation": (
        "曾接受累及骨骼的放疗",
        "Prior radiotherapy involving the skeleton",
    ),
    "condition.skeletal_malignancy": (
        "骨转移或原发骨肿瘤",
        "Bone metastases or primary bone tumour",
    ),
    "condition.open_epiphyses": ("骨骺未闭合", "Open epiphyses"),
    "condition.urolithiasis": ("尿路结石", "Kidney or urinary stones"),
    "condition.breast_cancer_history": ("乳腺癌病史", "History of breast cancer"),
    "condition.breast_cancer_high_risk": ("乳腺癌高风险", "High risk of breast cancer"),
    "condition.endometrial_cancer_history": ("子宫内膜癌病史", "History of endometrial cancer"),
    "condition.pregnant_or_breastfeeding": ("妊娠或哺乳期", "Pregnant or breastfeeding"),
    "condition.vasomotor_symptoms": ("血管舒缩症状（潮热）", "Vasomotor symptoms (hot flushes)"),
    "condition.high_cv_risk": ("心血管高风险", "High cardiovascular risk"),
    "condition.onj_history": ("颌骨坏死病史", "History of osteonecrosis of the jaw"),
    "condition.atypical_femoral_fracture_history": (
        "非典型股骨骨折病史",
        "History of atypical femoral fracture",
    ),
    "condition.invasive_dental_work_planned": (
        "计划进行有创牙科操作",
        "Invasive dental work planned",
    ),
    "condition.dialysis": ("透析", "On dialysis"),
    "condition.ckd_mbd": ("慢性肾脏病-矿物质和骨异常", "CKD mineral and bone disorder"),
    "condition.malabsorption": ("吸收不良", "Malabsorption"),
    "condition.high_fall_risk": ("跌倒高风险", "High risk of falls"),
    "condition.rheumatoid_arthritis": ("类风湿关节炎", "Rheumatoid arthritis"),
    "condition.ankylosing_spondylitis": ("强直性脊柱炎", "Ankylosing spondylitis"),
    "condition.psoriatic_arthritis": ("银屑病关节炎", "Psoriatic arthritis"),
    "condition.sle": ("系统性红斑狼疮", "Systemic lupus erythematosus"),
    "condition.polymyalgia_or_gca": (
        "风湿性多肌痛或巨细胞动脉炎",
        "Polymyalgia rheumatica or giant cell arteritis",
    ),
    "condition.type2_diabetes": ("2型糖尿病", "Type 2 diabetes"),
    "condition.parental_hip_fracture": ("父母髋部骨折史", "Parent had a hip fracture"),
    "condition.current_smoker": ("目前吸烟", "Current smoker"),
    "condition.alcohol_3plus_units": ("每日饮酒≥3单位", "Alcohol 3 or more units a day"),
    # Cardiovascular and thrombotic events (codes.EVENT_TYPES).
    "event.myocardial_infarction": ("心肌梗死", "Myocardial infarction"),
    "event.stroke": ("脑卒中", "Stroke"),
    "event.vte": ("静脉血栓栓塞（含视网膜静脉）", "Venous thromboembolism (incl. retinal vein)"),
    # Fracture sites (codes.FRACTURE_SITES).
    "fracture_site.hip": ("髋部", "Hip"),
    "fracture_site.vertebra": ("椎体", "Vertebra"),
    "fracture_site.wrist": ("腕部", "Wrist"),
    "fracture_site.humerus": ("肱骨", "Humerus"),
    "fracture_site.pelvis": ("骨盆", "Pelvis"),
    "fracture_site.rib": ("肋骨", "Rib"),
    "fracture_site.femur_shaft": ("股骨干", "Femoral shaft"),
    "fracture_site.ankle": ("踝部", "Ankle"),
    "fracture_site.other": ("其他部位", "Other site"),
}
