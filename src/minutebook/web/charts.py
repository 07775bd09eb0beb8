"""Vega-Lite specs for the KPI pages: actual against target over time, points coloured by RAG."""

from __future__ import annotations

from typing import Any

RAG_COLOURS = {"green": "#1a7f37", "amber": "#b35900", "red": "#c0172b", "none": "#57606a"}


def kpi_chart_spec(kpi: dict[str, Any]) -> dict[str, Any]:
    """One row per (period, series); target drawn dashed, actual solid with RAG-coloured points.

    Periods are the printed ones (usually the meeting date); a single period still draws points.
    """
    from minutebook.web.queries_items import rag_class  # noqa: PLC0415

    values: list[dict[str, Any]] = []
    for o in kpi["observations"]:
        period = o["period"] or (o["meeting_date"].isoformat() if o["meeting_date"] else f"#{o['id']}")
        rag = rag_class(o["rag"])
        if o["actual_value"] is not None:
            values.append({"period": period, "series": "actual", "value": o["actual_value"], "printed": o["actual"],
                           "rag": rag})
        if o["target_value"] is not None:
            values.append({"period": period, "series": "target", "value": o["target_value"], "printed": o["target"],
                           "rag": "none"})
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": f"{kpi['indicator']}: actual against target by period",
        "width": "container", "height": 260, "autosize": {"type": "fit", "contains": "padding"},
        "data": {"values": values},
        "encoding": {
            "x": {"field": "period", "type": "ordinal", "title": "period", "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "title": "value (as printed, % where given)",
                  "scale": {"zero": True}},
            "strokeDash": {"field": "series", "type": "nominal", "title": "series",
                           "scale": {"domain": ["actual", "target"], "range": [[1, 0], [6, 4]]}},
        },
        "layer": [
            {"mark": {"type": "line", "color": "#57606a"}},
            # target as a wide dark tick: readable even when an indicator has a single period
            {"transform": [{"filter": "datum.series === 'target'"}],
             "mark": {"type": "tick", "thickness": 3, "size": 48, "color": "#24292f"},
             "encoding": {"tooltip": [{"field": "period"}, {"field": "printed", "title": "target as printed"}]}},
            {"transform": [{"filter": "datum.series === 'actual'"}],
             "mark": {"type": "point", "filled": True, "size": 180},
             "encoding": {
                 "color": {"field": "rag", "type": "nominal", "title": "RAG",
                           "scale": {"domain": list(RAG_COLOURS), "range": list(RAG_COLOURS.values())}},
                 "tooltip": [{"field": "period"}, {"field": "printed", "title": "actual as printed"},
                             {"field": "rag", "title": "RAG"}]}},
        ],
    }
