"""Runs every bench/*.py in its own process and prints one combined table (make bench)."""

import subprocess
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent


def main() -> int:
    print("| bench | Messgröße | Wert | Ziel |")
    print("|---|---|---|---|")
    fehler = 0
    for skript in sorted(HIER.glob("*.py")):
        if skript.name.startswith("_") or skript.name == "alle.py":
            continue
        lauf = subprocess.run(  # noqa: S603
            [sys.executable, str(skript)], capture_output=True, text=True, check=False
        )
        zeilen = [z for z in lauf.stdout.splitlines() if z.startswith("| ")]
        print("\n".join(zeilen), flush=True)
        if lauf.returncode != 0:
            fehler += 1
            print(f"| {skript.stem} | FEHLER (Exit {lauf.returncode}) | siehe unten | |")
            print(lauf.stderr[-2000:], file=sys.stderr)
    return 1 if fehler else 0


if __name__ == "__main__":
    sys.exit(main())
