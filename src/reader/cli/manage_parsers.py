"""Parsers of the commands that manage the library (run in reader.cli.manage_commands)."""

from __future__ import annotations

import argparse


def add_manage_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("remove", help="move articles to the Trash (see `reader trash`)")
    p.add_argument("refs", nargs="+", metavar="REF", help="article id (or unique prefix)")

    p = sub.add_parser("trash", help="list, restore or empty the Trash")
    tsub = p.add_subparsers(dest="trash_command", metavar="ACTION", parser_class=type(p))
    tsub.required = True
    q = tsub.add_parser("list", help="list what the Trash holds")
    q.add_argument("--json", action="store_true", help="print JSON")
    q = tsub.add_parser("restore", help="put articles back in their sections")
    q.add_argument("refs", nargs="+", metavar="REF", help="article id (or unique prefix)")
    tsub.add_parser("empty", help="delete everything in the Trash for good")

    p = sub.add_parser("move", help="move articles to another section")
    p.add_argument("refs", nargs="+", metavar="REF", help="article id (or unique prefix)")
    p.add_argument(
        "--to", required=True, metavar="SECTION", help='section path, levels joined by " / "'
    )

    p = sub.add_parser("section", help="rename a section")
    ssub = p.add_subparsers(dest="section_command", metavar="ACTION", parser_class=type(p))
    ssub.required = True
    q = ssub.add_parser(
        "rename", help="rename a section (the same name in the other script merges)"
    )
    q.add_argument("section", metavar="SECTION", help='section path, levels joined by " / "')
    q.add_argument("name", metavar="NAME", help="its new name")

    p = sub.add_parser("mark", help="mark articles read or unread")
    p.add_argument("refs", nargs="+", metavar="REF", help="article id (or unique prefix)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--read", action="store_true", help="mark as read")
    group.add_argument("--unread", action="store_true", help="mark as unread")
