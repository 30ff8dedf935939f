"""Check the Chinese typography of a built site: what a reader of every Chinese page actually sees.

Every Han-script language (its entry in macros/core/languages.py says `han`) is checked, in its
built folder (zh/ for Simplified Chinese).

Why on the built HTML: half of what a Chinese reader sees is not in docs/zh at all. Macros put
separators, labels, citation brackets and dates between data texts; the theme adds link titles,
the footer and the 404 page. Only the built page has all of it in place. For every
site/zh/**/*.html this reads the visible text (the <title>, headings, body text, table cells, and
the alt, aria-label, title and placeholder attributes; not <script>, <style>, <code>, <pre>,
<kbd>, <samp>) and reports:

- latin-punct: a Latin , ; : . ( ) next to a Chinese character or full-width punctuation mark
  (spaces between them do not help): "依据: 文本", "归纳. 根本", "服务 (FIAS)", "（高; 一年内）";
  Latin punctuation between Latin letters or digits ("GeSI 2.0", "8:00", an English title) is fine;
- iso-date: a date written 2007-07-12 or 2007-06 (Chinese text writes 2007 年 7 月 12 日);
- date-style: a date without the site's spaces, 2007年7月12日 (the `date.*` labels, our pages and
  the theme's "last update" line all write 2007 年 7 月 12 日);
- nested-brackets: full-width brackets inside full-width brackets, "（高；第一步（三个月内））"
  (a label inside a bracketed list: use 、 or ： inside, or ［ ］ outside in a formula);
- cite-placement: a numbered citation after the full stop, "……能力。［3］" (Chinese puts it
  before the stop: "……能力［3］。");
- doubled-acronym: an acronym followed by itself in brackets, "BSR（BSR）", "(FIAS) (FIAS)";
- english-ui: an English theme string (Permanent link, Made with, Not found, Last update …);
- space-punct: a Latin space beside full-width punctuation, "开展能力建设 （本群体牵头）",
  "见下表。 数据来源" (a full-width mark carries its own spacing);
- law-title: the title of a law, regulation or policy document without 书名号, "（劳动合同法第四条）"
  for "（《劳动合同法》第四条）"; the titles are those on the built sources page (resources/sources/)
  that end in 法, 条例, 规定, 办法, 意见 or 决定, each also without 中华人民共和国 or 关于（进一步）;
- doc-number: a document number not written as its issuer writes it, solid and in 〔 〕:
  深发〔2007〕7号, not 深发〔2007〕7 号, 深发 〔2007〕 7号 or 深发（2007）7号 (the site's rule:
  a document number is an identifier, copied as issued so that it can be searched for);
  the words these two checks look for (法, 条例 … 中华人民共和国, 关于, 号) are listed once, in
  Simplified, and taken in Traditional characters too from the Traditional edition's converter,
  so the check reads Traditional pages (深發〔2007〕7號, 《勞動合同法》) as it reads Simplified ones;
- note-after-stop: a bracketed note that belongs to the sentence put after its full stop,
  "……展开讨论。（衡量指标：……）" for "……展开讨论（衡量指标：……）。" (a bracket that is a
  sentence of its own, ending in its own 。, may follow: "……执行。（本站的比较。）");
- repeated-sentence: a long sentence (30 characters or more) said twice on one page, where a
  reference to the first would do.

Standard library only (no MkDocs, no pydantic): it runs on any built folder.
Usage: python -m macros typography site   → prints `zh/<path>: <kind>: …excerpt…`, exit 1 if any.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from macros.core.diagnostics import annotate
from macros.core.languages import LANGS, with_property
from macros.core.languages import prefix as folder
from macros.core.traditional import to_traditional
from macros.tools.links import located_in_source

HAN_LANGS = with_property("han")


def _both_scripts(*words: str) -> tuple[str, ...]:
    """Each Simplified word, then its Traditional form (the edition's own converter): one list for both editions."""
    return tuple(dict.fromkeys(w for word in words for w in (word, to_traditional(word))))


# Chinese characters and the full-width punctuation that belongs to Chinese text.
_CJK = (
    "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2014\u2026\u201c\u201d\u2018\u2019\u00b7"
)
_CJK_CHAR = f"[{_CJK}]"
_HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_LATIN_PUNCT = "[,;:.()]"
# A Latin mark touching Chinese text on either side; spaces in between do not make it right.
# A full stop between digits (1.5 倍) or after a Latin letter inside a name is left alone
# unless Chinese text follows it directly.
_ADJACENT = re.compile(rf"(?<={_CJK_CHAR})[ \t]*{_LATIN_PUNCT}|{_LATIN_PUNCT}[ \t]*(?={_CJK_CHAR})")
_ISO_DATE = re.compile(r"(?<![\d-])\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?(?![\d-])")
# A digit touching 年, 月 or 日 (either side): 2007年, 7月, 年7, 12日 — the site writes 2007 年 7 月 12 日.
_UNSPACED_DATE = re.compile(r"\d[年月日]|[年月]\d")
_CITE_AFTER_STOP = re.compile(r"[。！？][ \t]*［\d")
_NOTE_AFTER_STOP = re.compile(r"。[ \t]*（[^（）]*[^。！？（）]）")
_FULL_WIDTH_MARK = "，。：；、（）“”「」『』《》！？"  # 「」『』: the Traditional edition's quotation marks
# (a space beside a Latin mark is latin-punct's to report: "依据: 《劳动法》" is one problem, not two)
_SPACE_PUNCT = re.compile(
    rf"(?<![ \t\u00a0,;:.()])[ \t\u00a0]+(?=[{_FULL_WIDTH_MARK}])|(?<=[{_FULL_WIDTH_MARK}])[ \t\u00a0]+(?=[^\s,;:.()])"
)


@dataclass(frozen=True)
class _Words:
    """The check's patterns made of Chinese words, in both scripts: built on first use, not at import,
    because the Traditional forms come from the edition's converter, which reads data/traditional_terms.yml
    (every `python -m macros` command imports this module)."""

    doc_number: re.Pattern[str]
    law_title: re.Pattern[str]
    short_prefixes: tuple[str, ...]
    not_a_title_after: str


@functools.cache
def _words() -> _Words:
    number_mark = "".join(_both_scripts("号"))  # 号, 號
    # A law's, regulation's or policy document's name: what a title on the sources page must end with to count.
    title_ends = _both_scripts("法", "条例", "规定", "办法", "意见", "决定")
    return _Words(
        # 深发〔2007〕7 号, 深发 〔2007〕, 〔2007〕 7号, 深发（2007）7号, 深发[2007]7号: the issuer
        # writes 深发〔2007〕7号.
        doc_number=re.compile(
            rf"{_HAN}[ \t]+〔\d{{4}}〕|〔\d{{4}}〕[ \t]+\d|〔\d{{4}}〕\d+[ \t]+[{number_mark}]"
            rf"|{_HAN}[（(\[［]\d{{4}}[）)\]］][ \t]*\d+[ \t]*[{number_mark}]"
        ),
        law_title=re.compile(r"《([^《》]{2,40}?(?:" + "|".join(title_ends) + r"))》"),
        # Prefixes a text may leave out when it names the document: 《关于进一步推进……的意见》 → 推进……的意见.
        short_prefixes=_both_scripts("中华人民共和国", "关于进一步", "关于"),
        # Characters after a law's name that make it a different word: 劳动法律, 劳动法规, 劳动法学.
        not_a_title_after="".join(_both_scripts(*"律规学")),
    )


# Starts only at the block's start or after a sentence end, so a block with no full stop is scanned once (linear).
_SENTENCE = re.compile(r"(?:^|(?<=[。！？]))[^。！？]*[。！？]")
REPEAT_MIN = 30
# Starts at a bracket or where a run of whitespace starts, never inside one (linear in whitespace).
_DOUBLED = re.compile(r"(?<![A-Za-z])(?:[(（]|(?<!\s))\s*([A-Z][A-Za-z-]{1,11})\s*[)）]?\s*[(（]\s*\1\s*[)）]")
# Material's English strings that a zh page must not show (most are localised by the theme's
# zh language; these are the ones that have slipped through before, and their neighbours).
ENGLISH_UI = (
    "Permanent link",
    "Made with",
    "Material for MkDocs",
    "Not found",
    "404 - Not found",
    "Last update",
    "Created",
    "Back to top",
    "Skip to content",
    "Table of contents",
    "Copy to clipboard",
    "Copied to clipboard",
    "Type to start searching",
    "Initializing search",
    "No matching documents",
    "Search",
    "Share",
    "Clear",
    "Previous",
    "Next",
    "Edit this page",
    "View source of this page",
    "Select language",
    "Switch to light mode",
    "Switch to dark mode",
)
_ENGLISH_UI = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(s) for s in sorted(ENGLISH_UI, key=len, reverse=True)) + r")(?![A-Za-z])"
)

_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "svg", "math"}
_INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "data",
    "dfn",
    "em",
    "i",
    "label",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "wbr",
    "del",
    "ins",
}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_NOT_PROSE = {"a", "footer"}
_ATTRS = ("alt", "aria-label", "title", "placeholder")
# Stands in for skipped content (code, scripts) so that text on either side is not joined.
_GAP = "\u2063"


class _VisibleText(HTMLParser):
    """Collects the visible text of a page: block elements become line breaks, inline ones join."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.attrs: list[str] = []
        self._skip = 0
        # The page's own prose for the repetition check: link texts (a reference, however long) and
        # the footer (site chrome, the same on every page) stand out of it.
        self.prose: list[str] = []
        self._not_prose = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self._skip += 1
            self.parts.append(_GAP)
            return
        if self._skip:
            return
        for name, value in attrs:
            if name in _ATTRS and value and value.strip():
                self.attrs.append(value)
        if tag in _NOT_PROSE:
            self._not_prose += 1
        if tag not in _INLINE:
            self.parts.append("\n")
            self.prose.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.parts.append(_GAP)
            return
        if not self._skip:
            for name, value in attrs:
                if name in _ATTRS and value and value.strip():
                    self.attrs.append(value)
            if tag not in _INLINE:
                self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            self.parts.append(_GAP)
            return
        if self._skip:
            return
        if tag in _NOT_PROSE:
            self._not_prose = max(0, self._not_prose - 1)
        if tag not in _INLINE:
            self.parts.append("\n")
            self.prose.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)
            self.prose.append(_GAP if self._not_prose else data)

    def texts(self) -> list[str]:
        """The page's text blocks, then its attribute texts, each whitespace-normalised."""
        blocks = "".join(self.parts).split("\n") + self.attrs
        return [t for t in (re.sub(r"\s+", " ", b).strip() for b in blocks) if t]

    def prose_blocks(self) -> list[str]:
        """The page's own text blocks, without link texts and the footer, whitespace-normalised."""
        blocks = "".join(self.prose).split("\n")
        return [t for t in (re.sub(r"\s+", " ", b).strip() for b in blocks) if t]


@dataclass(frozen=True)
class Problem:
    page: str
    kind: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind}: …{self.excerpt}…"


def visible_texts(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.texts()


def _excerpt(text: str, start: int, end: int, width: int = 14) -> str:
    return text[max(0, start - width) : end + width].replace(_GAP, "")


def nested_brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each full-width bracket opened inside another one."""
    found, depth = [], 0
    for i, ch in enumerate(text):
        if ch == "（":
            depth += 1
            if depth == 2:
                found.append((i, i + 1))
        elif ch == "）":
            depth = max(0, depth - 1)
    return found


def law_names(titles: list[str]) -> tuple[str, ...]:
    """The names a document is cited by: its title, and its title without 中华人民共和国 or 关于
    (进一步); longest first."""
    names = set()
    for title in titles:
        names.add(title)
        for prefix in _words().short_prefixes:
            short = title.removeprefix(prefix)
            if short != title and len(short) >= 3:
                names.add(short)
    return tuple(sorted(names, key=len, reverse=True))


def law_titles(html: str) -> tuple[str, ...]:
    """The laws and regulations named in 《 》 on a page (the built sources page), by law_names."""
    return law_names([m.group(1) for text in visible_texts(html) for m in _words().law_title.finditer(text)])


def bare_law_titles(text: str, laws: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each law name outside 《 》 (or 〈 〉 inside a title) and outside “ ”: a
    verbatim quotation keeps its original's form (a regulation writes “依照劳动合同法第八十二条”)."""
    if not laws:
        return []
    depth, inside = 0, []
    for ch in text:
        inside.append(depth > 0)
        if ch in "《〈“「『":
            depth += 1
        elif ch in "》〉”」』":
            depth = max(0, depth - 1)
    pattern = re.compile("(?:" + "|".join(re.escape(n) for n in laws) + f")(?![{_words().not_a_title_after}])")
    return [(m.start(), m.end()) for m in pattern.finditer(text) if not inside[m.start()]]


def repeated_sentences(blocks: list[str]) -> list[str]:
    """Each long sentence that occurs more than once in a page's text blocks (once per sentence)."""
    seen: Counter[str] = Counter()
    for block in blocks:
        for m in _SENTENCE.finditer(block):
            sentence = m.group(0).strip()
            if len(re.findall(_HAN, sentence)) >= REPEAT_MIN:
                seen[sentence] += 1
    return [s for s, n in seen.items() if n > 1]


def check_text(text: str, page: str = "", laws: tuple[str, ...] = ()) -> list[Problem]:
    """Every typography problem in one visible text of a Chinese page (law titles: the names to look for)."""
    found = [
        Problem(page, name, _excerpt(text, m.start(), m.end()))
        for name, pattern in (
            ("latin-punct", _ADJACENT),
            ("iso-date", _ISO_DATE),
            ("date-style", _UNSPACED_DATE),
            ("cite-placement", _CITE_AFTER_STOP),
            ("space-punct", _SPACE_PUNCT),
            ("doc-number", _words().doc_number),
            ("note-after-stop", _NOTE_AFTER_STOP),
        )
        for m in pattern.finditer(text)
    ]
    found += [Problem(page, "law-title", _excerpt(text, i, j)) for i, j in bare_law_titles(text, laws)]
    found += [Problem(page, "nested-brackets", _excerpt(text, i, j)) for i, j in nested_brackets(text)]
    for m in _DOUBLED.finditer(text):
        found.append(Problem(page, "doubled-acronym", _excerpt(text, m.start(), m.end())))
    for m in _ENGLISH_UI.finditer(text):
        found.append(Problem(page, "english-ui", _excerpt(text, m.start(), m.end())))
    return found


def check_html(html: str, page: str = "", laws: tuple[str, ...] = ()) -> list[Problem]:
    """Every typography problem in the visible text of one Chinese page, and its repeated sentences."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    found = [p for text in parser.texts() for p in check_text(text, page, laws)]
    return found + [Problem(page, "repeated-sentence", s[:40]) for s in repeated_sentences(parser.prose_blocks())]


SOURCES_PAGE = Path("resources") / "sources" / "index.html"  # within a language's folder


def han_pages(site: Path, lang: str) -> list[Path]:
    """The built pages of one language (its folder, without the folders of the other languages in it)."""
    root = site / folder(lang)
    others = {folder(other).rstrip("/") for other in LANGS if other != lang and folder(other)}
    return [p for p in sorted(root.rglob("*.html")) if p.relative_to(root).parts[0] not in others]


def check_site(site: Path) -> list[Problem]:
    """Every problem on every page of every Han-script language, the law titles read from its own sources page."""
    problems = []
    for lang in HAN_LANGS:
        sources = site / folder(lang) / SOURCES_PAGE
        laws = law_titles(sources.read_text(encoding="utf-8")) if sources.is_file() else ()
        for path in han_pages(site, lang):
            page = path.relative_to(site).as_posix()
            problems += check_html(path.read_text(encoding="utf-8"), page, laws)
    return problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "site", type=Path, nargs="?", default=Path("site"), help="the built site folder (default: site/)"
    )
    parser.add_argument(
        "--summary", action="store_true", help="print counts per page and kind instead of every problem"
    )


def run(args: argparse.Namespace) -> int:
    missing = [lang for lang in HAN_LANGS if not (args.site / folder(lang)).is_dir()]
    if missing:
        folders = ", ".join(f"{args.site}/{folder(lang)}" for lang in missing)
        print(f"{folders}: no Chinese pages; build the site first (make build).", file=sys.stderr)
        return 1
    problems = check_site(args.site)
    if args.summary:
        for (page, kind), n in sorted(Counter((p.page, p.kind) for p in problems).items()):
            print(f"{page}: {kind}: {n}")
    else:
        for problem in problems:
            print(problem)
    pages = sum(len(han_pages(args.site, lang)) for lang in HAN_LANGS)
    if problems:  # on GitHub Actions, also an annotation on each page's Markdown source
        annotate(
            [
                located_in_source(f"{p.page}: typography: {p.kind}: {p.excerpt}", args.site.parent / "docs")
                for p in problems
            ]
        )
        kinds = ", ".join(f"{k} {n}" for k, n in Counter(p.kind for p in problems).most_common())
        print(f"{len(problems)} Chinese typography problem(s) on {pages} pages ({kinds}).", file=sys.stderr)
        return 1
    print(f"Chinese typography OK: {pages} pages.")
    return 0
