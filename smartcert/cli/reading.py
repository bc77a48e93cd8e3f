"""In what groups `smartcert extract` reads its files. A PDF of many pages is read in parts on
every core (`extractors.api.reads_in_parts`), so it is read alone; the others (a form of a
few pages, a workbook) take one worker each, and read one at a time they left the other
cores idle: they are read side by side, each joined by the next such files in the order
given. The records are still written in the order given (`commands.cmd_extract`)."""

from __future__ import annotations


def reading_groups(in_parts: list[bool], width: int) -> list[list[int]]:
    """Indexes of the files, grouped to be read side by side, groups in the order given:
    a file read in parts alone; a file read whole with up to `width - 1` of the next files
    read whole that no earlier group took."""
    taken = [False] * len(in_parts)
    groups: list[list[int]] = []
    for i, parts in enumerate(in_parts):
        if taken[i]:
            continue
        group = [i]
        if not parts:
            for j in range(i + 1, len(in_parts)):
                if len(group) >= width:
                    break
                if not in_parts[j] and not taken[j]:
                    taken[j] = True
                    group.append(j)
        groups.append(group)
    return groups
