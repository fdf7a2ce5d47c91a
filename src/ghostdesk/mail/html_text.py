"""Readable plain text from an HTML mail body, with html.parser (no regular-expression tag stripping).

Many buyers (and Amazon's relay) send HTML only. The agent and the classifiers need the words with the
line structure a reader sees: ``<br>``, paragraphs and blocks become line breaks, scripts, styles and
titles disappear, entities are unescaped, and ``<blockquote>`` content is prefixed with ``> `` so that
quoted history stays recognisable as quoted once the markup is gone.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "title", "template", "xml", "svg"})
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "body",
        "html",
    }
)
_PARAGRAPHS = frozenset({"p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre"})
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


class _TextExtractor(HTMLParser):
    """Collects text as lines, each remembering how deep in ``<blockquote>`` it started."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._current: list[str] = []
        self._current_depth = 0
        self._line_open = False
        self._pending_breaks = 0
        self._skip_depth = 0
        self._pre_depth = 0
        self._quote_depth = 0
        self._list_item_pending = False

    # -- line bookkeeping ---------------------------------------------------------------------------
    def _close_line(self) -> None:
        if self._line_open:
            self.lines.append((self._current_depth, "".join(self._current)))
        self._current = []
        self._line_open = False

    def _request_breaks(self, count: int) -> None:
        self._pending_breaks = max(self._pending_breaks, count)

    def _emit(self, text: str) -> None:
        if not text:
            return
        if self._pending_breaks and (self._line_open or self.lines):
            self._close_line()
            for _ in range(self._pending_breaks - 1):
                self.lines.append((self._quote_depth, ""))
        self._pending_breaks = 0
        if not self._line_open:
            text = text.lstrip(" ")
            if not text:
                return
            self._line_open = True
            self._current_depth = self._quote_depth
            if self._list_item_pending:
                text = "- " + text
                self._list_item_pending = False
        self._current.append(text)

    # -- parser callbacks --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in _SKIPPED:
            self._skip_depth += 1
            return
        if tag == "br":
            if self._line_open or self.lines:
                self._pending_breaks += 1
            return
        if tag == "blockquote":
            # End the line before the quote here, so the blank line above it is not marked as quoted.
            if self._line_open or self.lines:
                self._close_line()
                self.lines.append((self._quote_depth, ""))
            self._pending_breaks = 0
            self._quote_depth += 1
            return
        if tag == "pre":
            self._pre_depth += 1
        if tag == "li":
            self._list_item_pending = True
        if tag in _PARAGRAPHS:
            self._request_breaks(2)
        elif tag in _BLOCKS:
            self._request_breaks(1)
        elif tag in _CELLS and self._line_open:
            self._current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            return
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "img", "meta", "link", "input", "wbr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "blockquote":
            self._request_breaks(1)
            self._close_line_if_pending()
            self._quote_depth = max(0, self._quote_depth - 1)
            return
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        if tag in _PARAGRAPHS:
            self._request_breaks(2)
        elif tag in _BLOCKS:
            self._request_breaks(1)

    def _close_line_if_pending(self) -> None:
        """Lines of a blockquote must end inside it, or they lose their quote marker."""
        if self._line_open:
            self._close_line()
            self._pending_breaks = max(0, self._pending_breaks - 1)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        data = data.translate(_INVISIBLE).replace("\xa0", " ")
        if self._pre_depth:
            for index, piece in enumerate(data.replace("\r", "").split("\n")):
                if index and (self._line_open or self.lines):
                    self._pending_breaks += 1
                self._emit(piece)
            return
        self._emit(_SPACES.sub(" ", data))

    def finish(self) -> str:
        self._close_line()
        out: list[str] = []
        for depth, line in self.lines:
            line = line.rstrip()
            out.append((("> " * depth) + line).rstrip() if depth else line)
        text = "\n".join(out)
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The text a reader sees in ``markup``, and defects ("html_parse_error") if the parser gave up."""
    parser = _TextExtractor()
    defects: list[str] = []
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser may still raise on pathological markup; keep what was read
        defects.append("html_parse_error")
    return parser.finish(), defects


_HTML_SNIFF = re.compile(r"<(html|body|br|p|div|table|span|font)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when a body without a trustworthy Content-Type is markup rather than prose."""
    return len(_HTML_SNIFF.findall(text[:20000])) >= 2
