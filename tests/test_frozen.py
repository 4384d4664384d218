"""The model's generated methods behave exactly as ``dataclasses.dataclass`` would."""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib.util
import pickle
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import config, frozen, model

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_model_methods.py"
CLASSES = [
    getattr(sys.modules[key.rpartition(".")[0]], key.rpartition(".")[2])
    for key in sorted(frozen.DECLARED)
    if key.startswith(("claimcheck.model.", "claimcheck.config."))
]
GENERATED = sys.version_info[:2] in frozen.GENERATED_PYTHONS


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_model_methods", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _reference(cls: type) -> type:
    """The same declaration made by dataclasses itself."""
    declared = frozen.DECLARED[f"{cls.__module__}.{cls.__qualname__}"][0]
    namespace: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
    namespace["__annotations__"] = {name: ann for name, ann, _spec in declared}
    for name, _ann, spec in declared:
        if spec[0] == "value" and spec[1] is not dataclasses.MISSING:
            namespace[name] = spec[1]
        elif spec[0] == "field":
            _kind, default, factory, init, rep, hsh, compare, kw_only, meta = spec
            namespace[name] = dataclasses.field(
                default=default, default_factory=factory, init=init, repr=rep, hash=hsh,
                compare=compare, kw_only=kw_only, metadata=meta,
            )  # fmt: skip
    order = frozen.DECLARED[f"{cls.__module__}.{cls.__qualname__}"][1]
    return dataclasses.dataclass(frozen=True, order=order)(type(cls.__name__, (), namespace))


def test_every_model_class_is_declared_through_frozen() -> None:
    assert len(CLASSES) == 14
    assert {c.__name__ for c in CLASSES} >= {"Claim", "ClaimsFile", "Location", "Report"}
    assert config.Config in CLASSES and config.Key in CLASSES


def test_the_generated_module_is_what_the_script_writes() -> None:
    assert _generator().render() == (ROOT / "claimcheck" / "_model_methods.py").read_text(
        "utf-8"
    ), "claimcheck/model.py changed: run python scripts/gen_model_methods.py"


@pytest.mark.skipif(not GENERATED, reason="this Python's dataclasses write other methods")
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_generated_methods_are_installed(cls: type) -> None:
    assert cls.__init__.__code__.co_filename.endswith("_model_methods.py")  # type: ignore[misc]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_fields_and_params_are_the_dataclass_ones(cls: type) -> None:
    ref = _reference(cls)
    assert dataclasses.is_dataclass(cls)
    ours = [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash, f.compare,
             f.kw_only, dict(f.metadata), f._field_type, type(f.metadata))
            for f in cls.__dataclass_fields__.values()]  # type: ignore[attr-defined]  # fmt: skip
    theirs = [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash, f.compare,
               f.kw_only, dict(f.metadata), f._field_type, type(f.metadata))
              for f in ref.__dataclass_fields__.values()]  # type: ignore[attr-defined]  # fmt: skip
    assert ours == theirs
    assert repr(dataclasses.fields(cls)) == repr(dataclasses.fields(ref))
    assert repr(cls.__dataclass_params__) == repr(ref.__dataclass_params__)  # type: ignore[attr-defined]
    assert cls.__match_args__ == ref.__match_args__  # type: ignore[attr-defined]
    for name in ref.__dataclass_fields__:  # type: ignore[attr-defined]
        assert hasattr(cls, name) == hasattr(ref, name)
        if hasattr(ref, name):
            assert getattr(cls, name) == getattr(ref, name)
    for method in ("__lt__", "__le__", "__gt__", "__ge__"):
        assert (method in vars(cls)) == (method in vars(ref))
    assert (cls.__hash__ is None) == (ref.__hash__ is None)


def test_fields_of_a_subclass_come_from_the_class_that_declares_them() -> None:
    @dataclasses.dataclass(frozen=True)
    class Tagged(model.Location):
        tag: str = ""

    assert [f.name for f in dataclasses.fields(Tagged)] == ["path", "line", "col", "tag"]
    assert Tagged("a.yaml", 2, 3, "x") != model.Location("a.yaml", 2, 3)
    assert (
        repr(Tagged("a.yaml")) == "test_fields_of_a_subclass_come_from_the_class_that_"
        "declares_them.<locals>.Tagged(path='a.yaml', line=1, col=1, tag='')"
    )


_values = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True, width=16),
    st.text(max_size=3), st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 1, 3)),
)  # fmt: skip


def _build(cls: type, values: list[Any], data: st.DataObject) -> tuple[Any, Any]:
    """One object of ``cls`` and the same of its reference, from the same arguments."""
    ref = _reference(cls)
    fields = dataclasses.fields(ref)
    required = [f for f in fields if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]  # fmt: skip
    optional = [f for f in fields if f not in required]
    args = values[: len(required)]
    args += [None] * (len(required) - len(args))
    kwargs = {
        f.name: values[(i + len(required)) % len(values)] if values else None
        for i, f in enumerate(optional)
        if data.draw(st.booleans(), label=f.name)
    }
    return cls(*args, **kwargs), ref(*args, **kwargs)


def _same(action: Any, a: Any, b: Any) -> None:
    """``action`` gives the same result, or raises the same error, on both."""
    try:
        want: Any = ("ok", action(b))
    except Exception as exc:
        want = ("raised", type(exc), str(exc))
    try:
        got: Any = ("ok", action(a))
    except Exception as exc:
        got = ("raised", type(exc), str(exc))
    assert got == want


@settings(max_examples=60, deadline=None)
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@given(values=st.lists(_values, min_size=0, max_size=6), other=st.lists(_values, max_size=6),
       data=st.data())  # fmt: skip
def test_generated_methods_behave_as_dataclasses(
    cls: type, values: list[Any], other: list[Any], data: st.DataObject
) -> None:
    a, ra = _build(cls, values, data)
    b, rb = _build(cls, other, data)
    assert repr(a) == repr(ra)
    assert vars(a) == vars(ra) and list(vars(a)) == list(vars(ra))
    assert (a == b) == (ra == rb) and (a != b) == (ra != rb)
    assert (a == a) == (ra == ra)
    assert a.__eq__(ra) is NotImplemented and ra.__eq__(a) is NotImplemented
    _same(hash, a, ra)
    if a == b:
        _same(lambda x: hash(x) == hash(b if x is a else rb), a, ra)
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        if op in vars(ra.__class__):
            _same(lambda x, op=op: getattr(x, op)(b if x is a else rb), a, ra)
    first = dataclasses.fields(ra)[0].name
    _same(lambda x: setattr(x, first, 1), a, ra)
    _same(lambda x: setattr(x, "unknown", 1), a, ra)
    _same(lambda x: delattr(x, first), a, ra)
    assert dataclasses.asdict(a) == dataclasses.asdict(ra) if _plain(values) else True
    assert dataclasses.astuple(a) == dataclasses.astuple(ra) if _plain(values) else True
    changed = dataclasses.replace(a, **{first: "x"})
    assert type(changed) is cls and getattr(changed, first) == "x"
    again = pickle.loads(pickle.dumps(a))
    assert type(again) is cls and list(vars(again)) == list(vars(a))
    assert repr(again) == repr(a) and repr(copy.copy(a)) == repr(a)


def _plain(values: list[Any]) -> bool:
    """asdict/astuple deep-copy their values: compare only where equality is plain."""
    return not any(isinstance(v, float) and v != v for v in values)


def test_a_recursive_repr_shows_dots_as_dataclasses_does() -> None:
    cf = model.ClaimsFile("c.yaml", 1, (), ())
    cf.settings["self"] = cf  # type: ignore[assignment]
    ref_cls = _reference(model.ClaimsFile)
    ref = ref_cls("c.yaml", 1, (), ())
    ref.settings["self"] = ref
    assert repr(cf) == repr(ref)
    assert "settings={'self': ...}" in repr(cf)


def test_a_changed_declaration_falls_back_to_dataclasses() -> None:
    class Location:
        """Declared as model.Location, with one more field."""

        path: str
        line: int = 1
        col: int = 1
        extra: int = 0

    Location.__module__, Location.__qualname__ = "claimcheck.model", "Location"
    saved = frozen.DECLARED["claimcheck.model.Location"]
    try:
        made = frozen.model(frozen=True, order=True)(Location)
        assert "_model_methods" not in made.__init__.__code__.co_filename
        assert repr(made("a")) == "Location(path='a', line=1, col=1, extra=0)"
        with pytest.raises(dataclasses.FrozenInstanceError):
            made("a").line = 2  # type: ignore[misc]
    finally:
        frozen.DECLARED["claimcheck.model.Location"] = saved


def test_importing_the_model_builds_no_dataclass() -> None:
    """The point of the generated methods: no class is compiled at import."""
    import subprocess

    code = (
        "import dataclasses\ncalls = []\nreal = dataclasses._process_class\n"
        "dataclasses._process_class = lambda cls, *a: calls.append(cls) or real(cls, *a)\n"
        "import claimcheck.model\nprint(len(calls))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ("0" if GENERATED else "12")
