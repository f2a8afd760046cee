"""The report as one HTML page for editors (written in full later)."""

from __future__ import annotations

from .messages import Messages
from .runner import Report


def format_html(report: Report, messages: Messages) -> str:
    return "<!DOCTYPE html><html lang=en><title>Report</title><p>todo</p></html>"
