"""``testimony self-test``: run every service against a throw-away vault, one line per check."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.errors import UsageError
from cli import selftest
from cli.context import Context


def register(sub: Any) -> None:
    p = sub.add_parser(
        "self-test",
        help="check that this installation works (throw-away vault; no real vault is touched)",
        description="Run every service end to end in a temporary folder that is always deleted, "
                    "printing one PASS/FAIL line per check. Exit 0 only if all pass.",
    )
    p.add_argument("--check", action="append", default=[], metavar="NAME",
                   help="run only this check (repeatable); see --list")
    p.add_argument("--list", action="store_true", help="list the checks and exit")
    p.set_defaults(func=cmd_self_test)


def cmd_self_test(ctx: Context, args: argparse.Namespace) -> int:
    if args.list:
        for name in selftest.check_names():
            print(name)
        return 0
    try:
        checks = selftest.select_checks(args.check) if args.check else None
    except ValueError as exc:
        raise UsageError(
            f"There is no self-test check named '{exc.args[0]}'; "
            f"choose from: {', '.join(selftest.check_names())}.") from exc

    def report(result: selftest.CheckResult) -> None:
        print(result.line(), flush=True)

    results = selftest.run_checks(checks, report=report)
    failed = [r.name for r in results if not r.ok]
    seconds = sum(r.seconds for r in results)
    if failed:
        sys.stderr.write(f"testimony: self-test failed ({len(failed)} of {len(results)} checks: "
                         f"{', '.join(failed)}); do not use this installation for testimony, "
                         "report the FAIL lines above.\n")
        return 1
    print(f"All {len(results)} checks passed in {seconds:.1f} s.")
    return 0
