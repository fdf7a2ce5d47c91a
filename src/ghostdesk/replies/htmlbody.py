"""The two alternatives of an email body, made from one rendering so they always say the same thing.

Paragraphs are separated by a blank line; inside a paragraph, single line breaks are kept (lists,
sign-off). The HTML alternative is built from a rendering whose variables were escaped by Jinja's
autoescape, so a buyer name or an agent's note can never inject markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_BLANK_RUN = re.compile(r"\n{3,}")


def tidy_text(text: str) -> str:
    """Trailing spaces dropped, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def html_document(body: str, language: str) -> str:
    """A small, complete HTML email from an already escaped rendering (paragraphs as <p>)."""
    paragraphs = [p for p in tidy_text(body).strip("\n").split("\n\n") if p.strip()]
    inner = "\n".join("<p>" + "<br>\n".join(p.split("\n")) + "</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n</head>\n'
        '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5;">\n'
        f"{inner}\n</body>\n</html>\n"
    )


def markup(value: str) -> Markup:
    """Mark a string that is already safe HTML (used for escaped renderings only)."""
    return Markup(value)  # noqa: S704 - the value comes from an autoescaping environment
