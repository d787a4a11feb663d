"""Lexicons of general language knowledge, loaded from ``ontology/lexicons/``.

Surnames, role titles, organization suffixes, honors, administrative divisions, cue words, and the
national bodies and central state-owned enterprises that news names by short forms (public lists).
Nothing here names a person, or any organization taken from an article.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ModelError

ONTOLOGY_ENV = "KG_ONTOLOGY"


def ontology_dir() -> Path:
    """The ``ontology/`` folder: ``$KG_ONTOLOGY`` if set, else the one beside the package."""
    override = os.environ.get(ONTOLOGY_ENV)
    path = Path(override) if override else Path(__file__).resolve().parent.parent / "ontology"
    if not (path / "lexicons").is_dir():
        raise ModelError(f"{path}: no lexicons folder; set {ONTOLOGY_ENV} to the project's ontology/ folder "
                         "or reinstall from the repository (pip install -e .)")
    return path


def _rows(name: str, min_cols: int = 1) -> list[list[str]]:
    path = ontology_dir() / "lexicons" / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ModelError(f"{path}: cannot read lexicon ({e.strerror}); reinstall the project") from e
    rows = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < min_cols or not cols[0]:
            raise ModelError(f"{path}:{lineno}: expected {min_cols} tab-separated columns, got {line!r}")
        rows.append(cols)
    return rows


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative division: full name, common short form, level, and parent's full name."""

    name: str
    short: str
    level: str
    parent: str | None


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation that matches the longest of ``words``, built as a trie so it scans fast.

    >>> re.findall(trie_pattern(["工会", "工会主席", "主席"]), "工会主席和主席")
    ['工会主席', '主席']
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(trie) if trie else r"(?!x)x"


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon the recognizers use, loaded once."""

    surnames: frozenset[str]
    titles: dict[str, str]
    title_modifiers: frozenset[str]
    org_suffixes: dict[str, tuple[str, bool]]  # suffix -> (kind, strong)
    honors: dict[str, tuple[str, str]]  # honor -> (broader class, level)
    places: dict[str, Place]  # full name -> Place
    place_alias: dict[str, str]  # full or short form -> full name
    generic_words: frozenset[str]
    speech_verbs: tuple[str, ...]
    regions: dict[str, str]  # regional name (中原) -> province full name
    industry_words: frozenset[str] = frozenset()  # 矿业, 保险, 地铁: end a company's short name
    known_orgs: dict[str, str] = dataclasses.field(default_factory=dict)  # full or short form -> full name
    tibetan_name_parts: frozenset[str] = frozenset()  # 次仁, 多吉: a Tibetan name is two of them
    mongolian_name_parts: frozenset[str] = frozenset()  # 巴图, 孟和: a Mongolian name is one or two of them
    transliteration_chars: frozenset[str] = frozenset()  # 阿, 尔, 提: the characters foreign names are written in

    @functools.cached_property
    def known_org_re(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.known_orgs))

    @functools.cached_property
    def industry_re(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.industry_words))

    @functools.cached_property
    def title_re(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.titles))

    @functools.cached_property
    def honor_re(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.honors))

    @functools.cached_property
    def place_re(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.place_alias))

    @functools.cached_property
    def place_stems(self) -> frozenset[str]:
        """Full place names without their level word (独山子 of 独山子区, 大同 of 大同市, 喀什 of 喀什地区: not 喀什地,
        which would hide 喀什 in 喀什地毯厂)."""
        return frozenset(name[:-2] if name.endswith("地区") else name[:-1]
                         for name in self.places if len(name) >= 3 and name[-1] in "市县区旗")

    @functools.cached_property
    def org_suffix_re(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.org_suffixes))

    def is_surname_start(self, name: str) -> bool:
        return name[:1] in self.surnames or name[:2] in self.surnames

    def place_ancestors(self, full: str) -> list[str]:
        out, seen = [], {full}
        parent = self.places[full].parent if full in self.places else None
        while parent and parent in self.places and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.places[parent].parent
        return out


def _everyday_forms(place: Place) -> tuple[str, ...]:
    """The place's name, its short form, and for an autonomous prefecture the short form with 州 (凉山州, 黔东南州:
    how news names 凉山彝族自治州 and its honors, 凉山州劳动模范)."""
    if place.name.endswith("自治州") and len(place.short) >= 2 and place.short != place.name:
        return place.name, place.short, place.short + "州"
    return place.name, place.short


def _expand_honor_templates(rows: list[list[str]], places: dict[str, Place], regions: dict[str, str],
                            industries: list[str]) -> dict[str, tuple[str, str]]:
    provinces = [p for p in places.values() if p.level == "province"]
    cities = [p for p in places.values() if p.level == "prefecture"]
    fill = {
        "{PROVINCE}": sorted({n for p in provinces for n in (p.name, p.short)}),
        "{CITY}": sorted({n for p in cities for n in _everyday_forms(p)}),
        "{REGION}": sorted(regions),
        "{INDUSTRY}": sorted(industries),
    }
    honors: dict[str, tuple[str, str]] = {}
    for row in rows:
        honor = row[0]
        broader = row[1] if len(row) > 1 else ""
        level = row[2] if len(row) > 2 else "other"
        slots = [k for k in fill if k in honor]
        if not slots:
            honors.setdefault(honor, (broader, level))
            continue
        names = fill[slots[0]]
        for name in names:
            honors.setdefault(honor.replace(slots[0], name), (broader, level))
    return honors


@functools.lru_cache(maxsize=1)
def load() -> Lexicons:
    """Load every lexicon from ``ontology/lexicons`` (cached)."""
    places: dict[str, Place] = {}
    for row in _rows("places.tsv", 3) + _rows("world_places.tsv", 3):
        name, short, level = row[0], row[1] or row[0], row[2]
        parent = row[3] if len(row) > 3 and row[3] else None
        places[name] = Place(name, short, level, parent)
    alias: dict[str, str] = {}
    for p in places.values():
        alias.setdefault(p.name, p.name)
    for p in places.values():
        if len(p.short) >= 2:
            alias.setdefault(p.short, p.name)
    for p in places.values():
        for form in _everyday_forms(p)[2:]:
            alias.setdefault(form, p.name)
    regions = {r[0]: r[1] for r in _rows("regions.tsv", 2)}
    suffixes = {}
    for row in _rows("org_suffixes.txt", 1):
        kind = row[1] if len(row) > 1 else "unit"
        strong = (row[2] if len(row) > 2 else "strong") != "weak"
        suffixes[row[0]] = (kind, strong)
    titles = {row[0]: (row[1] if len(row) > 1 else "other") for row in _rows("titles.txt")}
    return Lexicons(
        surnames=frozenset(r[0] for r in _rows("surnames.txt")),
        titles=titles,
        title_modifiers=frozenset(r[0] for r in _rows("title_modifiers.txt")),
        org_suffixes=suffixes,
        honors=_expand_honor_templates(_rows("honors.txt"), places, regions, [r[0] for r in _rows("industry_words.txt")]),
        places=places,
        place_alias=alias,
        generic_words=frozenset(r[0] for r in _rows("generic_words.txt")),
        speech_verbs=tuple(sorted((r[0] for r in _rows("person_cues.txt") if (r[1] if len(r) > 1 else "after") == "after"),
                                  key=lambda w: (-len(w), w))),
        regions=regions,
        industry_words=frozenset(r[0] for r in _rows("industry_words.txt")),
        known_orgs=_known_orgs(_rows("known_orgs.tsv", 2)),
        tibetan_name_parts=frozenset(r[0] for r in _rows("tibetan_name_parts.txt")),
        mongolian_name_parts=frozenset(r[0] for r in _rows("mongolian_name_parts.txt")),
        transliteration_chars=frozenset("".join(r[0] for r in _rows("transliteration_chars.txt"))),
    )


def _known_orgs(rows: list[list[str]]) -> dict[str, str]:
    """Every full and short form of the known organizations -> the full name (a full name wins a clash)."""
    out = {row[0]: row[0] for row in rows}
    for row in rows:
        for short in row[1].split("|"):
            if short.strip():
                out.setdefault(short.strip(), row[0])
    return out
