"""The macro catalog: ``templates/catalog.toml`` names every macro with its version, slots and needs.

The catalog is the one place a macro's version lives, for all languages at once: a draft stores
``(macro, version)``, and the version says exactly which wording a buyer was sent.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CATALOG_FILE = "catalog.toml"


class CatalogError(ValueError):
    """The catalog file is missing or malformed; the message names the entry and what is wrong."""


@dataclass(frozen=True)
class SlotSpec:
    """An editable part of a macro: what it is for and how much an agent may write there."""

    name: str
    description: str
    max_length: int
    single_line: bool


@dataclass(frozen=True)
class MacroSpec:
    name: str
    version: int
    title: str
    slots: tuple[str, ...]
    requires: tuple[str, ...]  # ReplyContext fields the macro cannot do without


@dataclass(frozen=True)
class Catalog:
    macros: dict[str, MacroSpec]
    slots: dict[str, SlotSpec]


def load_catalog(templates_dir: Path) -> Catalog:
    path = templates_dir / CATALOG_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(f"macro catalog {path} not found; is GHOSTDESK_TEMPLATES_DIR right?") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path}: {exc}") from exc
    slots = {name: _slot(path, name, entry) for name, entry in raw.get("slots", {}).items()}
    macros = {name: _macro(path, name, entry, slots) for name, entry in raw.get("macros", {}).items()}
    if not macros:
        raise CatalogError(f"{path} declares no macros")
    return Catalog(macros=macros, slots=slots)


def _slot(path: Path, name: str, entry: dict[str, Any]) -> SlotSpec:
    try:
        return SlotSpec(
            name=name,
            description=str(entry.get("description", "")),
            max_length=int(entry["max_length"]),
            single_line=bool(entry.get("single_line", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogError(f"{path}: slot {name!r} needs an integer max_length") from exc


def _macro(path: Path, name: str, entry: dict[str, Any], slots: dict[str, SlotSpec]) -> MacroSpec:
    version = entry.get("version")
    if not isinstance(version, int) or version < 1:
        raise CatalogError(f"{path}: macro {name!r} needs a version, a whole number from 1")
    declared = tuple(str(s) for s in entry.get("slots", ()))
    unknown = [s for s in declared if s not in slots]
    if unknown:
        raise CatalogError(
            f"{path}: macro {name!r} uses undeclared slot(s) {unknown}; declare them under [slots]"
        )
    return MacroSpec(
        name=name,
        version=version,
        title=str(entry.get("title", name)),
        slots=declared,
        requires=tuple(str(r) for r in entry.get("requires", ())),
    )
