"""Golden (regression) outputs of the samples: ``samples/NAME.txt`` → ``samples/NAME.expected.json``.

Run ``python tests/golden.py --update`` after a deliberate change of output, read the
diff (``git diff samples/``), and commit it with the change that caused it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def expected_path(txt: Path) -> Path:
    return txt.with_name(txt.stem + ".expected.json")


def render(txt: Path) -> str:
    from newsx import analyze

    a = analyze(txt.read_text(encoding="utf-8"), source=f"samples/{txt.name}")
    return json.dumps(a.to_dict(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    if "--update" not in sys.argv[1:]:
        print(__doc__)
        return 2
    for txt in sorted(SAMPLES.glob("*.txt")):
        expected_path(txt).write_text(render(txt), encoding="utf-8")
        print("wrote", expected_path(txt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
