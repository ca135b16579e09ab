"""The few hazm modules newsx uses, imported without hazm's package ``__init__``.

``import hazm`` runs hazm/__init__.py, which imports every part of hazm (POS tagger,
chunker, parsers, embeddings, corpus readers) and with them scikit-learn, scipy and
gensim: about 1.0 s of hazm 0.10's 1.2 s import, and all of newsx's start-up beyond that.
newsx needs four modules: ``utils`` (``maketrans``), ``stemmer`` (``Stemmer``),
``lemmatizer`` (``Conjugation``) and ``normalizer`` (``Normalizer``), plus the
``word_tokenizer`` and (hazm 0.11+) ``api``/``constants`` that they import.

How: if hazm is not imported yet, ``sys.modules["hazm"]`` becomes the hazm package
created from its own spec (same ``__path__``, ``__file__``, loader) but not executed.
The modules above are imported into it in the order hazm's ``__init__`` imports them,
and after each one the package gets the names that ``__init__`` would have bound from
it (hazm 0.10's modules import them back from the package: ``from hazm import Stemmer``).
The package stays registered. Should anything later ask it for a name it lacks
(``import hazm; hazm.POSTagger`` elsewhere in the process), its module ``__getattr__``
runs hazm's real ``__init__`` in it, once, and it is then the complete hazm package.
If hazm was already imported, it is used as it is.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
import threading
from functools import lru_cache
from pathlib import Path
from types import ModuleType

#: In the order hazm's ``__init__`` imports them (each needs the names of the ones before).
_MODULES = ("utils", "stemmer", "word_tokenizer", "lemmatizer", "normalizer")

_lock = threading.RLock()


def _init_names(init_file: str) -> dict[str, list[tuple[str, str]]]:
    """``{submodule: [(name, bound_as), ...]}`` for every ``from hazm.<submodule> import
    name [as bound_as]`` at the top level of hazm's ``__init__``."""
    tree = ast.parse(Path(init_file).read_text(encoding="utf-8"))
    names: dict[str, list[tuple[str, str]]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("hazm."):
            sub = node.module.split(".", 1)[1]
            names.setdefault(sub, []).extend((a.name, a.asname or a.name) for a in node.names)
    return names


def _complete(package: ModuleType, spec) -> None:
    """Give ``package`` a module ``__getattr__`` that runs hazm's ``__init__`` in it the
    first time a missing name is asked for."""
    running = []

    def __getattr__(name: str):
        if name.startswith("__") or running:
            raise AttributeError(f"module 'hazm' has no attribute {name!r}")
        with _lock:
            if "__getattr__" in package.__dict__:  # not completed by another thread meanwhile
                running.append(True)
                try:
                    spec.loader.exec_module(package)
                finally:
                    running.clear()
                    package.__dict__.pop("__getattr__", None)
        try:
            return package.__dict__[name]
        except KeyError:
            raise AttributeError(f"module 'hazm' has no attribute {name!r}") from None

    package.__getattr__ = __getattr__


@lru_cache(maxsize=1)
def _load() -> dict[str, ModuleType]:
    with _lock:
        if "hazm" not in sys.modules:
            spec = importlib.util.find_spec("hazm")
            if spec is None or spec.loader is None or not spec.submodule_search_locations:
                raise ImportError("hazm is not installed")
            package = importlib.util.module_from_spec(spec)
            bindings = _init_names(spec.origin)
            sys.modules["hazm"] = package
            try:
                for sub in _MODULES:
                    module = importlib.import_module(f"hazm.{sub}")
                    for name, bound in bindings.get(sub, ()):
                        setattr(package, bound, getattr(module, name))
            except BaseException:
                del sys.modules["hazm"]
                raise
            _complete(package, spec)
        return {sub: importlib.import_module(f"hazm.{sub}") for sub in _MODULES}


def forget() -> None:
    """Forget the loaded modules (after the caller removed them from ``sys.modules``)."""
    _load.cache_clear()


def module(name: str) -> ModuleType:
    """``hazm.<name>`` for one of the modules newsx uses (see the module docstring)."""
    if name not in _MODULES:
        raise ValueError(f"newsx does not load hazm.{name}")
    return _load()[name]


def constants() -> ModuleType | None:
    """``hazm.constants`` (hazm 0.11+, already imported by its normalizer), or ``None``."""
    _load()
    return sys.modules.get("hazm.constants")


def data_dir() -> Path:
    """hazm's data folder (words.dat, verbs.dat …), found without importing hazm."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("hazm is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"
