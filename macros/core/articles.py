"""Chinese law article numbers written every way a reader types them.

The site writes article numbers in Chinese numerals (第四十一条, or 第三十六、三十八、四十一条 for a
list); readers type 第41条 or 41条. The search index gets every form of each number found in a
page's text (macros/plugin/i18n.py), so any of them finds the page.
"""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"
_NUMERAL = "[零一二三四五六七八九十百]+"
_CHINESE = re.compile(rf"第({_NUMERAL}(?:、{_NUMERAL})*)条")
_ARABIC = re.compile(r"第?\s?(\d{1,3})\s?条")


def to_int(numeral: str) -> int | None:
    """A Chinese numeral from 1 to 999 (四十一, 十二, 一百零五) as an int; None if it is not one."""
    total, current = 0, 0
    for char in numeral:
        if char in _DIGITS:
            current = _DIGITS.index(char)
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total if 0 < total < 1000 else None


def to_chinese(number: int) -> str:
    """1..999 in Chinese numerals, as the site writes them (十一, 四十一, 一百零五)."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    out = _DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_DIGITS[ones] if ones else "")


def article_numbers(text: str) -> list[int]:
    """Every article number in `text`, in either writing, in order, without repeats."""
    found: list[int] = []
    for match in _CHINESE.finditer(text):
        found += [n for n in (to_int(part) for part in match.group(1).split("、")) if n]
    found += [int(m.group(1)) for m in _ARABIC.finditer(text) if 0 < int(m.group(1)) < 1000]
    return list(dict.fromkeys(found))


def article_aliases(text: str) -> list[str]:
    """The search words for the article numbers in `text`: 第四十一条, 第41条 and 41条 for each.

    第四十一 (without 条) too: Material splits a Chinese query at the longest words of the index
    it finds before the query's last character, so 第四十一条 is looked up as 第四十一*, which
    then matches only pages that cite that article.
    """
    return [form for n in article_numbers(text)
            for form in (f"第{to_chinese(n)}条", f"第{to_chinese(n)}", f"第{n}条", f"{n}条")]
