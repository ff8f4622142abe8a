"""python -m sessions_app.allocation INSTANCE.json  (or - for standard input): print the result JSON."""

from __future__ import annotations

import argparse
import json
import sys

from . import solve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sessions_app.allocation",
        description="Optimal allocation of participants to tables over rotations; prints the result as JSON.",
    )
    parser.add_argument("instance", help="instance JSON file, or - to read standard input")
    parser.add_argument("--no-baselines", action="store_true", help="skip the FCFS and RSD baselines")
    parser.add_argument("--indent", type=int, default=None, help="indent the JSON output")
    args = parser.parse_args(argv)
    try:
        if args.instance == "-":
            data = json.load(sys.stdin)
        else:
            with open(args.instance, encoding="utf-8") as fh:
                data = json.load(fh)
    except OSError as exc:
        print(f"error: cannot read {args.instance}: {exc.strerror}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        print(f"error: {args.instance} is not valid JSON: {exc}", file=sys.stderr)
        return 2
    try:
        result = solve(data, with_baselines=not args.no_baselines)
    except ValueError as exc:
        print(f"error: invalid instance: {exc}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=args.indent, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
