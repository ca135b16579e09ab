"""core/hazm_parts.py: hazm's modules without its package ``__init__``.

Each check runs in a fresh interpreter, since what is imported is the point."""

from conftest import SEED, run_python


def test_analysis_does_not_import_the_rest_of_hazm():
    got = run_python(
        "import json, sys\n"
        "from newsx import analyze\n"
        f"a = analyze(open({str(SEED)!r}, encoding='utf-8').read())\n"
        "print(json.dumps({'n': len(a.entities), 'mods': sorted(m for m in sys.modules if m.startswith('hazm'))}))"
    )
    assert got["n"] > 0
    assert "hazm.normalizer" in got["mods"] and "hazm.lemmatizer" in got["mods"]
    for heavy in ("hazm.pos_tagger", "hazm.sequence_tagger", "hazm.chunker", "hazm.corpus_readers", "hazm.embedding"):
        assert heavy not in got["mods"]


def test_hazm_imported_afterwards_is_complete():
    got = run_python(
        "import json\n"
        "from newsx import analyze\n"
        "analyze('امروز در تهران گفت.')\n"
        "import hazm\n"
        "from hazm import SentenceTokenizer, POSTagger\n"
        "from hazm.normalizer import Normalizer\n"
        "print(json.dumps({'sents': hazm.sent_tokenize('سلام. خوبی؟'), 'words': hazm.word_tokenize('سلام دنیا'),"
        " 'same': hazm.Normalizer is Normalizer, 'tagger': POSTagger.__name__,"
        " 'stop': len(hazm.stopwords_list()) > 100}))"
    )
    assert got == {"sents": ["سلام.", "خوبی؟"], "words": ["سلام", "دنیا"], "same": True, "tagger": "POSTagger", "stop": True}


def test_missing_name_is_still_an_attribute_error():
    got = run_python(
        "import json\n"
        "from newsx.core import hazm_parts\n"
        "hazm_parts.module('normalizer')\n"
        "import hazm\n"
        "try:\n"
        "    hazm.no_such_name\n"
        "    r = 'no error'\n"
        "except AttributeError as e:\n"
        "    r = 'AttributeError'\n"
        "print(json.dumps({'r': r, 'has': hasattr(hazm, 'Lemmatizer')}))"
    )
    assert got == {"r": "AttributeError", "has": True}


def test_hazm_imported_first_is_used_as_it_is():
    got = run_python(
        "import json, hazm\n"
        "from newsx.core import hazm_parts\n"
        "print(json.dumps({'same': hazm_parts.module('lemmatizer').Conjugation is hazm.Conjugation,"
        " 'getattr': '__getattr__' in vars(hazm)}))"
    )
    assert got == {"same": True, "getattr": False}


def test_only_known_modules():
    from newsx.core import hazm_parts
    import pytest

    with pytest.raises(ValueError):
        hazm_parts.module("pos_tagger")
    assert (hazm_parts.data_dir() / "verbs.dat").is_file()
