#!/usr/bin/env python3
"""Refresh the real output shown in README.md.

Every fenced block that follows a line ``<!-- run: COMMAND -->`` is replaced by
``$ COMMAND`` and what the command prints, run from the repository's root, so
the tour always shows what the code does today. ``--check`` exits 1 instead of
writing when the README is out of date.

usage: python scripts/update_readme.py [--check]
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- run: (?P<cmd>.+?) -->\n)```(?P<lang>\w*)\n.*?```", re.S)


def run(cmd: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"}
    shown = cmd.replace("kg ", f"{sys.executable} -m kg ", 1) if cmd.startswith("kg ") else cmd
    done = subprocess.run(shown, shell=True, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    if done.returncode not in (0, 1):
        raise SystemExit(f"`{cmd}` failed ({done.returncode}):\n{done.stderr}")
    return done.stdout.rstrip()


def refresh(text: str) -> str:
    def block(m: re.Match[str]) -> str:
        return f"{m.group(1)}```{m.group('lang')}\n$ {m.group('cmd')}\n{run(m.group('cmd'))}\n```"

    return BLOCK.sub(block, text)


def main() -> int:
    path = ROOT / "README.md"
    old = path.read_text(encoding="utf-8")
    new = refresh(old)
    if "--check" in sys.argv[1:]:
        return int(new != old)
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
