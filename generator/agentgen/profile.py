"""Read an agent profile: YAML front matter plus a Markdown body, with line numbers for everything.

Real profiles are messy (see the corpus README): front matter that is not valid YAML, a closing `---` that
shares its line with text, no front matter at all, CRLF, a BOM, no final newline. Strict YAML is tried
first; where it fails, the fields are recovered line by line and a warning names the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from agentgen.errors import AgentgenError
from agentgen.files import read_bounded

MAX_BYTES = 1024 * 1024

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_CLOSE_WITH_TEXT = re.compile(r"^---[ \t]+(?P<rest>\S.*)$")
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(?P<value>.*)|[ \t]*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Block:
    """One unit of text the inference reads: a front-matter field, a heading, a paragraph, a bullet, a code block."""

    kind: str
    text: str
    line: int
    section: tuple[str, ...] = ()
    language: str = ""

    def line_of(self, offset: int) -> int:
        """File line of the character at `offset` in `text`."""
        return self.line + self.text.count("\n", 0, offset)


@dataclass(frozen=True)
class Tree:
    """A directory tree drawn in a code block, turned into paths."""

    line: int
    paths: tuple[str, ...]
    dirs: tuple[str, ...]


@dataclass
class Profile:
    path: Path | None
    raw: bytes
    meta: dict[str, Any]
    meta_lines: dict[str, int]
    blocks: list[Block] = field(default_factory=list)
    trees: list[Tree] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        value = self.meta.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
        return self.path.stem if self.path else "agent"

    @property
    def description(self) -> str:
        value = self.meta.get("description")
        return "" if value is None else str(value).strip()

    @property
    def sections(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    @property
    def code_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "code"]

    @property
    def bullets(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "bullet"]


def read_profile(path: Path) -> Profile:
    """Read a profile file; refuse what cannot be a profile with an AgentgenError."""
    if not path.exists():
        raise AgentgenError(f"{path}: no such file")
    if path.is_dir():
        raise AgentgenError(f"{path}: is a directory, not a profile file")
    return parse_profile(read_bounded(path, MAX_BYTES), path)


def parse_profile(raw: bytes, path: Path | None = None) -> Profile:
    where = str(path) if path else "profile"
    if len(raw) > MAX_BYTES:
        raise AgentgenError(f"{where}: larger than the 1 MiB a profile may have")
    if b"\x00" in raw:
        raise AgentgenError(f"{where}: binary content, not a Markdown profile")
    warnings: list[str] = []
    text = _decode(raw, where, warnings)
    if not text.strip():
        raise AgentgenError(f"{where}: the file is empty")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 20):
        raise AgentgenError(f"{where}: binary content, not a Markdown profile")

    lines = inert(text).split("\n")
    meta, meta_lines, body_lines, body_start = _split_front_matter(lines, warnings)
    try:
        meta = _inert_values(meta)
    except RecursionError:
        raise AgentgenError(f"{where}: front matter nested too deeply to be read") from None
    profile = Profile(path=path, raw=raw, meta=meta, meta_lines=meta_lines, warnings=warnings)
    profile.blocks.extend(_meta_blocks(meta, meta_lines))
    _read_body(profile, body_lines, body_start)
    return profile


_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """Text safe to print on a terminal: control characters (escape sequences) become visible U+FFFD."""
    return _TERMINAL_CONTROL.sub("\ufffd", text)


def _inert_values(value: Any) -> Any:
    """The front matter with every string made inert (YAML escapes such as "\\e" make control characters too)."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, dict):
        return {_inert_values(k): _inert_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_inert_values(v) for v in value]
    return value


def _decode(raw: bytes, where: str, warnings: list[str]) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        warnings.append(f"{where}: not UTF-8 (byte {err.start}); decoded as Latin-1")
        text = raw.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(lines: list[str], warnings: list[str]) -> tuple[dict[str, Any], dict[str, int], list[str], int]:
    """Return (meta, line of each key, body lines, file line of the first body line)."""
    if not lines or not _OPEN.match(lines[0]):
        return {}, {}, lines, 1
    for index in range(1, len(lines)):
        line = lines[index]
        if _CLOSE.match(line):
            body, body_start = lines[index + 1 :], index + 2
            break
        shared = _CLOSE_WITH_TEXT.match(line)
        if shared:
            warnings.append(f"line {index + 1}: front matter closes on the same line as text; read the text as body")
            body, body_start = [shared["rest"], *lines[index + 1 :]], index + 1
            break
    else:
        warnings.append("line 1: front matter is never closed; read the whole file as body")
        return {}, {}, lines[1:], 2
    fm_lines = lines[1:index]
    meta, meta_lines = _parse_front_matter(fm_lines, warnings)
    return meta, meta_lines, body, body_start


def _key_lines(fm_lines: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for offset, line in enumerate(fm_lines):
        match = _KEY.match(line)
        if match and match["key"] not in found:
            found[match["key"]] = offset + 2
    return found


def _parse_front_matter(fm_lines: list[str], warnings: list[str]) -> tuple[dict[str, Any], dict[str, int]]:
    key_lines = _key_lines(fm_lines)
    source = "\n".join(fm_lines)
    try:
        data = yaml.safe_load(source) if source.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(err, "problem", None) or "invalid YAML"
        warnings.append(f"line {line}: front matter is not valid YAML ({problem}); fields read leniently")
    except Exception as err:  # noqa: BLE001 - PyYAML raises more than YAMLError on hostile input
        warnings.append(f"line 2: front matter could not be read as YAML ({type(err).__name__}); fields read leniently")
    else:
        if data is None:
            return {}, key_lines
        if isinstance(data, dict):
            return {str(k): v for k, v in data.items()}, key_lines
        warnings.append("line 2: front matter is not a mapping; fields read leniently")
    return _lenient_front_matter(fm_lines), key_lines


def _lenient_front_matter(fm_lines: list[str]) -> dict[str, Any]:
    """Recover `key: value` fields where the whole block is not YAML (typically an unquoted `: ` in a value)."""
    fields: list[tuple[str, list[str]]] = []
    for line in fm_lines:
        match = _KEY.match(line)
        if match and not line[:1].isspace():
            fields.append((match["key"], [match["value"] or ""]))
        elif fields:
            fields[-1][1].append(line)
    meta: dict[str, Any] = {}
    for key, values in fields:
        meta[key] = _lenient_value(key, values)
    return meta


def _lenient_value(key: str, values: list[str]) -> Any:
    chunk = f"{key}: {values[0]}\n" + "\n".join(values[1:])
    try:
        parsed = yaml.safe_load(chunk)
        if isinstance(parsed, dict) and key in parsed:
            return parsed[key]
    except Exception:  # noqa: BLE001, S110 - fall back to the raw text below
        pass
    text = " ".join(v.strip() for v in values if v.strip())
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    return text


def _meta_blocks(meta: dict[str, Any], meta_lines: dict[str, int]) -> list[Block]:
    blocks = []
    for key in ("name", "description"):
        value = meta.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            blocks.append(Block(kind=key, text=str(value), line=meta_lines.get(key, 1)))
    return blocks


def _read_body(profile: Profile, lines: list[str], first_line: int) -> None:
    from markdown_it import MarkdownIt  # lazy: only reading needs it

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse("\n".join(lines))
    path: list[tuple[int, str]] = []
    list_depth = 0
    for index, token in enumerate(tokens):
        start = first_line + (token.map[0] if token.map else 0)
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "heading_open":
            level = int(token.tag[1:])
            title = tokens[index + 1].content.strip()
            path = [*[p for p in path if p[0] < level], (level, title)]
            profile.blocks.append(Block("heading", title, start, tuple(t for _, t in path[:-1])))
        elif token.type == "inline" and tokens[index - 1].type in ("paragraph_open", "th_open", "td_open"):
            kind = "bullet" if list_depth else "table" if tokens[index - 1].type != "paragraph_open" else "paragraph"
            opener = tokens[index - 1]
            line = first_line + (opener.map[0] if opener.map else _row_line(tokens, index))
            profile.blocks.append(Block(kind, token.content, line, tuple(t for _, t in path)))
        elif token.type in ("fence", "code_block"):
            language = token.info.strip().split(" ")[0].lower() if token.info else ""
            body_line = start + (1 if token.type == "fence" else 0)
            profile.blocks.append(Block("code", token.content, body_line, tuple(t for _, t in path), language))
            tree = parse_tree(token.content, language)
            if tree:
                paths, dirs = tree
                profile.trees.append(Tree(body_line, paths, dirs))
        elif token.type == "html_block":
            profile.blocks.append(Block("html", token.content, start, tuple(t for _, t in path)))


def _row_line(tokens: list[Any], index: int) -> int:
    """Table cells carry no line map; their row does."""
    for back in range(index, -1, -1):
        if tokens[back].type == "tr_open" and tokens[back].map:
            return int(tokens[back].map[0])
    return 0


# ---- directory trees ----------------------------------------------------------------------------------------

_GLYPHS = re.compile(r"[│├└┌┬┼─┃┣┗]|^\s*[|`+]--")
_PREFIX = re.compile(r"^[\s│├└┌┬┼─┃┣┗━|`+\-*\u00a0]*")
_NAME = re.compile(r"^[\w.@\[\]{}()+~$-][\w.@\[\]{}()+~$/-]*/?$")
# After a name, a row may carry only a comment: `# ...`, `// ...`, `<- ...`, `- ...`, `(...)`, or text after 2+ spaces.
_COMMENT = re.compile(r"^(?:\s*$|\s+(?:#|//|<-|<--|←|-|\u2013|\u2014|\()|\s{2,}\S)")
_TREE_LANGUAGES = {"", "text", "txt", "plaintext", "plain", "tree", "none", "ascii", "console", "bash", "sh", "shell"}
_KNOWN_FILES = {
    "makefile",
    "dockerfile",
    "procfile",
    "gemfile",
    "rakefile",
    "license",
    "readme",
    "justfile",
    "jenkinsfile",
}


def parse_tree(text: str, language: str = "") -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Turn a directory-tree drawing into (paths, directories), or None when the block is not a tree."""
    if language not in _TREE_LANGUAGES:
        return None
    rows = [line.expandtabs(4).rstrip() for line in text.split("\n")]
    rows = [row for row in rows if row.strip() and row.strip() not in ("...", "…", "│", "|")]
    entries = [entry for entry in map(_tree_entry, rows) if entry]
    if len(entries) < 2 or len(rows) - len(entries) > len(rows) // 5:
        return None
    if not any(name.endswith("/") or "/" in name or "." in name.lstrip(".") for _, name in entries):
        return None
    if not any(_GLYPHS.search(row) for row in rows) and not any(name.endswith("/") for _, name in entries):
        return None

    paths: list[str] = []
    dirs: list[str] = []
    stack: list[tuple[int, str]] = []
    for column, name in entries:
        while stack and stack[-1][0] >= column:
            stack.pop()
        parent = "/".join(n for _, n in stack)
        clean = name.strip("/")
        full = f"{parent}/{clean}" if parent else clean
        paths.append(full)
        if name.endswith("/") or _looks_like_dir(clean):
            _add_dir(dirs, full)
        if parent:
            _add_dir(dirs, parent)
        stack.append((column, clean))
    return tuple(paths), tuple(dirs)


def _tree_entry(row: str) -> tuple[int, str] | None:
    prefix = _PREFIX.match(row)
    column = prefix.end() if prefix else 0
    rest = row[column:]
    token = rest.split(maxsplit=1)[0] if rest.strip() else ""
    if not token or not _NAME.match(token) or not _COMMENT.match(rest[len(token) :]):
        return None
    return column, token


def _looks_like_dir(name: str) -> bool:
    leaf = name.rsplit("/", 1)[-1]
    return "." not in leaf.lstrip(".") and leaf.lower() not in _KNOWN_FILES and not leaf.startswith(".")


def _add_dir(dirs: list[str], path: str) -> None:
    parts = path.split("/")
    for end in range(1, len(parts) + 1):
        prefix = "/".join(parts[:end])
        if prefix and prefix not in dirs:
            dirs.append(prefix)
