"""Printouts as PDF (ReportLab): the care plan for the chart and the patient handout.

`care_plan.render_pdf(data)` and `handout.render_pdf(data)` take a `data.ReportInput` (record,
evaluation, chosen plan, clinic letterhead, language) and return PDF bytes; `build_story` gives
the flowables. Layout lives in styles.py (how it looks) and templates.py (where it goes); no SQL
and no clinical rule is applied here (style.md B6).
"""
