"""The CLI's start-up: hazm's modules, without the scientific stack nltk drags in.

hazm's stemmer and tokenizer subclass nltk's ``StemmerI`` and ``TokenizerI``, so
loading them runs nltk's package ``__init__``, which imports all of nltk, and nltk
imports scikit-learn, scipy and numpy whenever they are installed (hazm 0.10 depends on
them) for its classifier wrappers and association statistics. That is ~0.6 s of a
~1.2 s start (Python 3.11), spent on code no command of newsx ever calls.

nltk imports each of them inside ``try: … except ImportError``. So, in the CLI's own
process only, while hazm's modules load, those packages are marked as absent
(``sys.modules[name] = None`` makes ``import name`` raise ``ImportError``); the marks
are removed right after, so anything imported later sees them again. What is affected
is only nltk's optional scikit-learn and scipy glue, which this process never uses.
A package that is already imported is left alone. Should hazm's modules fail to load
that way (a future nltk that needs one of them), they are loaded again normally.

The library (``newsx.core``) never does this: a program that imports it may well use
nltk with scikit-learn.
"""

from __future__ import annotations

import sys
from functools import lru_cache

#: Packages nltk imports only for features newsx does not use.
UNUSED = ("sklearn", "scipy", "numpy")


@lru_cache(maxsize=1)
def load_hazm(unused: tuple[str, ...] = UNUSED) -> None:
    """Import the hazm modules analysis needs (see the module docstring); once."""
    from newsx.core import hazm_parts

    before = set(sys.modules)
    marked = [name for name in unused if name not in sys.modules]
    for name in marked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        hazm_parts.module("normalizer")
        return
    except ImportError:
        pass
    finally:
        for name in marked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    # it needed one of them after all: forget what loaded without them, load as usual
    for name in set(sys.modules) - before:
        if name.split(".")[0] in ("hazm", "nltk"):
            del sys.modules[name]
    hazm_parts.forget()
    hazm_parts.module("normalizer")
