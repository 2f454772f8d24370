"""Sentences of the printouts: the patient handout and wallet card, and the care plan's labels.

``handout.*`` is for patients: plain words, no jargon without an explanation, the instructions
of each medicine exactly as its label gives them (clinical-rules.md B4 §4.1). ``report.*`` holds
the headings, column titles and the disclaimer of the clinician's care plan (its clinical
sentences come from clinical.py). ``handout.drug.<id>.how.<n>`` are numbered steps: a document
prints them in order until a number is missing.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- both documents ------------------------------------------------------------------
    "report.disclaimer": (
        "OsteoDesk 为临床决策提供支持，不能取代医生的判断。",
        "OsteoDesk supports clinical decisions; it does not replace the clinician's judgement.",
    ),
    "report.page_label": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "report.footer_note": (
        "打印日期 {date} · OsteoDesk 规则版本 {rules}",
        "Printed {date} · OsteoDesk rules {rules}",
    ),
    "report.sex.female": ("女", "female"),
    "report.sex.male": ("男", "male"),
    "report.age_years": ("{age} 岁", "{age} years"),
    "report.unknown": ("未知", "unknown"),
    "report.none": ("无", "none"),
    # --- care plan (for the clinician and the chart) ------------------------------------------
    "report.care_plan.title": ("骨质疏松症诊疗计划", "Osteoporosis care plan"),
    "report.field.name": ("姓名", "Name"),
    "report.field.clinic_id": ("病历号", "Clinic ID"),
    "report.field.patient_number": ("内部编号", "Internal no."),
    "report.field.sex": ("性别", "Sex"),
    "report.field.age": ("年龄", "Age"),
    "report.field.birth_date": ("出生日期", "Birth date"),
    "report.field.assessed": ("评估日期", "Assessed"),
    "report.field.printed": ("打印日期", "Printed"),
    "report.section.diagnosis": ("诊断", "Diagnosis"),
    "report.section.risk": ("骨折风险分层", "Fracture-risk category"),
    "report.section.basis": ("依据", "Basis"),
    "report.section.findings": ("主要检查结果", "Key findings"),
    "report.section.history": ("抗骨质疏松治疗史", "Osteoporosis treatment history"),
    "report.section.regimen_chosen": ("已选治疗方案", "Chosen regimen"),
    "report.section.regimen_proposed": (
        "建议治疗方案（尚未确认）",
        "Proposed regimen (not yet confirmed)",
    ),
    "report.section.alternatives": ("其他备选方案", "Alternatives considered"),
    "report.section.avoid": ("避免使用的药物", "Drugs to avoid"),
    "report.section.alerts": ("提醒", "Alerts"),
    "report.section.monitoring": ("随访监测计划", "Monitoring schedule"),
    "report.section.supportive": ("基础措施", "Supportive care"),
    "report.section.notes": ("补充说明", "Further notes"),
    "report.section.clinical_notes": ("病历备注", "Clinical notes"),
    "report.section.references": ("参考文献与依据来源", "References cited"),
    "report.framework_line": (
        "指南框架：{framework}；规则版本：{rules}；评估日期：{as_of}；治疗状态：{state}",
        "Framework: {framework}; rules version {rules}; assessed {as_of}; treatment state: {state}",
    ),
    "report.framework.cn2022": (
        "中国原发性骨质疏松症诊疗指南（2022）",
        "Chinese primary osteoporosis guideline 2022 (CN 2022)",
    ),
    "report.framework.aace2020": ("AACE/ACE 2020 指南", "AACE/ACE 2020 guideline"),
    "report.framework.acr_giop2022": (
        "ACR 2022 糖皮质激素性骨质疏松指南",
        "ACR 2022 glucocorticoid-induced osteoporosis guideline",
    ),
    "report.by_framework": ("各框架结果：{items}", "By framework: {items}"),
    "report.source": ("来源：{source}", "Source: {source}"),
    "report.scores": ("评分", "Scores"),
    "report.score.osta": ("OSTA {value}", "OSTA {value}"),
    "report.score.ost": ("OST {value}", "OST {value}"),
    "report.score.crcl": ("肌酐清除率 {value} mL/min", "CrCl {value} mL/min"),
    "report.score.egfr": ("eGFR {value} mL/min/1.73m²", "eGFR {value} mL/min/1.73m²"),
    "report.score.frax": (
        "FRAX（校正后）主要骨质疏松性骨折 {mof}%，髋部骨折 {hip}%",
        "FRAX (adjusted) major osteoporotic {mof}%, hip {hip}%",
    ),
    "report.latest_dxa": ("最近一次 DXA（{date}）", "Latest DXA ({date})"),
    "report.site.lumbar_spine": ("腰椎", "lumbar spine"),
    "report.site.femoral_neck": ("股骨颈", "femoral neck"),
    "report.site.total_hip": ("全髋", "total hip"),
    "report.site.radius_33": ("桡骨远端 1/3", "1/3 radius"),
    "report.fractures": ("骨折", "Fractures"),
    "report.fracture_item": ("{site}（{date}）", "{site} ({date})"),
    "report.fracture_high_trauma": ("高能量损伤", "high trauma"),
    "report.fracture_site.hip": ("髋部", "hip"),
    "report.fracture_site.vertebra": ("椎体", "vertebra"),
    "report.fracture_site.wrist": ("腕部", "wrist"),
    "report.fracture_site.humerus": ("肱骨", "humerus"),
    "report.fracture_site.pelvis": ("骨盆", "pelvis"),
    "report.fracture_site.rib": ("肋骨", "rib"),
    "report.fracture_site.femur_shaft": ("股骨干", "femur shaft"),
    "report.fracture_site.ankle": ("踝部", "ankle"),
    "report.fracture_site.other": ("其他部位", "other site"),
    "report.col.step": ("步骤", "Step"),
    "report.col.drug": ("药物", "Drug"),
    "report.col.start": ("开始日期", "Start"),
    "report.col.course": ("疗程", "Course"),
    "report.col.end": ("结束 / 转换", "End / hand-over"),
    "report.col.last_dose": ("最近一次用药", "Last dose"),
    "report.col.stop": ("停药日期", "Stopped"),
    "report.col.product": ("商品名", "Product"),
    "report.col.reasons": ("原因", "Reasons"),
    "report.col.severity": ("级别", "Severity"),
    "report.col.alert": ("提醒", "Alert"),
    "report.col.due": ("日期", "Due"),
    "report.col.date": ("日期", "Date"),
    "report.col.item": ("项目", "Item"),
    "report.col.detail": ("说明", "Detail"),
    "report.col.option": ("方案", "Option"),
    "report.course_months": ("{months} 个月", "{months} months"),
    "report.course_open": ("长期，随访时评估", "no fixed end; review at follow-up"),
    "report.course_end": ("{date} 结束", "ends {date}"),
    "report.handover": ("{date} 转为{drug}", "{date}: hand over to {drug}"),
    "report.ongoing": ("进行中", "ongoing"),
    "report.planned_stop": ("计划停药", "planned stop"),
    "report.chosen_option": (
        "选自第 {rank} 项建议方案（共 {count} 项）",
        "Option {rank} of {count}",
    ),
    "report.composed": ("医生自拟方案", "Composed by the clinician"),
    "report.plan_start": ("计划开始日期：{date}", "Plan starts {date}"),
    "report.override_reason": (
        "未选第 1 项方案的理由：{reason}",
        "Reason for not choosing option 1: {reason}",
    ),
    "report.proposed_note": (
        "尚未保存治疗计划：以下为排名第 1 的建议方案，日期按评估日期推算，需医生确认。",
        "No plan has been saved: the rank-1 option is shown as proposed, dated from the "
        "assessment date, for the clinician to confirm.",
    ),
    "report.no_option": (
        "目前不建议开始药物治疗（原因见提醒）。",
        "No drug treatment is proposed now (see the alerts for why).",
    ),
    "report.option_steps": ("第 {rank} 项：{steps}", "Option {rank}: {steps}"),
    "report.then": (" → ", " → "),
    "report.severity.urgent": ("紧急", "Urgent"),
    "report.severity.warning": ("警示", "Warning"),
    "report.severity.info": ("提示", "Info"),
    "report.signature": (
        "医生签名：____________________　　日期：____________",
        "Clinician: ____________________   Signature: ____________________   Date: ____________",
    ),
    # --- patient handout -----------------------------------------------------------------
    "handout.title": ("您的骨骼健康计划", "Your bone health plan"),
    "handout.for_patient": ("姓名：{name}", "For: {name}"),
    "handout.date_line": ("日期：{date}", "Date: {date}"),
    "handout.intro": (
        "这份资料说明您的骨骼检查结果、用药方法、复查日期，以及日常生活中怎样保护骨骼。"
        "请妥善保存，复诊时带来。",
        "This sheet explains your bone check-up, how to take your medicine, your next dates, "
        "and what you can do every day to protect your bones. Please keep it and bring it to "
        "your next visit.",
    ),
    "handout.section.result": ("您的检查结果", "Your result"),
    "handout.section.medicine": ("您的药物", "Your medicine"),
    "handout.section.dates": ("您接下来的日期", "Your next dates"),
    "handout.section.calcium": ("钙和维生素 D", "Calcium and vitamin D"),
    "handout.section.exercise": ("运动和预防跌倒", "Exercise and preventing falls"),
    "handout.section.warning": ("出现以下情况，请打电话给我们", "Call us if you notice"),
    "handout.section.contact": ("联系我们", "How to reach us"),
    "handout.section.card": ("注射卡", "Injection card"),
    "handout.diagnosis.normal": ("您的骨密度正常。", "Your bone density is normal."),
    "handout.diagnosis.osteopenia": (
        "您的骨量比正常人少一些（医学上叫“骨量减少”），但还不是骨质疏松。",
        "Your bones are a little thinner than normal (called osteopenia), but this is not "
        "osteoporosis.",
    ),
    "handout.diagnosis.osteoporosis": (
        "您患有骨质疏松症：骨骼变薄变脆，比较容易骨折。",
        "You have osteoporosis: your bones have become thin and break more easily.",
    ),
    "handout.diagnosis.severe_osteoporosis": (
        "您患有严重的骨质疏松症：骨骼变薄变脆，并且已经发生过骨折。",
        "You have severe osteoporosis: your bones are thin and you have already broken a bone.",
    ),
    "handout.diagnosis.low_for_age": (
        "您的骨密度比同龄人低，医生会查找原因。",
        "Your bone density is low for your age; your doctor will look for the cause.",
    ),
    "handout.diagnosis.not_assessable": (
        "要了解您的骨骼情况，需要做一次骨密度检查（DXA）。",
        "To know more about your bones, you need a bone density scan (DXA).",
    ),
    "handout.risk.low": (
        "您目前发生骨折的风险较低。",
        "Your risk of breaking a bone is low at the moment.",
    ),
    "handout.risk.moderate": (
        "您发生骨折的风险为中等。",
        "Your risk of breaking a bone is moderate.",
    ),
    "handout.risk.high": ("您发生骨折的风险较高。", "Your risk of breaking a bone is high."),
    "handout.risk.very_high": (
        "您发生骨折的风险很高。",
        "Your risk of breaking a bone is very high.",
    ),
    "handout.risk_label": ("骨折风险：{category}", "Risk of breaking a bone: {category}"),
    "handout.risk_word.low": ("低", "low"),
    "handout.risk_word.moderate": ("中等", "moderate"),
    "handout.risk_word.high": ("高", "high"),
    "handout.risk_word.very_high": ("很高", "very high"),
    "handout.no_medicine": (
        "目前不需要开始骨质疏松药物。请继续注意饮食中的钙和维生素 D，坚持运动，并按时复查。",
        "You do not need to start a bone medicine now. Keep up calcium and vitamin D, stay "
        "active, and come back for your check-ups.",
    ),
    "handout.proposed": (
        "以下是建议的治疗，具体请以医生的决定为准。",
        "This is the suggested treatment; your doctor will confirm it with you.",
    ),
    "handout.step_line": ("{start} 开始，{course}。", "From {start}, {course}."),
    "handout.course_months": ("用 {months} 个月", "for {months} months"),
    "handout.course_open": ("长期使用，医生会定期评估", "long-term; your doctor will review it"),
    "handout.then_line": (
        "{drug}结束后，接着使用{next}，以保住新长出的骨量。",
        "When {drug} ends, you switch to {next} to keep the bone you have gained.",
    ),
    "handout.what_label": ("作用：", "What it does: "),
    "handout.how_label": ("怎样使用：", "How to take it:"),
    "handout.col.date": ("日期", "Date"),
    "handout.col.what": ("事项", "What"),
    "handout.overdue": ("请尽快（原定 {date}）", "As soon as possible (was due {date})"),
    "handout.no_dates": (
        "目前没有已安排的日期，医生会在复诊时告诉您。",
        "No dates are planned yet; your doctor will tell you at your next visit.",
    ),
    "handout.event.start": ("开始使用{drug}", "Start {drug}"),
    "handout.event.dose.denosumab": (
        "地舒单抗注射（皮下）",
        "Denosumab injection (under the skin)",
    ),
    "handout.event.dose.zoledronic_acid": (
        "唑来膦酸输液（静脉）",
        "Zoledronic acid infusion (drip into a vein)",
    ),
    "handout.event.dose.romosozumab": (
        "罗莫佐单抗注射（第 {number} 次，共 12 次）",
        "Romosozumab injections (dose {number} of 12)",
    ),
    # After a late dose the next ones count from the day it is given.
    "handout.event.then.denosumab": (
        "；之后从注射那天起每 6 个月一次",
        "; then every 6 months from the day it is given",
    ),
    "handout.event.then.zoledronic_acid": (
        "；之后从输液那天起每年一次",
        "; then once a year from the day it is given",
    ),
    "handout.event.then.romosozumab": (
        "；之后从注射那天起每月一次",
        "; then once a month from the day it is given",
    ),
    "handout.event.switch": ("换用{drug}", "Switch to {drug}"),
    "handout.monitoring.dxa": ("骨密度检查（DXA）", "Bone density scan (DXA)"),
    "handout.monitoring.vfa": (
        "脊柱检查：看有没有椎骨骨折",
        "Spine scan to look for broken bones in the back",
    ),
    "handout.monitoring.serum_calcium": ("抽血：查血钙", "Blood test: calcium"),
    "handout.monitoring.vitamin_d_25oh": ("抽血：查维生素 D", "Blood test: vitamin D"),
    "handout.monitoring.renal_function": ("抽血：查肾功能", "Blood test: kidney function"),
    "handout.monitoring.ctx": (
        "抽血：查骨代谢指标（看药物是否起效）",
        "Blood test: bone turnover (is the medicine working?)",
    ),
    "handout.monitoring.p1np": (
        "抽血：查骨形成指标（看药物是否起效）",
        "Blood test: bone building (is the medicine working?)",
    ),
    "handout.monitoring.dental_exam": ("口腔检查（看牙医）", "Dental check-up"),
    "handout.monitoring.cv_review": ("心脏和血管情况复查", "Heart and circulation check"),
    "handout.monitoring.risk_reassessment": (
        "复诊：重新评估骨折风险",
        "Visit: review your risk of breaking a bone",
    ),
    # Medicines: a plain name, what it does, and exactly how to take it (B4 §4.1).
    "handout.drug.alendronate.name": ("阿仑膦酸钠（口服片）", "Alendronate (tablet)"),
    "handout.drug.alendronate.what": (
        "减慢骨骼的流失，让骨骼更结实，减少骨折。",
        "Slows the loss of bone so your bones stay stronger and break less often.",
    ),
    "handout.drug.alendronate.how.1": (
        "按医生处方服用，通常每周固定一天服一片。早晨起床后空腹服用。",
        "Take it as prescribed, usually one tablet once a week on the same day, first thing in "
        "the morning on an empty stomach.",
    ),
    "handout.drug.alendronate.how.2": (
        "用一满杯白开水（180–240 毫升）送服。不要用牛奶、咖啡、茶、果汁或矿泉水送服。",
        "Swallow it with a full glass of plain water (180–240 mL). Not with milk, coffee, tea, "
        "juice or mineral water.",
    ),
    "handout.drug.alendronate.how.3": (
        "整片吞下，不要嚼碎或含化。",
        "Swallow the tablet whole; do not chew or suck it.",
    ),
    "handout.drug.alendronate.how.4": (
        "服药后保持坐直或站立至少 30 分钟，并且直到吃完当天第一餐之前都不要躺下。",
        "Stay upright (sitting or standing) for at least 30 minutes, and do not lie down until "
        "you have eaten your first food of the day.",
    ),
    "handout.drug.alendronate.how.5": (
        "服药后至少等 30 分钟，再吃早饭、喝其他饮料或服其他药（包括钙片）。",
        "Wait at least 30 minutes before you eat, drink anything else or take other medicines "
        "(calcium tablets too).",
    ),
    "handout.drug.alendronate.how.6": (
        "如果出现烧心、吞咽疼痛或胸口后面疼痛，请停药并打电话给我们。",
        "If you get heartburn, pain on swallowing or pain behind the breastbone, stop the "
        "tablets and call us.",
    ),
    "handout.drug.alendronate.how.7": (
        "忘记服药：想起后的第二天早晨补服一片，然后仍在原来固定的那一天服药；不要同一天服两片。",
        "Missed a dose: take one tablet the morning after you remember, then go back to your "
        "usual day. Never take two tablets on the same day.",
    ),
    "handout.drug.risedronate.name": ("利塞膦酸钠（口服片）", "Risedronate (tablet)"),
    "handout.drug.risedronate.what": (
        "减慢骨骼的流失，让骨骼更结实，减少骨折。",
        "Slows the loss of bone so your bones stay stronger and break less often.",
    ),
    "handout.drug.risedronate.how.1": (
        "按医生处方服用（每天、每周或每月一次）。早晨起床后空腹服用。",
        "Take it as prescribed (daily, weekly or monthly), first thing in the morning on an "
        "empty stomach.",
    ),
    "handout.drug.risedronate.how.2": (
        "用一满杯白开水送服，整片吞下，不要嚼碎。",
        "Swallow it whole with a full glass of plain water; do not chew it.",
    ),
    "handout.drug.risedronate.how.3": (
        "服药后保持坐直或站立至少 30 分钟，30 分钟后再吃东西、喝其他饮料或服其他药（包括钙片）。",
        "Stay upright for at least 30 minutes; wait 30 minutes before you eat, drink anything "
        "else or take other medicines (calcium tablets too).",
    ),
    "handout.drug.risedronate.how.4": (
        "如果您的药盒写明“早餐后服用”（肠溶片），请按药盒说明服用。",
        "If your pack says to take it after breakfast (delayed-release tablets), follow the pack.",
    ),
    "handout.drug.risedronate.how.5": (
        "如果出现烧心、吞咽疼痛或胸口后面疼痛，请停药并打电话给我们。",
        "If you get heartburn, pain on swallowing or pain behind the breastbone, stop the "
        "tablets and call us.",
    ),
    "handout.drug.ibandronate.name": ("伊班膦酸钠", "Ibandronate"),
    "handout.drug.ibandronate.what": (
        "减慢骨骼的流失，主要减少脊柱骨折。",
        "Slows the loss of bone and mainly protects the spine.",
    ),
    "handout.drug.ibandronate.how.1": (
        "口服片：每月固定一天，早晨起床后空腹，用一满杯白开水送服。",
        "Tablet: once a month on the same day, first thing in the morning on an empty stomach, "
        "with a full glass of plain water.",
    ),
    "handout.drug.ibandronate.how.2": (
        "服药后保持坐直或站立至少 60 分钟，60 分钟后再吃东西、喝其他饮料或服其他药。",
        "Stay upright for at least 60 minutes, and wait 60 minutes before you eat, drink "
        "anything else or take other medicines.",
    ),
    "handout.drug.ibandronate.how.3": (
        "注射剂：每 3 个月在医院静脉注射一次，注射前查肾功能。",
        "Injection: once every 3 months into a vein at the clinic, with a kidney blood test "
        "before each one.",
    ),
    "handout.drug.zoledronic_acid.name": ("唑来膦酸（静脉输液）", "Zoledronic acid (infusion)"),
    "handout.drug.zoledronic_acid.what": (
        "一年输液一次，减慢骨骼的流失，减少骨折。",
        "One drip a year that slows the loss of bone and lowers the chance of a fracture.",
    ),
    "handout.drug.zoledronic_acid.how.1": (
        "每年在医院输液一次，每次至少 15 分钟。",
        "Once a year at the clinic, as a drip into a vein lasting at least 15 minutes.",
    ),
    "handout.drug.zoledronic_acid.how.2": (
        "输液前后多喝水（如果医生要求您限制饮水，请按医生说的做）。",
        "Drink plenty of water before and after the drip (unless your doctor has told you to "
        "limit fluids).",
    ),
    "handout.drug.zoledronic_acid.how.3": (
        "输液前医生会查血钙、维生素 D 和肾功能，并请您先看牙医。",
        "Before each drip we check your calcium, vitamin D and kidneys, and ask you to see a "
        "dentist first.",
    ),
    "handout.drug.zoledronic_acid.how.4": (
        "输液后的头几天可能出现类似感冒的反应：发烧、肌肉或关节酸痛、头痛。通常几天内消退；"
        "如果症状很重或不消退，请打电话给我们。",
        "In the first days after the drip you may feel as if you have flu: fever, aching "
        "muscles or joints, headache. It usually passes within a few days; call us if it is "
        "severe or does not pass.",
    ),
    "handout.drug.denosumab.name": ("地舒单抗（皮下注射）", "Denosumab (injection)"),
    "handout.drug.denosumab.what": (
        "每半年打一针，强力减慢骨骼的流失，减少骨折。",
        "One injection every 6 months that strongly slows the loss of bone and lowers the "
        "chance of a fracture.",
    ),
    "handout.drug.denosumab.how.1": (
        "每 6 个月在医院皮下注射一次。",
        "Every 6 months, an injection under the skin at the clinic.",
    ),
    "handout.drug.denosumab.how.2": (
        "一定要按时注射，不能迟到：晚打或停打后，骨骼会很快变差，脊椎骨折的风险会升高。",
        "Never be late: if a dose is late or missed, bone is lost quickly and the risk of "
        "broken bones in the spine goes up.",
    ),
    "handout.drug.denosumab.how.3": (
        "不要自行停药。如果需要停药，医生会提前安排另一种药物接上。",
        "Never stop it on your own. If it has to stop, your doctor will plan another medicine "
        "to take over.",
    ),
    "handout.drug.denosumab.how.4": (
        "每天按医生建议补充钙和维生素 D；注射前医生会查血钙。",
        "Take calcium and vitamin D every day as advised; we check your calcium before each "
        "injection.",
    ),
    "handout.drug.denosumab.how.5": (
        "把下面的注射卡剪下来放在钱包里，每次看病（包括看牙医）时出示。",
        "Cut out the card below and keep it in your wallet; show it at every visit, the "
        "dentist included.",
    ),
    "handout.drug.teriparatide.name": ("特立帕肽（每日注射）", "Teriparatide (daily injection)"),
    "handout.drug.teriparatide.what": (
        "促进新骨生成，让骨骼变得更厚更结实。疗程有限，结束后要换另一种药保住效果。",
        "Builds new bone so your bones become thicker and stronger. The course is limited; "
        "afterwards another medicine keeps the gain.",
    ),
    "handout.drug.teriparatide.how.1": (
        "每天一次，用注射笔在大腿或腹部皮下注射，护士会教您怎么打。",
        "Once a day, an injection under the skin of the thigh or belly with a pen; a nurse "
        "will show you how.",
    ),
    "handout.drug.teriparatide.how.2": (
        "开始的几次请坐着或躺着注射，打完后休息几分钟：可能会头晕或心跳加快。",
        "For the first doses, sit or lie down when you inject and rest for a few minutes "
        "afterwards: you may feel dizzy or your heart may race.",
    ),
    "handout.drug.teriparatide.how.3": (
        "注射笔放在冰箱冷藏（2–8 °C），不要冷冻。",
        "Keep the pen in the fridge (2–8 °C); do not freeze it.",
    ),
    "handout.drug.teriparatide.how.4": (
        "疗程结束后马上换用医生安排的下一种药，不要直接停药。",
        "When the course ends, start the next medicine your doctor has planned straight away.",
    ),
    "handout.drug.abaloparatide.name": ("阿巴洛肽（每日注射）", "Abaloparatide (daily injection)"),
    "handout.drug.abaloparatide.what": (
        "促进新骨生成，让骨骼变得更结实。疗程有限，结束后要换另一种药保住效果。",
        "Builds new bone so your bones become stronger. The course is limited; afterwards "
        "another medicine keeps the gain.",
    ),
    "handout.drug.abaloparatide.how.1": (
        "每天一次，用注射笔在肚脐周围的腹部皮下注射，护士会教您怎么打。",
        "Once a day, an injection under the skin of the belly around the navel with a pen; a "
        "nurse will show you how.",
    ),
    "handout.drug.abaloparatide.how.2": (
        "开始的几次请坐着或躺着注射，打完后休息几分钟：可能会头晕或心跳加快。",
        "For the first doses, sit or lie down when you inject and rest for a few minutes "
        "afterwards: you may feel dizzy or your heart may race.",
    ),
    "handout.drug.abaloparatide.how.3": (
        "按说明书保存注射笔。疗程结束后马上换用医生安排的下一种药。",
        "Store the pen as the leaflet says. When the course ends, start the next medicine your "
        "doctor has planned straight away.",
    ),
    "handout.drug.romosozumab.name": ("罗莫佐单抗（每月注射）", "Romosozumab (monthly injections)"),
    "handout.drug.romosozumab.what": (
        "既促进新骨生成，又减慢骨骼流失。每月注射一次，共 12 个月，之后要换另一种药保住效果。",
        "Builds new bone and slows its loss. Injections once a month for 12 months; afterwards "
        "another medicine keeps the gain.",
    ),
    "handout.drug.romosozumab.how.1": (
        "每月在医院皮下注射一次（每次两针），共 12 次。",
        "Once a month at the clinic, two injections under the skin each time, 12 times in all.",
    ),
    "handout.drug.romosozumab.how.2": (
        "如果出现胸痛、呼吸困难、说话不清、脸或一侧手脚无力，请立即拨打 120 急救电话。",
        "If you get chest pain, shortness of breath, slurred speech, or weakness of the face, "
        "an arm or a leg, call an ambulance at once.",
    ),
    "handout.drug.romosozumab.how.3": (
        "12 次注射结束后，马上换用医生安排的下一种药。",
        "After the 12th month, start the next medicine your doctor has planned straight away.",
    ),
    "handout.drug.raloxifene.name": ("雷洛昔芬（口服片）", "Raloxifene (tablet)"),
    "handout.drug.raloxifene.what": (
        "作用类似雌激素，保护脊柱骨骼，减少脊椎骨折，并能降低乳腺癌风险。",
        "Works like oestrogen on bone: it protects the spine and also lowers the risk of "
        "breast cancer.",
    ),
    "handout.drug.raloxifene.how.1": (
        "每天一片，饭前饭后都可以。",
        "One tablet a day, with or without food.",
    ),
    "handout.drug.raloxifene.how.2": (
        "手术、长途旅行或需要长时间卧床之前，请提前告诉医生：可能需要至少提前 3 天停药，以防血栓。",
        "Before an operation, a long journey or a long time in bed, tell your doctor: you may "
        "need to stop at least 3 days before, to prevent blood clots.",
    ),
    "handout.drug.raloxifene.how.3": (
        "如果腿部肿痛、突然胸痛或呼吸困难，请立即就医。",
        "If a leg becomes swollen and painful, or you get sudden chest pain or shortness of "
        "breath, get medical help at once.",
    ),
    "handout.drug.bazedoxifene.name": ("巴多昔芬（口服片）", "Bazedoxifene (tablet)"),
    "handout.drug.bazedoxifene.what": (
        "作用类似雌激素，保护脊柱骨骼，减少脊椎骨折。",
        "Works like oestrogen on bone and protects the spine.",
    ),
    "handout.drug.bazedoxifene.how.1": ("每天一片。", "One tablet a day."),
    "handout.drug.bazedoxifene.how.2": (
        "手术、长途旅行或需要长时间卧床之前，请提前告诉医生，以防血栓。",
        "Before an operation, a long journey or a long time in bed, tell your doctor, to "
        "prevent blood clots.",
    ),
    "handout.drug.hrt.name": ("激素替代治疗", "Hormone replacement therapy (HRT)"),
    "handout.drug.hrt.what": (
        "补充雌激素（有子宫者同时用孕激素），缓解更年期症状并保护骨骼。",
        "Replaces oestrogen (with a progestogen if you have a womb): it eases menopause "
        "symptoms and protects bone.",
    ),
    "handout.drug.hrt.how.1": (
        "按医生处方每天使用。",
        "Use it every day as prescribed.",
    ),
    "handout.drug.hrt.how.2": (
        "定期做乳腺检查和妇科检查。",
        "Have regular breast and gynaecological check-ups.",
    ),
    "handout.drug.hrt.how.3": (
        "如果出现异常阴道出血、乳房肿块、腿部肿痛或胸痛，请就医。",
        "See a doctor for unusual vaginal bleeding, a breast lump, a swollen painful leg or "
        "chest pain.",
    ),
    "handout.drug.calcitonin.name": ("降钙素", "Calcitonin"),
    "handout.drug.calcitonin.what": (
        "作用较弱的药物，只短期使用，可减轻骨折后的骨痛。",
        "A weak bone medicine used only for a short time; it can ease bone pain after a fracture.",
    ),
    "handout.drug.calcitonin.how.1": (
        "按医生处方使用（喷鼻或注射），只用很短一段时间。",
        "Use it as prescribed (nasal spray or injection), for a short time only.",
    ),
    "handout.drug.calcitonin.how.2": (
        "可能出现恶心或脸部发红、发热感。",
        "It may cause nausea or flushing of the face.",
    ),
    # Calcium and vitamin D (A8), with food examples.
    "handout.calcium.1": (
        "每天需要约 1000–1200 毫克钙，最好从食物中获得；不要自行大量服用钙片。",
        "You need about 1000–1200 mg of calcium a day, best from food. Do not take large "
        "amounts of calcium tablets on your own.",
    ),
    "handout.calcium.2": (
        "含钙丰富的食物：牛奶、酸奶、奶酪、豆腐和豆制品、绿叶蔬菜（如小白菜、油菜）、芝麻酱、"
        "带骨头一起吃的小鱼和虾皮。",
        "Foods rich in calcium: milk, yoghurt, cheese, tofu and soy foods, green leafy "
        "vegetables (such as bok choy and kale), sesame paste, and small fish eaten with their "
        "bones.",
    ),
    "handout.calcium.3": (
        "维生素 D 帮助身体吸收钙：每天需要 800–1000 国际单位。多到户外晒太阳，"
        "医生会抽血查您的维生素 D，需要时开补充剂。",
        "Vitamin D helps your body take up calcium: you need 800–1000 IU a day. Spend time "
        "outdoors in daylight; we check your vitamin D with a blood test and prescribe a "
        "supplement if you need one.",
    ),
    # Exercise and falls (A8).
    "handout.exercise.1": (
        "大多数日子都活动身体：快走、太极、爬楼梯等负重运动。",
        "Be active on most days: walking briskly, tai chi, climbing stairs.",
    ),
    "handout.exercise.2": (
        "每周做几次力量练习（如弹力带、从椅子上站起坐下）和平衡练习（扶着椅背单脚站立）。",
        "A few times a week, do strength exercises (elastic bands, standing up from a chair) "
        "and balance exercises (standing on one leg holding a chair back).",
    ),
    "handout.exercise.3": (
        "弯腰搬重物、突然扭转身体容易伤到脊椎，请避免。",
        "Avoid lifting heavy things with a bent back and sudden twisting: they strain the spine.",
    ),
    "handout.falls.1": (
        "家里保持光线充足、地面干燥，收好地上的杂物和电线；浴室装扶手、铺防滑垫；夜里留一盏小灯。",
        "At home, keep rooms well lit and floors dry and clear of clutter and cables; fit grab "
        "rails and non-slip mats in the bathroom; leave a night light on.",
    ),
    "handout.falls.2": (
        "穿合脚、防滑的鞋；起床或站起来时动作放慢。",
        "Wear well-fitting, non-slip shoes; get up slowly from bed or a chair.",
    ),
    "handout.falls.3": (
        "视力变差、头晕，或吃安眠药等药物会增加跌倒的危险，请告诉医生。",
        "Poor eyesight, dizziness and some medicines (such as sleeping pills) make falls more "
        "likely: tell your doctor.",
    ),
    "handout.falls.4": ("戒烟，少喝酒。", "Stop smoking and keep alcohol low."),
    # Warning signs that need a call.
    "handout.warning.1": (
        "下巴疼痛、肿胀，或口腔里有骨头露出来。看牙医时，请告诉牙医您在用骨质疏松药物。",
        "Pain or swelling in the jaw, or bone showing in the mouth. Tell your dentist that you "
        "take a bone medicine.",
    ),
    "handout.warning.2": (
        "大腿或腹股沟（大腿根部）新出现的疼痛。",
        "New pain in the thigh or groin.",
    ),
    "handout.warning.3": (
        "嘴唇周围或手指发麻、刺痛，肌肉抽筋或痉挛：可能是血钙过低。",
        "Tingling or numbness around the mouth or in the fingers, muscle cramps or spasms: "
        "these can be signs of low calcium.",
    ),
    "handout.warning.4": ("任何新的骨折或严重跌倒。", "Any new broken bone or a bad fall."),
    "handout.contact": (
        "如有疑问，请致电{clinic}：{phone}",
        "Questions? Call {clinic} on {phone}.",
    ),
    "handout.contact_no_phone": ("如有疑问，请联系{clinic}。", "Questions? Contact {clinic}."),
    "handout.address": ("地址：{address}", "Address: {address}"),
    "handout.clinic_default": ("您的医生", "your clinic"),
    "handout.disclaimer": (
        "这份资料帮助您了解自己的治疗，不能代替医生的建议。请按医嘱用药，不要自行停药。",
        "This sheet helps you understand your treatment; it does not replace your doctor's "
        "advice. Take your medicines as your doctor tells you and do not stop them on your own.",
    ),
    # The denosumab wallet card.
    "handout.card.cut": (
        "沿虚线剪下，放在钱包里，每次看病（包括看牙医）时出示。",
        "Cut along the dashed line, keep it in your wallet and show it at every visit, the "
        "dentist included.",
    ),
    "handout.card.title": ("地舒单抗注射卡", "Denosumab injection card"),
    "handout.card.name": ("姓名：{name}", "Name: {name}"),
    "handout.card.next": ("下次注射日期：", "Next injections:"),
    "handout.card.rule": (
        "每 6 个月一次，不能迟到，不要自行停药。",
        "Every 6 months. Never late. Never stop without a plan.",
    ),
    "handout.card.asap": ("尽快注射", "As soon as possible"),
    "handout.card.phone": ("电话：{phone}", "Phone: {phone}"),
}
