"""Reading a corpus: article files and catalog in, the ``articles`` frame out.

This is the only module that reads article files. A corpus is a folder of
``.txt`` articles and an optional ``catalog.csv``. Each file either loads,
with its encoding detected, or is rejected with one line naming the problem;
a bad file never stops the others. The text is kept exactly as decoded (line
ends included) because every offset the package reports refers to it.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from charset_normalizer import from_bytes

from analysis.corpus.catalog import parse_published

# The corpus is French and English: unrestricted detection mistakes French cp1252
# for Central-European cp1250 (à → ŕ), so detection chooses among Western code pages.
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]
MAX_BYTES = 5_000_000  # larger files are almost never one article; reject them
CATALOG_NAME = "catalog.csv"


class ArticleError(Exception):
    """An article file that cannot be used, with the reason as its message."""


@dataclass
class Corpus:
    articles: pd.DataFrame  # one row per loaded article (see schemas.ARTICLES)
    texts: dict[str, str]  # file name -> original text
    rejected: pd.DataFrame  # file, reason
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)`` or raise :class:`ArticleError`.

    UTF-8 with a few stray bytes (see :func:`_utf8_with_strays`) loads with one
    U+FFFD per undecodable byte and the encoding ``utf-8 (N bytes replaced)``.
    """
    if not data.strip():
        raise ArticleError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            # The BOM is itself a valid multi-byte sequence, so it counts as UTF-8 evidence.
            lenient = _utf8_with_strays(data)
            if lenient is None:
                raise ArticleError(f"UTF-8 byte-order mark but invalid UTF-8 at byte {exc.start}") from None
            text, n = lenient
            return text[1:], _replaced_label("utf-8-sig", n)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(f"UTF-16 byte-order mark but invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = _utf8_with_strays(data)
    if lenient is not None:
        return lenient[0], _replaced_label("utf-8", lenient[1])
    best = from_bytes(data[:200_000], cp_isolation=WESTERN_ENCODINGS).best()
    if best is None or best.encoding is None:
        raise ArticleError("not UTF-8 and no other text encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise ArticleError(f"not UTF-8; best guess {best.encoding} does not decode it") from None
    if _control_ratio(text) > 0.01:
        raise ArticleError(f"not UTF-8; decodes as {best.encoding} only into control characters (binary?)")
    return text, best.encoding


# UTF-8 with stray bytes is recorded as "utf-8 (3 bytes replaced)"; load_corpus reads the count back.
def _replaced_label(encoding: str, n: int) -> str:
    return f"{encoding} ({n} byte{'s' if n > 1 else ''} replaced)"


_REPLACED = re.compile(r"\((\d+) bytes? replaced\)$")
_ESCAPED = re.compile("[\udc80-\udcff]")  # undecodable bytes under errors="surrogateescape"
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _utf8_with_strays(data: bytes) -> tuple[str, int] | None:
    """``(text, replaced bytes)`` if ``data`` is UTF-8 apart from stray bytes, else ``None``.

    The rule: at least one valid multi-byte UTF-8 sequence, and no more
    undecodable bytes than valid multi-byte sequences. Reading it as UTF-8 then
    keeps more characters right than a code page would (which turns every
    multi-byte sequence into mojibake); a real cp1252 or Latin-1 file has no
    valid multi-byte sequence, or far fewer than its accented letters, and is
    left to code-page detection. Each undecodable byte becomes one U+FFFD, so
    offsets index the decoded text as usual.
    """
    text = data.decode("utf-8", "surrogateescape")
    replaced = len(_ESCAPED.findall(text))
    valid = len(_NON_ASCII.findall(text)) - replaced
    if replaced > valid:  # also when valid == 0: the strict decoding failed, so replaced > 0
        return None
    return _ESCAPED.sub("\ufffd", text), replaced


def replaced_bytes(encoding: str) -> int:
    """How many undecodable bytes the decoding recorded as ``encoding`` replaced (0 for a clean one)."""
    m = _REPLACED.search(encoding)
    return int(m.group(1)) if m else 0


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(text)


_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]*)?>")


def looks_like_html(text: str) -> bool:
    """A web page saved as .txt: an HTML preamble, or markup making up much of the text."""
    head = text[:5000]
    if _HTML.match(head):
        return True
    tags = _TAG.findall(head)
    return len(tags) >= 20 and sum(map(len, tags)) > 0.3 * len(head)


# Two different letters side by side: the least any article in any alphabetic script has.
_WORD = re.compile(r"([^\W\d_])(?!\1)[^\W\d_]")


def has_words(text: str) -> bool:
    """Whether ``text`` holds a word: two different letters side by side.

    A one-word article passes; a file of one repeated byte (``’’’…``, ``ééé…``),
    of digits, spaces or punctuation does not. Letters are Unicode letters, so
    any script counts.
    """
    return _WORD.search(text) is not None


def read_article(path: Path, max_bytes: int = MAX_BYTES, root: Path | None = None) -> tuple[str, str]:
    """Read one article file; return ``(text, encoding)`` or raise :class:`ArticleError`.

    ``root``, the corpus folder: a symbolic link leading out of it is refused.
    """
    if path.is_symlink():
        target = path.resolve()
        if root is not None and not target.is_relative_to(Path(root).resolve()):
            raise ArticleError(f"symbolic link to {target}, outside the corpus")
        if not target.exists():
            raise ArticleError(f"broken symbolic link to {target}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror})") from None
    if size > max_bytes:
        raise ArticleError(f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror})") from None
    return check_article(data)


def check_article(data: bytes) -> tuple[str, str]:
    """An article file's bytes as ``(text, encoding)``, or :class:`ArticleError` when they are no article text."""
    text, encoding = decode(data)
    if looks_like_html(text):
        raise ArticleError("an HTML page, not article text (extract its text first)")
    if not has_words(text):
        raise ArticleError("no words (no two different letters side by side), not article text")
    return text, encoding


def _title(text: str) -> str:
    for line in text.splitlines():
        if len(line.strip()) > 15:
            return line.strip()[:300]
    return ""


def article_row(name: str, text: str, encoding: str, entry: dict | None, catalogued: bool,
                where: str = "") -> tuple[dict, list[str]]:
    """One article's row of the articles frame (catalog metadata, encoding, size, hash, title), and the
    warnings it gives: bytes replaced, no catalog row. ``where`` names the file in messages."""
    where = where or name
    warnings = []
    if n := replaced_bytes(encoding):
        warnings.append(f"{where}: {n} byte(s) not valid UTF-8, each replaced by U+FFFD")
    if entry is None and catalogued:
        warnings.append(f"{name}: not in {CATALOG_NAME}; loaded with unknown metadata")
    entry = entry or {}
    parsed = parse_published(entry.get("published", "")) if entry.get("published") else None
    row = dict(entry)
    row.update({
        "file": name,
        "url": entry.get("url", ""),
        "outlet": entry.get("outlet", ""),
        "language": entry.get("language", ""),
        "published": entry.get("published", ""),
        "published_date": parsed[0] if parsed else None,
        "published_precision": entry.get("published_precision", "") if parsed else "",
        "encoding": encoding,
        "n_chars": len(text),
        "sha256": sha256_text(text),
        "title": _title(text),
    })
    return row, warnings


def sha256_text(text: str) -> str:
    """The content hash of an article: of its decoded text, so one text in two encodings is one article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def articles_frame(rows: list[dict], extra: list[str]) -> pd.DataFrame:
    """Article rows as the articles frame: the declared columns, then the catalog's ``extra`` ones."""
    from analysis.tables.schemas import ARTICLE_COLUMNS  # local: schemas imports pandera, slow to load

    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS + [c for c in extra if c not in ARTICLE_COLUMNS])
    articles["published_date"] = pd.to_datetime(articles["published_date"]).astype("datetime64[ns]")
    articles["n_chars"] = articles["n_chars"].astype("int64")
    for col in articles.columns:
        if col not in ("published_date", "n_chars"):
            articles[col] = articles[col].astype("object").fillna("").astype(str)
    return articles


def load_corpus(folder: Path, max_bytes: int = MAX_BYTES, progress=None) -> Corpus:
    """Load every article of ``folder`` with its catalog metadata, texts in memory.

    For a corpus of any size, :func:`analysis.pipeline.extract` reads it in batches instead.
    ``progress`` wraps the file iterator (for example ``tqdm``) on large corpora.
    """
    from analysis.corpus.source import Source, survey

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder")
    plan = survey(Source.of(folder))
    warnings = list(plan.warnings)
    rows, texts, rejected = [], {}, []
    seen: dict[str, str] = {}  # content hash -> first file with it
    for name in progress(plan.names) if progress else plan.names:
        try:
            text, encoding = read_article(folder / name, max_bytes, root=folder)
        except ArticleError as exc:
            rejected.append({"file": name, "reason": str(exc)})
            continue
        row, notes = article_row(name, text, encoding, plan.entries.get(name), plan.catalogued,
                                 where=str(folder / name))
        if row["sha256"] in seen:
            # Counted once: a figure repeated under two names would count twice in every chart.
            rejected.append({"file": name, "reason": f"duplicate of {seen[row['sha256']]} (same text)"})
            continue
        seen[row["sha256"]] = name
        warnings += notes
        rows.append(row)
        texts[name] = text
    articles = articles_frame(rows, plan.extra)
    return Corpus(articles, texts, pd.DataFrame(rejected, columns=["file", "reason"]), warnings)
