"""HTML pages: the main content as text blocks (headings, paragraphs, list items, table rows).

Navigation, headers, footers, scripts, forms and cookie/comment/share widgets are left out; <main>,
[role=main] or <article> is preferred when the page has one. Headings and list items become `structure`
spans in raw offsets.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from textsamverkan.errors import E_EMPTY, E_MALFORMED, ReadError
from textsamverkan.ingest.readers.base import (
    ReadOptions,
    TextBlock,
    assemble_blocks,
    decode_text,
    looks_binary,
    read_bytes,
)
from textsamverkan.model import RawDocument, Span

_Element = etree._Element

# Elements that never hold main content. `header` is handled apart: it is page furniture only outside
# article/aside/main/nav/section (the ARIA "banner" rule); inside an article it holds the article's title.
_DROP_TAGS = frozenset({
    "nav", "footer", "aside", "script", "style", "noscript", "form", "iframe", "svg", "button", "template",
    "head", "title", "meta", "link", "object", "embed", "canvas", "select", "textarea", "input", "dialog",
    "audio", "video", "map",
})
_DROP_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
    "menubar", "toolbar",
})
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
# Cookie banners, comment sections, share buttons and div-built menus, sidebars and footers by their usual
# class or id names. Words that are common in content (e.g. "social" in "socialtjanst") count only as whole
# parts of a name split at '-', '_' or ' '.
_WIDGET = re.compile(
    r"cookie|consent|gdpr|disqus"
    r"|(?:^|[-_\s])(?:comments?|comment-?(?:list|form|section|area)|share|sharing|sharebar|share-?buttons?"
    r"|social-?(?:media|links|icons|share|buttons?)|breadcrumbs?|skip-?(?:link|to-content)|newsletter"
    r"|related-?(?:articles|posts|links|content)|kommentarer?|nav|navbar|navigation|menu|sidebar|footer"
    r"|site-?header|masthead)(?=$|[-_\s])",
    re.IGNORECASE,
)
_NEVER_WIDGET = frozenset({"html", "body", "main", "article"})  # e.g. <body class="cookie-consent-open">
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot"})
_PARAGRAPHS = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "header", "blockquote", "figure", "figcaption",
    "address", "details", "summary", "center", "hgroup", "fieldset", "legend", "dl", "dt", "dd", "caption",
    "hr", "pre", "li", "tr", "td", "th",
})
_BLOCKISH = _PARAGRAPHS | _HEADINGS | _LISTS | _TABLE_PARTS
_BULLET_CHARS = ("•", "◦", "▪", "‣", "·", "- ", "– ", "— ", "* ")

_WS = re.compile(r"[ \t\n\r\f\v]+")
_SPACES = re.compile(r" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
# HTML treats these labels as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"iso8859-1", "latin-1", "ascii", "cp1252"})

_EMPTY_HINT = ("Check that the page was saved with its content (not only a JavaScript shell); "
               "or save the page as PDF or text and ingest that.")


def read(path: Path, options: ReadOptions) -> Iterator[RawDocument]:
    data = read_bytes(path, options)
    text, notes = _decode(data, path, options)
    root, fatal = _parse(text, path)
    blocks = _main_blocks(root)
    if fatal and not blocks:
        raise ReadError(str(path), E_MALFORMED, f"the HTML cannot be parsed ({fatal})",
                        "Open it in a browser and save it again, or save it as PDF or text.")
    if fatal:
        notes.append(f"the HTML parser gave up part-way ({fatal}); text after that point is missing")
    if not blocks:
        raise ReadError(str(path), E_EMPTY,
                        "no readable text: the page holds only markup, scripts or navigation", _EMPTY_HINT)
    body, structure = _assemble(blocks)
    metadata = _metadata(root, text)
    yield RawDocument(source_path=str(path), text=body, format="html", metadata=metadata,
                      structure=structure, notes=notes)


# -- decoding ------------------------------------------------------------------------------------------------


def _decode(data: bytes, path: Path, options: ReadOptions) -> tuple[str, list[str]]:
    """Decode with the page's <meta charset> when it declares a legacy charset that fits the bytes, else
    like a text file (UTF-8, BOM, CP1252 detection)."""
    match = None if options.encoding else _META_CHARSET.search(data[:4096])
    label = match.group(1).decode("ascii") if match else ""
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if label and not data.startswith(boms) and not looks_binary(data):
        declared = _declared_encoding(data, label)
        if declared:
            return declared
    text, encoding, notes = decode_text(data, path, options)
    if label and _codec_name(label) not in (None, "utf-8") and encoding == "utf-8" and not data.isascii():
        notes.append(f"the page declares charset={label}, but its bytes are UTF-8; read as UTF-8")
    return text, notes


def _codec_name(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def _declared_encoding(data: bytes, label: str) -> tuple[str, list[str]] | None:
    """(text, notes) decoded with a declared single-byte or legacy charset; None to fall back to detection."""
    name = _codec_name(label)
    if name is None or name.startswith("utf") or data.isascii():
        return None  # decode_text does UTF-8 (reporting damage); a UTF-16 label written in ASCII is wrong
    try:
        data.decode("utf-8")
        return None  # valid non-ASCII UTF-8 is never meant as a legacy charset: the label is wrong
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(name), [f"decoded as {name}, as the page's <meta charset> declares"]
    except (UnicodeDecodeError, LookupError):
        return None


# -- parsing -------------------------------------------------------------------------------------------------


def _parse(text: str, path: Path) -> tuple[_Element, str]:
    """The document's root element, and the parser's fatal error ("" when none): libxml2 recovers from broken
    markup, but stops at resource limits (e.g. elements nested over 2,048 deep)."""
    text = _CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        raise ReadError(str(path), E_EMPTY, "no readable text: the page is blank", _EMPTY_HINT)
    # huge_tree: without it libxml2 silently drops the content after an attribute over 10 MB.
    # etree's parser rather than lxml.html's: plain elements, without the per-element class lookup.
    parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text, parser)
    except (etree.LxmlError, ValueError) as exc:
        raise ReadError(str(path), E_MALFORMED, f"the HTML cannot be parsed ({exc})",
                        "Open it in a browser and save it again, or save it as PDF or text.") from exc
    if root is None:  # nothing but comments or whitespace
        raise ReadError(str(path), E_EMPTY, "no readable text: the page holds no elements", _EMPTY_HINT)
    fatal = [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]
    if not fatal:
        return root, ""
    message = re.sub(r",? *use XML_PARSE_HUGE option", "", fatal[0].message).strip()
    return root, f"line {fatal[0].line}: {message}"


def _tag(el: _Element) -> str | None:
    """The lower-case tag name, or None for comments, processing instructions and entities."""
    return el.tag.lower() if isinstance(el.tag, str) else None


def _dropped(el: _Element) -> bool:
    """True for page furniture: navigation, scripts, forms, hidden elements, cookie/comment/share widgets."""
    tag = _tag(el)
    if tag is None:
        return True
    if tag in _DROP_TAGS:
        return True
    if tag == "header":
        return not any(_tag(a) in _SECTIONING or _is_main(a) for a in el.iterancestors())
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE.search((el.get("style") or "")[:2000]):
        return True
    roles = (el.get("role") or "").lower().split()
    if any(role in _DROP_ROLES for role in roles):
        return True
    if tag in _NEVER_WIDGET:
        return False
    names = f"{(el.get('class') or '')[:1000]} {(el.get('id') or '')[:1000]}"
    if not _WIDGET.search(names):
        return False
    # A layout container named e.g. "page has-sidebar" holds the content itself: keep it.
    return next(el.iterdescendants("main", "article", "h1"), None) is None


def _is_main(el: _Element) -> bool:
    return _tag(el) == "main" or "main" in (el.get("role") or "").lower().split()


def _outermost(elements: list[_Element]) -> list[_Element]:
    """Those elements that are neither inside another one of them nor inside page furniture."""
    chosen = set(elements)
    return [el for el in elements
            if not any(a in chosen or _dropped(a) for a in el.iterancestors())]


def _main_blocks(root: _Element) -> list[_Block]:
    """Blocks of the page's main content: <main>/[role=main] first, then <article>s, then the whole body."""
    mains = [el for el in root.iter() if _tag(el) is not None and _is_main(el)]
    articles = [el for el in root.iter("article")]
    body = root.find("body")
    for group in (_outermost(mains), _outermost(articles), [body if body is not None else root]):
        extractor = _Extractor()
        for container in group:
            if not _dropped(container):
                extractor.walk(container)
        if extractor.blocks:
            return extractor.blocks
    return []


def _layout_table(table: _Element) -> bool:
    """True for a table used for page layout rather than data: role=presentation, or it holds headings,
    lists or tables, or a cell with several paragraphs."""
    if (table.get("role") or "").strip().lower() in ("presentation", "none"):
        return True
    if next(table.iterdescendants("table", "ul", "ol", *_HEADINGS), None) is not None:
        return True
    return any(sum(1 for child in cell if _tag(child) in ("p", "div", "blockquote", "pre")) > 1
               for cell in table.iterdescendants("td", "th"))


# -- block extraction ----------------------------------------------------------------------------------------


_Block = TextBlock


@dataclass
class _Context:
    kind: str  # root | para | heading | bullet | list | table | row | pre | layout (a layout table's part)
    level: int = 0
    emitted: bool = False
    cells: int = 0


_ENTER, _EXIT, _TAIL = 0, 1, 2


class _Extractor:
    """Walks an element tree (iteratively: hostile pages nest deeply) and collects text blocks."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self._buf: list[str] = []
        self._ctx: list[_Context] = [_Context("root")]
        self._pre_depth = 0

    def walk(self, container: _Element) -> None:
        stack: list[tuple[int, _Element, str]] = [(_ENTER, container, "")]
        while stack:
            op, el, action = stack.pop()
            if op == _TAIL:
                self._text(el.tail)
                continue
            if op == _EXIT:
                self._exit(el, action)
                continue
            if el is not container and el.tail:
                stack.append((_TAIL, el, ""))
            if _dropped(el):
                continue
            action = self._enter(el)
            stack.append((_EXIT, el, action))
            self._text(el.text)
            stack.extend((_ENTER, child, "") for child in reversed(el))
        self._flush()

    def _enter(self, el: _Element) -> str:
        tag = _tag(el) or ""
        top = self._ctx[-1]
        if tag == "br":
            self._buf.append("\n")
            return "inline"
        if tag in ("td", "th") and top.kind == "row":
            if top.cells:
                self._buf.append(" | ")
            top.cells += 1
            return "inline"
        if tag not in _BLOCKISH or top.kind == "pre":
            return "inline"
        if top.kind in ("heading", "row"):
            self._buf.append(" ")
            return "space"
        if top.kind == "bullet" and tag not in _LISTS and tag not in _TABLE_PARTS and tag not in ("li", "tr"):
            self._buf.append("\n")
            return "newline"
        self._flush()
        if tag in _HEADINGS:
            self._ctx.append(_Context("heading", level=int(tag[1])))
        elif tag == "li":
            self._ctx.append(_Context("bullet"))
        elif tag in _LISTS:
            self._ctx.append(_Context("list"))
        elif tag in _TABLE_PARTS or tag in ("tr", "td", "th"):
            # A layout table (old pages built with tables) is read like divs; a data table a row per line.
            layout = _layout_table(el) if tag == "table" else top.kind == "layout"
            kind = "layout" if layout else "row" if tag == "tr" else "table" if tag in _TABLE_PARTS else "para"
            self._ctx.append(_Context(kind))
        elif tag == "pre":
            self._ctx.append(_Context("pre"))
            self._pre_depth += 1
        else:
            self._ctx.append(_Context("para"))
        return "block"

    def _exit(self, el: _Element, action: str) -> None:
        if action == "space":
            self._buf.append(" ")
        elif action == "newline":
            self._buf.append("\n")
        elif action == "block":
            self._flush()
            if self._ctx.pop().kind == "pre":
                self._pre_depth -= 1

    def _text(self, text: str | None) -> None:
        if text:
            self._buf.append(text.replace("\r\n", "\n") if self._pre_depth else _WS.sub(" ", text))

    def _flush(self) -> None:
        """Turn the text gathered so far into blocks of the current context's kind."""
        raw = "".join(self._buf)
        self._buf.clear()
        if not raw.strip():
            return
        ctx = self._ctx[-1]
        if ctx.kind == "pre":
            lines = [line.rstrip() for line in raw.split("\n")]
            self._add(ctx, "pre", "\n".join(lines).strip("\n"))
            return
        lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
        if ctx.kind in ("heading", "bullet", "row"):
            kind = "item" if ctx.kind == "bullet" and ctx.emitted else ctx.kind
            self._add(ctx, kind, "\n".join(line for line in lines if line))
            return
        paragraph: list[str] = []
        for line in [*lines, ""]:  # an empty line (two <br>s) ends a paragraph
            if line:
                paragraph.append(line)
            elif paragraph:
                self._add(ctx, "para", "\n".join(paragraph))
                paragraph = []

    def _add(self, ctx: _Context, kind: str, text: str) -> None:
        if text.strip():
            self.blocks.append(_Block(kind, text, ctx.level))
            ctx.emitted = True


def _assemble(blocks: list[_Block]) -> tuple[str, list[Span]]:
    """Join blocks, list items and table rows one per line, everything else separated by a blank line."""
    return assemble_blocks(
        blocks,
        tight=lambda previous, kind: {previous, kind} <= {"bullet", "item"} or previous == kind == "row",
        has_marker=lambda text: text.startswith(_BULLET_CHARS),
    )


# -- metadata ------------------------------------------------------------------------------------------------


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta_property(root: _Element, name: str) -> str:
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == name:
            value = _clean(meta.get("content"))
            if value:
                return value
    return ""


def _metadata(root: _Element, text: str) -> dict[str, str]:
    """Title (<title>, og:title or first <h1>), URL (canonical link, og:url or 'saved from'), language."""
    metadata: dict[str, str] = {}
    head_title = root.find("head/title")
    title = _clean("".join(map(str, head_title.itertext())) if head_title is not None else "")
    if not title:
        title = _meta_property(root, "og:title")
    if not title:
        h1 = next(root.iter("h1"), None)
        title = _clean("".join(map(str, h1.itertext())) if h1 is not None else "")
    if title:
        metadata["title"] = title
    url = ""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and _clean(link.get("href")):
            url = _clean(link.get("href"))
            break
    if not url:
        url = _meta_property(root, "og:url")
    if not url and (saved := _SAVED_FROM.search(text[:4096])):
        url = saved.group(1)
    if url:
        metadata["url"] = url
    language = _clean(root.get("lang") or root.get("xml:lang"))
    if language:
        metadata["language"] = language
    return metadata
