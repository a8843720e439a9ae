"""Two wordings of one commitment, merged: what the later plan dropped in <del>, what it added in
<ins> (readable without colour: the browser strikes out and underlines them, and so does print).

Pure. Compared a character at a time (Chinese has no spaces to compare words by), then tidied: a
changed run shorter than MIN_RUN characters between two kept runs is shown as changed whole, so a
rewritten sentence reads as one deletion and one insertion, not as confetti.
"""

from __future__ import annotations

import difflib
from html import escape

MIN_RUN = 3  # kept runs shorter than this inside a change are shown as part of the change


def marked(before: str, after: str) -> str:
    """HTML: the later text, with the earlier text's differences marked."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    pieces: list[tuple[str, str, str]] = []  # (kind, earlier text, later text)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        kind = "same" if tag == "equal" else "change"
        old, new = before[a0:a1], after[b0:b1]
        if kind == "same" and len(old) < MIN_RUN and pieces and pieces[-1][0] == "change":
            kind = "change"
        if pieces and pieces[-1][0] == kind == "change":
            _, o, n = pieces.pop()
            old, new = o + old, n + new
        pieces.append((kind, old, new))
    out = []
    for kind, old, new in pieces:
        if kind == "same":
            out.append(escape(new))
        else:
            out.append(f"<del>{escape(old)}</del>" if old else "")
            out.append(f"<ins>{escape(new)}</ins>" if new else "")
    return "".join(out)
