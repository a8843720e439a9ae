"""An Atom feed of the archive's plans (feed.xml), newest first.

Deterministic: timestamps come from the plans' own dates (never the clock), so the same inputs give
the same bytes. Links are absolute when SITE_URL is set (the variable mkdocs.yml reads for
site_url), else relative to the site root, which feed readers resolve against the feed's URL.
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape, quoteattr

from builder import config
from builder.archive import Archive
from builder.model import Plan
from builder.render.exports import absolute, plan_url

FEED_PATH = "feed.xml"
SITE_NAME = "教育工作要点档案"
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/workplan-archive")  # stable entry ids


def feed_files(archive: Archive) -> dict[str, str]:
    return {FEED_PATH: atom_feed(archive, config.site_url())}


def _timestamp(plan: Plan) -> str:
    """The plan's date at midnight Beijing time; 1 January of its year if the date is unknown."""
    return f"{plan.meta.date or f'{plan.meta.year}-01-01'}T00:00:00+08:00"


def _newest_first(archive: Archive) -> list[Plan]:
    return sorted(archive.plans, key=lambda p: (_timestamp(p), p.meta.id), reverse=True)


def atom_feed(archive: Archive, site_url: str = "") -> str:
    """An Atom feed of every plan, newest first."""
    plans = _newest_first(archive)
    updated = _timestamp(plans[0]) if plans else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        f"  <title>{escape(SITE_NAME)}</title>",
        "  <subtitle>新收录的教育工作要点（按成文日期，新的在前）</subtitle>",
        f"  <id>urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed')}</id>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(absolute(site_url, FEED_PATH))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(absolute(site_url, "") or "./")}/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(SITE_NAME)}</name></author>",
    ]
    for plan in plans:
        m = plan.meta
        summary = f"{'、'.join(m.issuers)}，{' '.join(m.region)}，{m.year}年，共{len(plan.items)}条。"
        if m.doc_number:
            summary += f"文号：{m.doc_number}。"
        lines += [
            "  <entry>",
            f"    <title>{escape(m.title)}</title>",
            f"    <id>urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'plan/' + m.id)}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(absolute(site_url, plan_url(plan)))}/>',
            f"    <updated>{_timestamp(plan)}</updated>",
            f"    <published>{_timestamp(plan)}</published>",
            *(f"    <author><name>{escape(issuer)}</name></author>" for issuer in m.issuers),
            *(f"    <category term={quoteattr(name)}/>" for name in m.region),
            f"    <summary>{escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
