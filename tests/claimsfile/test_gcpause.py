"""The collector pause: off inside, back on after, big blocks' survivors frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from claimcheck.claimsfile.gcpause import FREEZE_AFTER, paused


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.enable()


def test_off_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost pause turns it back on
    assert gc.isenabled()


def test_stays_off_when_it_was_off() -> None:
    gc.disable()
    with paused():
        pass
    assert not gc.isenabled()


def test_a_big_block_survivors_are_frozen() -> None:
    gc.collect()
    before = gc.get_freeze_count()
    with paused():
        kept = [[i] for i in range(FREEZE_AFTER + 10)]
    assert gc.get_freeze_count() >= before + len(kept)
    assert gc.isenabled()


def test_a_small_block_is_not_frozen_and_its_cycles_are_collected() -> None:
    gc.collect()
    with paused():
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
    assert gc.get_freeze_count() == 0
    assert gc.collect() >= 1  # the cycle was left to the collector
