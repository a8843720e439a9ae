"""Two wordings of one commitment, merged: what the later plan dropped in <del>, what it added in
<ins> (readable without colour: the browser strikes out and underlines them, and so does print).

Pure. Compared a clause at a time (a clause ends at ，。；：！？ or a line break): a clause kept
word for word is plain, a rewritten one reads as one deletion and one insertion, not as confetti.
Where one clause replaces one clause, the two are compared a character at a time (89% → 92%
marks only the figure). Clause by clause also keeps it fast: at 1,000 plans a character-by-
character comparison of every aligned pair took 25 s of the build.
"""

from __future__ import annotations

import difflib
import re
from html import escape

_CLAUSE = re.compile(r"[^，。；：！？\n]*[，。；：！？\n]|[^，。；：！？\n]+$")
MIN_RUN = 3  # inside one clause, kept runs shorter than this are shown as part of the change


def marked(before: str, after: str) -> str:
    """HTML: the later text, with the earlier text's differences marked."""
    old, new = _clauses(before), _clauses(after)
    out = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(escape("".join(new[b0:b1])))
        elif tag == "replace" and a1 - a0 == b1 - b0:
            out.extend(_within(o, n) for o, n in zip(old[a0:a1], new[b0:b1], strict=True))
        else:
            out.append(_change("".join(old[a0:a1]), "".join(new[b0:b1])))
    return "".join(out)


def _clauses(text: str) -> list[str]:
    return _CLAUSE.findall(text)


def _change(old: str, new: str) -> str:
    return (f"<del>{escape(old)}</del>" if old else "") + (f"<ins>{escape(new)}</ins>" if new else "")


def _within(before: str, after: str) -> str:
    """One clause against the one that replaced it, a character at a time."""
    pieces: list[tuple[bool, str, str]] = []  # (changed, earlier text, later text)
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        changed = tag != "equal"
        old, new = before[a0:a1], after[b0:b1]
        if not changed and len(old) < MIN_RUN and pieces and pieces[-1][0]:
            changed = True
        if changed and pieces and pieces[-1][0]:
            _, o, n = pieces.pop()
            old, new = o + old, n + new
        pieces.append((changed, old, new))
    return "".join(_change(old, new) if changed else escape(new) for changed, old, new in pieces)
