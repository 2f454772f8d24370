"""Plain-text rendering of an evaluation through the message catalogue (zh_CN or en).

Parameters that are codes (a drug, a site, an event, a category) are shown by their catalogue
labels, and numbers are rounded for display only; the evaluation itself stays unrounded.
"""

from __future__ import annotations

from typing import Final

from osteodesk.core import messages
from osteodesk.core.evaluation import Alert, Evaluation, MonitoringItem, Reason, Step
from osteodesk.core.messages import label as _label
from osteodesk.core.messages import localise, sentence

__all__ = ["evaluation_text", "localise", "sentence"]  # localise/sentence: re-exported

_DISPLAY_DECIMALS: Final = 2


def _number(value: float) -> str:
    rounded = round(value, _DISPLAY_DECIMALS)
    return f"{rounded:g}" if rounded != 0 else "0"


def reason_text(reason: Reason, lang: str) -> str:
    """A reason sentence with its source."""
    return f"{sentence('reason', reason.code, lang, reason.params)} [{reason.source}]"


def alert_text(alert: Alert, lang: str) -> str:
    """An alert sentence with its severity, due date and detail."""
    parts = [f"[{messages.text('severity.' + alert.severity, lang)}]"]
    parts.append(sentence("alert", alert.code, lang, alert.params))
    if alert.detail:
        parts.append(f"({messages.detail_text(alert.detail, lang)})")
    if alert.due_date is not None:
        parts.append(f"→ {alert.due_date.isoformat()}")
    return " ".join(parts)


def step_text(step: Step, lang: str) -> str:
    """One step: the drug, its months and its start date when set."""
    text = messages.text(f"drug.{step.drug}", lang)
    extras = []
    if step.months is not None:
        extras.append(f"{step.months} 个月" if lang == "zh_CN" else f"{step.months} months")
    if step.start_date is not None:
        extras.append(
            f"{step.start_date.isoformat()} 起"
            if lang == "zh_CN"
            else f"from {step.start_date.isoformat()}"
        )
    return f"{text} ({', '.join(extras)})" if extras else text


def monitoring_text(item: MonitoringItem, lang: str) -> str:
    """A monitoring line: date, item and why."""
    line = f"{item.due_date.isoformat()}  {messages.text('monitoring.' + item.item, lang)}"
    if item.reason:
        line += f" — {sentence('reason', item.reason, lang, item.params)}"
    return line


_HEADINGS: Final[dict[str, tuple[str, str]]] = {
    "patient": ("患者", "Patient"),
    "framework": ("依据框架", "Framework"),
    "diagnosis": ("诊断", "Diagnosis"),
    "risk": ("骨折风险", "Fracture risk"),
    "state": ("治疗状态", "Treatment state"),
    "scores": ("评分", "Scores"),
    "options": ("治疗选择", "Options"),
    "no_options": ("目前无药物方案（见提醒）。", "No drug option now (see alerts)."),
    "avoid": ("避免使用", "Avoid"),
    "alerts": ("提醒", "Alerts"),
    "monitoring": ("监测", "Monitoring"),
    "supportive": ("基础治疗", "Supportive care"),
    "notes": ("说明", "Notes"),
}


def _h(key: str, lang: str) -> str:
    zh, en = _HEADINGS[key]
    return zh if lang == "zh_CN" else en


def evaluation_text(ev: Evaluation, lang: str, *, label: str | None = None) -> str:
    """A readable rationale of one evaluation in `lang` (``zh_CN`` or ``en``)."""
    lines: list[str] = []
    if label:
        lines.append(f"== {_h('patient', lang)}: {label} ==")
    framework = messages.text(f"framework.{ev.framework}", lang)
    lines.append(
        f"{_h('framework', lang)}: {framework} ({ev.as_of.isoformat()}, rules {ev.rules_version})"
    )
    lines.append(
        f"{_h('diagnosis', lang)}: {messages.text('diagnosis.' + ev.diagnosis.category, lang)}"
    )
    lines.extend(f"  - {reason_text(r, lang)}" for r in ev.diagnosis.reasons)
    lines.append(f"{_h('risk', lang)}: {messages.text('risk.' + ev.risk.category, lang)}")
    if len(ev.risk.by_framework) > 1:
        shown = ", ".join(
            f"{fw}: {messages.text('risk.' + cat, lang)}"
            for fw, cat in ev.risk.by_framework.items()
        )
        lines.append(f"  ({shown})")
    lines.extend(f"  - {reason_text(r, lang)}" for r in ev.risk.reasons)
    lines.append(f"{_h('state', lang)}: {messages.text('state.' + ev.treatment_state, lang)}")
    scores = ev.scores
    parts = []
    if scores.osta is not None:
        parts.append(f"OSTA {_number(scores.osta)}")
    if scores.ost is not None:
        parts.append(f"OST {_number(scores.ost)} ({_label('band', scores.ost_band or '', lang)})")
    if scores.crcl_ml_min is not None:
        parts.append(f"CrCl {_number(scores.crcl_ml_min)} mL/min")
    if scores.egfr is not None:
        parts.append(f"eGFR {_number(scores.egfr)}")
    frax = scores.frax_adjusted
    if frax is not None:
        mof = "—" if frax.major_osteoporotic_pct is None else _number(frax.major_osteoporotic_pct)
        hip = "—" if frax.hip_pct is None else _number(frax.hip_pct)
        adjusted = ", ".join(_label("adjustment", a, lang) for a in frax.adjustments)
        parts.append(f"FRAX MOF {mof}% hip {hip}%" + (f" ({adjusted})" if adjusted else ""))
    if parts:
        lines.append(f"{_h('scores', lang)}: " + "; ".join(parts))
    lines.append(f"{_h('options', lang)}:")
    if not ev.options:
        lines.append(f"  {_h('no_options', lang)}")
    for option in ev.options:
        lines.append(f"  {option.rank}. " + " → ".join(step_text(s, lang) for s in option.steps))
        lines.extend(f"     - {reason_text(r, lang)}" for r in option.reasons)
    if ev.avoid:
        lines.append(f"{_h('avoid', lang)}:")
        for entry in ev.avoid:
            lines.append(f"  {messages.text('drug.' + entry.drug, lang)}:")
            lines.extend(f"     - {reason_text(r, lang)}" for r in entry.reasons)
    if ev.alerts:
        lines.append(f"{_h('alerts', lang)}:")
        lines.extend(f"  {alert_text(a, lang)}" for a in ev.alerts)
    if ev.monitoring:
        lines.append(f"{_h('monitoring', lang)}:")
        lines.extend(f"  {monitoring_text(m, lang)}" for m in ev.monitoring)
    lines.append(f"{_h('supportive', lang)}:")
    lines.extend(f"  - {messages.text('supportive.' + s.code, lang)}" for s in ev.supportive)
    if ev.notes:
        lines.append(f"{_h('notes', lang)}:")
        lines.extend(f"  - {sentence('note', n.code, lang, n.params)}" for n in ev.notes)
    return "\n".join(lines)
