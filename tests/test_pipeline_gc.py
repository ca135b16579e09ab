"""analyze pauses the cyclic garbage collector while it runs and restores it after."""

from __future__ import annotations

import gc

import pytest

from newsx import analyze


def test_collector_state_is_restored() -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        analyze("امروز ۲ نفر در تهران گفتند.")
        assert gc.isenabled()
        gc.disable()
        analyze("امروز ۲ نفر در تهران گفتند.")
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        (gc.enable if was else gc.disable)()


def test_collector_restored_when_analysis_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsx.core import pipeline

    def boom(*a, **k):
        raise RuntimeError("stage failed")

    monkeypatch.setattr(pipeline, "tokenize", boom)
    gc.enable()
    with pytest.raises(RuntimeError):
        analyze("امروز ۲ نفر در تهران گفتند.")
    assert gc.isenabled()


def test_an_analysis_leaves_no_cyclic_garbage() -> None:
    text = "وزیر امور خارجه روز شنبه در تهران گفت: «مذاکرات ادامه دارد.» سه نفر کشته شدند."
    analyze(text)
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(3):
            analyze(text).to_dict()
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
