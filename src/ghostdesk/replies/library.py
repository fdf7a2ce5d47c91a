"""The locked macro library: render a macro in the buyer's language, and let agents edit only its slots.

Macros live in ``templates/<lang>/<name>.j2`` (a body block extending ``<lang>/_layout.j2``), with their
versions and editable slots in ``templates/catalog.toml``. Rendering uses a sandboxed Jinja environment
in which an undefined variable is an error, and sees only a :class:`ReplyContext`; slot values are passed
in as plain data, so nothing an agent or a buyer types is ever evaluated as a template. Each reply comes
as text and as HTML, and is checked against Amazon's messaging rules every time it is rendered.

Templates are parsed on first use and kept for the life of the process; nothing is read or compiled at
import time, which keeps Lambda cold starts short.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateNotFound
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ghostdesk.replies.catalog import Catalog, MacroSpec, SlotSpec, load_catalog
from ghostdesk.replies.compliance import check_html, check_reply
from ghostdesk.replies.compliance.finding import Finding
from ghostdesk.replies.context import ReplyContext
from ghostdesk.replies.errors import (
    ComplianceError,
    LockedTextError,
    MissingFact,
    ReplyError,
    SlotValueError,
    UnknownMacro,
)
from ghostdesk.replies.htmlbody import html_document, tidy_text
from ghostdesk.replies.rendered import RenderedReply

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it")
LAYOUT = "_layout.j2"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def resolve_language(
    requested: str | None,
    marketplace_language: str | None,
    default: str = "en",
    *,
    available: Collection[str] = SUPPORTED_LANGUAGES,
) -> str:
    """The reply language: the message's language, else the marketplace's, else the default.

    Each candidate counts only if a macro set exists for it; regional tags ("de-AT") use their language.
    """
    for candidate in (requested, marketplace_language, default):
        if candidate:
            code = candidate.strip().lower().replace("_", "-").split("-")[0]
            if code in available:
                return code
    return default


class _SlotRecorder:
    """The ``slot(name, default)`` function a layout calls; it also records the value it used."""

    def __init__(self, macro: str, declared: tuple[str, ...], overrides: Mapping[str, str]) -> None:
        self.macro = macro
        self.declared = declared
        self.overrides = overrides
        self.values: dict[str, str] = {}

    def __call__(self, name: str, default: object = "") -> object:
        if name not in self.declared:
            raise ReplyError(
                f"template of {self.macro!r} uses slot {name!r}, which catalog.toml does not declare"
            )
        if name in self.values:
            raise ReplyError(f"template of {self.macro!r} uses slot {name!r} twice")
        value: object = self.overrides.get(name, default)
        if isinstance(value, str):
            value = value.strip()
        self.values[name] = str(value)
        return value


class MacroLibrary:
    """The macros of one templates folder (``settings.templates_dir``; ``/opt/templates`` in Lambda)."""

    def __init__(self, templates_dir: Path | str) -> None:
        self.templates_dir = Path(templates_dir)
        self._catalog: Catalog | None = None
        self._languages: tuple[str, ...] | None = None
        self._envs: dict[bool, ImmutableSandboxedEnvironment] = {}

    # -- the catalog -------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.templates_dir)
        return self._catalog

    def names(self) -> list[str]:
        return sorted(self.catalog.macros)

    def languages(self) -> list[str]:
        """Languages with a layout in the templates folder, e.g. ["de", "en", "es", "fr", "it"]."""
        if self._languages is None:
            found = [p.parent.name for p in self.templates_dir.glob(f"*/{LAYOUT}")]
            self._languages = tuple(sorted(found))
        return list(self._languages)

    def spec(self, name: str) -> MacroSpec:
        try:
            return self.catalog.macros[name]
        except KeyError:
            known = ", ".join(self.names())
            raise UnknownMacro(f"no macro named {name!r}; known macros: {known}") from None

    def version(self, name: str) -> int:
        return self.spec(name).version

    def slots(self, name: str) -> tuple[str, ...]:
        return self.spec(name).slots

    def slot_spec(self, slot: str) -> SlotSpec:
        return self.catalog.slots[slot]

    def has_template(self, name: str, language: str) -> bool:
        return (self.templates_dir / language / f"{name}.j2").is_file()

    def resolve_language(
        self, requested: str | None, marketplace_language: str | None, default: str = "en"
    ) -> str:
        return resolve_language(requested, marketplace_language, default, available=self.languages())

    # -- rendering ---------------------------------------------------------------------------------

    def render(
        self,
        name: str,
        language: str,
        context: ReplyContext,
        slots: Mapping[str, str] | None = None,
    ) -> RenderedReply:
        """Render a macro with the given facts, in ``language`` or the best available fallback.

        The fallback is the marketplace's language, then English. ``slots`` replaces the default text
        of editable slots. The result carries the checker's findings; a reply with findings must not be
        approved (see :meth:`apply_edit` and :meth:`ensure_sendable`, which refuse them).
        """
        spec = self.spec(name)
        missing = [fact for fact in spec.requires if not getattr(context, fact, None)]
        if missing:
            raise MissingFact(
                f"macro {name!r} needs {', '.join(missing)}, which the reply context does not have"
            )
        lang = self._language_for(name, language, context)
        overrides = self._validated_slots(spec, slots or {})
        text, values = self._render(spec, lang, context, overrides, html=False)
        html_body, _ = self._render(spec, lang, context, values, html=True)
        return RenderedReply(
            macro=name,
            version=spec.version,
            language=lang,
            slots=values,
            text=text,
            html=html_document(html_body, lang),
            findings=check_reply(text, lang, known_facts=context.facts()),
            context=context,
        )

    def apply_edit(self, reply: RenderedReply, slots: Mapping[str, str]) -> RenderedReply:
        """A reply with new values for its editable slots; the locked wording is rendered anew.

        Raises :class:`LockedTextError` for a slot the macro does not have (the rest of a macro is
        locked), :class:`SlotValueError` for a value that does not fit its slot, and
        :class:`ComplianceError` when the edited reply breaks a messaging rule.
        """
        spec = self.spec(reply.macro)
        unknown = sorted(set(slots) - set(spec.slots))
        if unknown:
            raise LockedTextError(
                f"{', '.join(map(repr, unknown))} cannot be edited in macro {reply.macro!r}: only "
                f"{' and '.join(spec.slots) or 'nothing'} can be changed; the rest is locked wording"
            )
        if reply.context is None:
            raise ReplyError("this reply was stored without its facts, so it cannot be re-rendered")
        edited = self.render(reply.macro, reply.language, reply.context, {**reply.slots, **slots})
        if edited.findings:
            raise ComplianceError(edited.findings)
        return edited

    def apply_text_edit(self, reply: RenderedReply, edited_text: str) -> RenderedReply:
        """Accept an agent's edit of the whole text if it changed only the editable slots.

        The edited text is matched against the macro's locked wording; what stands where the slots are
        becomes their new values. Any change to the locked wording is refused with the first locked line
        that differs, so the agent knows what to put back.
        """
        if reply.context is None:
            raise ReplyError("this reply was stored without its facts, so it cannot be re-rendered")
        spec = self.spec(reply.macro)
        markers = {slot: f"\x00{slot}\x00" for slot in spec.slots}
        skeleton, _ = self._render(spec, reply.language, reply.context, markers, html=False)
        pieces = re.split("\x00([a-z_]+)\x00", skeleton)
        pattern = ["^\\s*"]
        for index, piece in enumerate(pieces):
            if index % 2:
                pattern.append(f"(?P<{piece}>.*?)")
            else:
                words = piece.split()
                if words:
                    pattern.append("\\s*" + "\\s+".join(re.escape(w) for w in words) + "\\s*")
                else:
                    pattern.append("\\s*")
        pattern.append("\\s*$")
        found = re.match("".join(pattern), edited_text.replace("\r\n", "\n"), re.DOTALL)
        if found is None:
            raise LockedTextError(_first_locked_change(pieces[::2], edited_text))
        values = {slot: _tidy_slot(found.group(slot)) for slot in spec.slots}
        changed = {k: v for k, v in values.items() if v != reply.slots.get(k, "")}
        return self.apply_edit(reply, changed) if changed else reply

    def check(self, reply: RenderedReply) -> list[Finding]:
        """Check a stored reply again, text and HTML alike (an HTML link hidden behind words counts)."""
        facts = reply.context.facts() if reply.context else ()
        findings = check_reply(reply.text, reply.language, known_facts=facts)
        seen = {(f.rule, f.text) for f in findings}
        for finding in check_html(reply.html, reply.language, known_facts=facts):
            if (finding.rule, finding.text) not in seen:
                findings.append(finding)
                seen.add((finding.rule, finding.text))
        return findings

    def ensure_sendable(self, reply: RenderedReply) -> None:
        """Refuse a reply before it is sent: findings, or text that no longer matches its macro.

        Call this right before sending. A stored draft whose text differs from what its macro and slots
        render (and the macro version is unchanged) was altered outside the library: refused.
        """
        findings = self.check(reply)
        if findings:
            raise ComplianceError(findings)
        if reply.context is None or reply.macro not in self.catalog.macros:
            return
        if self.version(reply.macro) != reply.version:
            return  # the macro moved on since the draft; its stored wording was checked above
        fresh = self.render(reply.macro, reply.language, reply.context, reply.slots)
        if fresh.text != reply.text or fresh.html != reply.html:
            raise LockedTextError(
                f"the stored text of this {reply.macro!r} reply differs from its macro; "
                "only the editable slots may change"
            )

    # -- internals ---------------------------------------------------------------------------------

    def _env(self, html: bool) -> ImmutableSandboxedEnvironment:
        env = self._envs.get(html)
        if env is None:
            env = ImmutableSandboxedEnvironment(
                loader=FileSystemLoader(str(self.templates_dir)),
                undefined=StrictUndefined,
                autoescape=html,
                trim_blocks=False,  # a line ending in {% endif %} keeps its line break
                lstrip_blocks=True,
                keep_trailing_newline=True,
                auto_reload=False,  # compile once per process: no stat() per render
                cache_size=-1,
            )
            self._envs[html] = env
        return env

    def _language_for(self, name: str, language: str, context: ReplyContext) -> str:
        for candidate in (language, context.marketplace_language, "en"):
            lang = resolve_language(candidate, None, "", available=self.languages())
            if lang and self.has_template(name, lang):
                return lang
        raise UnknownMacro(f"macro {name!r} has no template in {self.templates_dir} for any language")

    def _validated_slots(self, spec: MacroSpec, slots: Mapping[str, str]) -> dict[str, str]:
        clean: dict[str, str] = {}
        for name, value in slots.items():
            if name not in spec.slots:
                raise LockedTextError(
                    f"{name!r} is not an editable part of macro {spec.name!r}; "
                    f"editable: {', '.join(spec.slots)}"
                )
            if not isinstance(value, str):
                raise SlotValueError(f"slot {name!r} must be text, got {type(value).__name__}")
            rule = self.slot_spec(name)
            text = _CONTROL.sub("", value.replace("\r\n", "\n")).strip()
            if rule.single_line and "\n" in text:
                raise SlotValueError(f"slot {name!r} must be a single line")
            if len(text) > rule.max_length:
                raise SlotValueError(
                    f"slot {name!r} is {len(text)} characters long; at most {rule.max_length} fit"
                )
            clean[name] = text
        return clean

    def _render(
        self,
        spec: MacroSpec,
        language: str,
        context: ReplyContext,
        overrides: Mapping[str, str],
        *,
        html: bool,
    ) -> tuple[str, dict[str, str]]:
        try:
            template = self._env(html).get_template(f"{language}/{spec.name}.j2")
        except TemplateNotFound:
            raise UnknownMacro(f"macro {spec.name!r} has no {language!r} template") from None
        recorder = _SlotRecorder(spec.name, spec.slots, overrides)
        variables: dict[str, Any] = context.template_variables()
        variables["slot"] = recorder
        rendered = template.render(variables)
        unused = [s for s in spec.slots if s not in recorder.values]
        if unused:
            raise ReplyError(f"template {language}/{spec.name}.j2 never places slot(s) {unused}")
        return tidy_text(rendered), recorder.values


def _tidy_slot(value: str) -> str:
    return "\n".join(line.rstrip() for line in value.strip().split("\n"))


def _first_locked_change(locked_pieces: list[str], edited_text: str) -> str:
    """A message naming the first locked line the agent's text no longer contains."""
    edited = " ".join(edited_text.split())
    for piece in locked_pieces:
        for line in piece.split("\n"):
            words = " ".join(line.split())
            if words and words not in edited:
                return (
                    f"the locked wording was changed: {words!r} must stay exactly as it is; "
                    "only the greeting and the personal note can be edited"
                )
    return (
        "the locked wording was changed or reordered; only the greeting and the personal note can be edited"
    )
