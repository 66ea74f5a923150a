"""Find where a value is written in practice.toml, so every message can name its line.

`tomllib` reads values but not their lines. The file is simple (tables, then
`key = value` lines, ranges as inline tables or sub-tables), so a short scan
of its lines is enough: the line of `[table]`, of `key =` inside it, or of an
item of a list.
"""

from __future__ import annotations

import re

HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\s-]+?)\s*\]\s*(#.*)?$")


class TomlLines:
    """The lines of one TOML file, with lookups by table and key."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        # Each line's table ("" before the first header).
        self.table_of: list[str] = []
        table = ""
        for line in self.lines:
            match = HEADER.match(line)
            if match:
                table = re.sub(r"\s+", "", match.group(1))
            self.table_of.append(table)

    def table_line(self, table: str) -> int | None:
        """The line (from 1) of the header `[table]`, or None."""
        for number, line in enumerate(self.lines, 1):
            match = HEADER.match(line)
            if match and re.sub(r"\s+", "", match.group(1)) == table:
                return number
        return None

    def key_line(self, table: str, key: str) -> int | None:
        """The line of `key = …` in `[table]`; for `a.b`, of `b` in `[table.a]` or else of `a`."""
        head, _, rest = key.partition(".")
        if rest:
            return self.key_line(f"{table}.{head}", rest) or self.key_line(table, head)
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number, (line, line_table) in enumerate(zip(self.lines, self.table_of, strict=True), 1):
            if line_table == table and pattern.match(line):
                return number
        return self.table_line(f"{table}.{key}")

    def item_line(self, table: str, key: str, item: str) -> int | None:
        """The line where the list `key` of `[table]` names `item` (in quotes)."""
        start = self.key_line(table, key)
        if start is None:
            return None
        quoted = re.compile(rf"[\"']{re.escape(item)}[\"']")
        for number in range(start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and HEADER.match(line):
                break
            if quoted.search(line):
                return number
        return start
