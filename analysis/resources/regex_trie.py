"""One fast regex from many lexicon patterns: their literal prefixes merged into a trie.

Python's ``re`` tries the branches of an alternation one after the other, so a
gazetteer of 300 spellings costs 300 attempts at every word start. Merging the
literal beginnings of the patterns ("Mossoul", "Mosul", "Mayadine") into a
trie (``M(?:os(?:soul|ul)|ayadine)``) makes most positions fail on their first
character. The part of a pattern after its literal prefix (a character class,
an optional group) is kept as it is.
"""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[\w '’-]", re.UNICODE)
_QUANTIFIER = "?*+{"


def literal_prefix(pattern: str) -> tuple[str, str]:
    """Split ``pattern`` into its literal beginning and the regex rest."""
    i = 0
    while i < len(pattern) and _PLAIN.match(pattern[i]):
        if i + 1 < len(pattern) and pattern[i + 1] in _QUANTIFIER:
            break  # "Ass?ad": the "s" before "?" belongs to the rest
        i += 1
    return pattern[:i], pattern[i:]


def _structure(pattern: str):
    """Yield ``(index, char, depth)`` for the characters that shape a regex's groups.

    Escaped characters and character classes are skipped; ``depth`` is the group
    depth before the character.
    """
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        yield i, c, depth
        depth += (c == "(") - (c == ")")
        i += 1


def _closing(pattern: str, start: int) -> int:
    """Index of the ")" closing the group opened at ``start``."""
    for i, c, depth in _structure(pattern):
        if i > start and c == ")" and depth == 1:
            return i
    raise ValueError(f"unbalanced group in {pattern!r}")


def _top_level_options(inner: str) -> list[str]:
    """The alternatives of a pattern at its outermost level."""
    cuts = [i for i, c, depth in _structure(inner) if c == "|" and depth == 0]
    bounds = [-1] + cuts + [len(inner)]
    return [inner[a + 1:b] for a, b in zip(bounds, bounds[1:])]


def expand_leading(pattern: str, limit: int = 16) -> list[str]:
    """Spell out a pattern's non-literal beginning ("[Aa]l-", "(?:Al-)?") so a trie can use it.

    Returns the pattern unchanged when its beginning is no plain class or group,
    or when spelling it out would give more than ``limit`` variants.
    """
    if literal_prefix(pattern)[0] or not pattern:
        return [pattern]
    variants: list[str] = []
    if pattern[0] == "[" and "]" in pattern:
        end = pattern.index("]")
        chars = pattern[1:end]
        if not chars or any(c in "\\^-" for c in chars) or (end + 1 < len(pattern) and pattern[end + 1] in _QUANTIFIER):
            return [pattern]
        variants = [c + pattern[end + 1:] for c in chars]
    elif pattern.startswith("(?:"):
        try:
            end = _closing(pattern, 0)
        except ValueError:
            return [pattern]
        options = _top_level_options(pattern[3:end])
        rest = pattern[end + 1:]
        if rest.startswith("?"):
            variants = [o + rest[1:] for o in options] + [rest[1:]]
        elif rest[:1] in ("*", "+", "{"):
            return [pattern]
        else:
            variants = [o + rest for o in options]
    else:
        return [pattern]
    out: list[str] = []
    for v in variants:
        out.extend(expand_leading(v, limit))
        if len(out) > limit:
            return [pattern]
    return out


def trie_alternation(patterns: list[str]) -> str:
    """A regex matching what ``"|".join(patterns)`` matches, longer continuations tried first."""
    trie: dict = {}
    options = [o for p in patterns for o in _top_level_options(p)]
    expanded = [v for o in options for v in expand_leading(o)]
    for p in sorted(expanded, key=len, reverse=True):
        prefix, rest = literal_prefix(p)
        node = trie
        for ch in prefix:
            node = node.setdefault(ch, {})
        node.setdefault("", []).append(rest)
    return _emit(trie)


def _emit(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _wrap(_emit(node[ch])))
    rests = sorted(node.get("", []), key=len, reverse=True)
    # Continuations first, then the patterns that end (or go on as a regex) here.
    branches.extend(f"(?:{r})" if r else "" for r in rests)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _wrap(s: str) -> str:
    return s if not s or s.startswith("(?:") or len(s) == 1 else f"(?:{s})"
