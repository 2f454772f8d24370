"""Sentences of the follow-up worklist (issue 7): item types, what is due, and why.

Each entry is ``(zh_CN, en)``. ``worklist.code.*`` names each code of contract section 4 (the
type filter, the CSV); ``worklist.what.*`` says what is due in a few words (the list's column);
``worklist.detail.*`` is the sentence of the JSON ``detail`` and the tooltip. Drug parameters
are codes rendered through ``drug.*`` (osteodesk.core.decision.render).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # types (contract section 4 codes)
    "worklist.code.denosumab_dose_late": ("地舒单抗注射逾期", "Denosumab dose late"),
    "worklist.code.denosumab_dose_due": ("地舒单抗注射到期", "Denosumab dose due"),
    "worklist.code.denosumab_last_dose_unknown": (
        "地舒单抗末次注射日期未记录",
        "Denosumab last dose unknown",
    ),
    "worklist.code.denosumab_transition_required": (
        "停用地舒单抗：序贯唑来膦酸",
        "Denosumab exit: zoledronic acid",
    ),
    "worklist.code.anabolic_course_complete": (
        "促骨形成疗程结束：需序贯",
        "Anabolic course complete: hand-over",
    ),
    "worklist.code.anabolic_course_ending": ("促骨形成疗程即将结束", "Anabolic course ending"),
    "worklist.code.bisphosphonate_review_due": ("双膦酸盐评估时点", "Bisphosphonate review"),
    "worklist.code.dxa_due": ("骨密度复查（DXA）", "DXA due"),
    "worklist.code.lab_due": ("化验到期", "Lab test due"),
    "worklist.code.visit_due": ("就诊到期", "Visit due"),
    # what is due, in a few words
    "worklist.what.denosumab_dose_late": ("地舒单抗注射（逾期）", "Denosumab injection (late)"),
    "worklist.what.denosumab_dose_due": ("地舒单抗注射", "Denosumab injection"),
    "worklist.what.denosumab_last_dose_unknown": (
        "补录地舒单抗末次注射日期",
        "Record the last denosumab dose",
    ),
    "worklist.what.denosumab_transition_required": (
        "唑来膦酸（地舒单抗停用后）",
        "Zoledronic acid after denosumab",
    ),
    "worklist.what.anabolic_course_complete": (
        "{drug}疗程结束：序贯抗骨吸收药",
        "{drug} complete: start the antiresorptive",
    ),
    "worklist.what.anabolic_course_ending": ("{drug}疗程即将结束", "{drug} course ending"),
    "worklist.what.bisphosphonate_review_due": (
        "{drug}评估时点（约 {years} 年）",
        "{drug} review ({years} years)",
    ),
    "worklist.what.dxa_due": ("骨密度检查（DXA）", "DXA bone density"),
    "worklist.what.lab_due": ("化验：{test}", "Lab: {test}"),
    "worklist.what.dose": ("{drug}给药", "{drug} dose"),
    "worklist.what.dose_number": ("{drug}第 {number} 次给药", "{drug} dose {number}"),
    "worklist.what.start": ("开始{drug}（计划）", "Start {drug} (plan)"),
    "worklist.what.risk_reassessment": ("骨折风险再评估", "Fracture-risk reassessment"),
    # why, the detail sentence
    "worklist.detail.denosumab_dose_due": (
        "地舒单抗应于 {next_due} 注射（末次 {last_dose}）；{late_after} 之后即为逾期。",
        "Denosumab injection due {next_due} (last dose {last_dose}); late after {late_after}.",
    ),
    "worklist.detail.denosumab_dose_late": (
        "地舒单抗已逾期（末次 {last_dose}，应于 {next_due} 注射）：立即注射或立即启动序贯方案，有"
        "反跳性椎体骨折风险。",
        "Denosumab is late (last dose {last_dose}, due {next_due}): give it now or start the "
        "transition now; rebound vertebral fractures are a risk.",
    ),
    "worklist.detail.denosumab_last_dose_unknown": (
        "未记录地舒单抗末次注射日期：无法计算下次注射时间，请补录。",
        "The last denosumab dose date is not recorded: the next dose cannot be dated; record it.",
    ),
    "worklist.detail.denosumab_transition_required": (
        "地舒单抗停用必须接续：{date} 给予唑来膦酸（末次注射 {last_dose} 后 6 个月）。",
        "Denosumab must not stop without cover: zoledronic acid on {date} (6 months after the "
        "last dose, {last_dose}).",
    ),
    "worklist.detail.anabolic_course_ending": (
        "{drug}疗程将于 {date} 结束：提前安排抗骨吸收药接续。",
        "The {drug} course ends on {date}: arrange the antiresorptive follow-on now.",
    ),
    "worklist.detail.anabolic_course_complete": (
        "{drug}疗程已于 {date} 结束：必须序贯抗骨吸收药。",
        "The {drug} course ended on {date}: an antiresorptive must follow.",
    ),
    "worklist.detail.bisphosphonate_review_due": (
        "{drug}用药约 {years} 年，{date} 到评估时点：决定继续或药物假期。",
        "About {years} years of {drug} on {date}: review point; decide on continuing or a holiday.",
    ),
    "worklist.detail.due_on": ("{what}：{date} 到期。", "{what}: due {date}."),
    "worklist.detail.zoledronic_acid_infusion": (
        "每年一次唑来膦酸输注，{date} 到期（末次 {last_dose}）；输注前查肾功能。",
        "Yearly zoledronic acid infusion due {date} (last {last_dose}); check renal function "
        "first.",
    ),
    "worklist.detail.romosozumab_dose": (
        "罗莫佐单抗每月一次，{date} 到期（末次 {last_dose}）；每次注射前评估心血管情况。",
        "Monthly romosozumab dose due {date} (last {last_dose}); cardiovascular review before "
        "each dose.",
    ),
    "worklist.detail.start": (
        "当前方案计划于 {date} 开始{drug}。",
        "The active plan starts {drug} on {date}.",
    ),
    "worklist.detail.next_drug": (
        "方案中的下一步：{next_drug}。",
        "Next in the plan: {next_drug}.",
    ),
    "worklist.detail.done_on": ("上次于 {done} 完成。", "Last done on {done}."),
    "worklist.detail.snoozed": (
        "已暂缓至 {until}：{reason}",
        "Snoozed until {until}: {reason}",
    ),
    # statuses
    "worklist.status.overdue": ("已逾期", "overdue"),
    "worklist.status.due": ("到期", "due"),
    "worklist.status.upcoming": ("即将到期", "upcoming"),
    # the patient's calendar (.ics)
    "worklist.calendar.name": ("骨质疏松随访：{name}", "Osteoporosis follow-up: {name}"),
}
