"""Generated dataclass methods behave exactly as ``dataclasses.dataclass``'s would."""

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

import claimcheck
from claimcheck import config, dataclassgen, model

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_dataclass_methods.py"
GENERATED = sys.version_info[:2] in dataclassgen.GENERATED_PYTHONS


def _every_module() -> None:
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(claimcheck.__path__, "claimcheck."):
        importlib.import_module(info.name)


def _class(key: str) -> type:
    parts = key.split(".")
    for i in range(len(parts) - 1, 0, -1):
        if ".".join(parts[:i]) in sys.modules:
            return functools.reduce(getattr, parts[i:], sys.modules[".".join(parts[:i])])  # type: ignore[arg-type]
    raise LookupError(key)


_every_module()
CLASSES = [_class(key) for key in sorted(dataclassgen.DECLARED)]


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_model_methods", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _reference(cls: type) -> type:
    """The same declaration made by dataclasses itself."""
    return dataclassgen.reference(f"{cls.__module__}.{cls.__qualname__}")


def test_the_package_declares_its_dataclasses_through_dataclassgen() -> None:
    assert len(CLASSES) >= 50
    assert {c.__name__ for c in CLASSES} >= {"Claim", "ClaimsFile", "Location", "Report"}
    assert config.Config in CLASSES and model.Claim in CLASSES
    assert any(not dataclassgen.DECLARED[k][2] for k in dataclassgen.DECLARED)  # mutable ones
    assert any(not dataclassgen.DECLARED[k][3] for k in dataclassgen.DECLARED)  # undocumented


def test_the_generated_module_is_what_the_script_writes() -> None:
    assert _generator().render() == (ROOT / "claimcheck" / "_dataclass_methods.py").read_text(
        "utf-8"
    ), "a dataclass changed: run python scripts/gen_dataclass_methods.py"


@pytest.mark.skipif(not GENERATED, reason="this Python's dataclasses write other methods")
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_generated_methods_are_installed(cls: type) -> None:
    assert cls.__init__.__code__.co_filename.endswith("_dataclass_methods.py")  # type: ignore[misc]


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
    if not dataclassgen.DECLARED[f"{cls.__module__}.{cls.__qualname__}"][3]:
        assert cls.__doc__ == ref.__doc__
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
    for mutate in (
        lambda x: setattr(x, first, 1),
        lambda x: setattr(x, "unknown", 1),
        lambda x: delattr(x, first),
    ):  # on copies: a mutable class's objects do change
        ca, cra = copy.copy(a), copy.copy(ra)
        _same(mutate, ca, cra)
        assert vars(ca) == vars(cra)
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
    saved = dataclassgen.DECLARED["claimcheck.model.Location"]
    try:
        made = dataclassgen.dataclass(frozen=True, order=True)(Location)
        assert "_dataclass_methods" not in made.__init__.__code__.co_filename
        assert repr(made("a")) == "Location(path='a', line=1, col=1, extra=0)"
        with pytest.raises(dataclasses.FrozenInstanceError):
            made("a").line = 2  # type: ignore[misc]
    finally:
        dataclassgen.DECLARED["claimcheck.model.Location"] = saved


@pytest.mark.skipif(not GENERATED, reason="this Python's dataclasses write other methods")
@pytest.mark.parametrize(
    "argv",
    [["check", "--no-cache", "claims.yaml"], ["extract", "--no-cache", "--format", "json",
                                              "seeds/000_ec8027eaf503b8ac.txt"]],
    ids=["check", "extract"],
)  # fmt: skip
def test_a_run_builds_no_dataclass_at_import(argv: list[str], tmp_path: Path) -> None:
    """The point of the generated methods: no class is compiled on the way (but the one
    declared with ``@dataclasses.dataclass`` itself)."""
    import os
    import subprocess

    code = (
        "import dataclasses, sys\nmade = []\nreal = dataclasses._process_class\n"
        "def spy(cls, *a):\n    made.append(cls.__module__)\n    return real(cls, *a)\n"
        "dataclasses._process_class = spy\nfrom claimcheck.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in made if m.startswith('claimcheck')), file=sys.stderr)"
    )
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env
    )
    built = out.stderr.strip().splitlines()[-1]
    assert built in ("[]", "['claimcheck.claimsfile.load']"), built


def test_mutable_classes_are_unhashable_and_frozen_ones_hashable() -> None:
    for cls in CLASSES:
        frozen = dataclassgen.DECLARED[f"{cls.__module__}.{cls.__qualname__}"][2]
        assert (cls.__hash__ is None) is not frozen, cls
        assert ("__setattr__" in vars(cls)) is frozen, cls


_NAMES = ("a", "b", "value", "name", "other", "cls", "d", "hash", "type", "self", "_setattr")
_KINDS = ("required", "value", "factory", "no-repr", "no-compare", "hash-only")


def _declaration(fields: list[tuple[str, str]], documented: bool) -> dict[str, Any]:
    """A class body: required fields first (dataclasses refuses others), defaults of
    every kind the generator writes."""
    ns: dict[str, Any] = {"__module__": __name__, "__annotations__": {}}
    if documented:
        ns["__doc__"] = "A declaration."
    ordered = sorted(fields, key=lambda f: f[1] != "required")
    for i, (name, kind) in enumerate(ordered):
        ns["__annotations__"][name] = "int" if i % 2 else "str | None"
        if kind == "value":
            ns[name] = (i, "x") if i % 2 else None
        elif kind == "factory":
            ns[name] = dataclasses.field(default_factory=list if i % 2 else dict)
        elif kind == "no-repr":
            ns[name] = dataclasses.field(default=i, repr=False)
        elif kind == "no-compare":
            ns[name] = dataclasses.field(default=i, compare=False)
        elif kind == "hash-only":
            ns[name] = dataclasses.field(default=i, compare=False, hash=True)
    return ns


@settings(max_examples=150, deadline=None)
@given(
    fields=st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_KINDS)),
                    max_size=5, unique_by=lambda f: f[0]),
    frozen=st.booleans(), order=st.booleans(), documented=st.booleans(),
    values=st.lists(_values, max_size=5), other=st.lists(_values, max_size=5),
)  # fmt: skip
def test_any_declaration_generates_what_dataclasses_makes(
    fields: list[tuple[str, str]], frozen: bool, order: bool, documented: bool,
    values: list[Any], other: list[Any],
) -> None:  # fmt: skip
    """The generator's template against dataclasses itself, over declarations of every
    kind of field it writes (and names its own code uses)."""
    gen = _GEN
    ref = dataclasses.dataclass(frozen=frozen, order=order)(
        type("K", (), _declaration(fields, documented))
    )
    doc = None if documented else ref.__doc__
    try:
        source = gen._class_source("_K", ref, order, frozen, doc)
    except NotImplementedError:
        assert any(n in gen._INIT_NAMES for n, _kind in fields)
        return
    namespace: dict[str, Any] = {}
    exec(gen.HEADER + gen._FACTORY_SENTINEL + source, namespace)  # our own source
    ours = type("K", (), _declaration(fields, documented))
    dataclassgen._install(ours, namespace["_K"], order, frozen)
    assert ours.__doc__ == ref.__doc__
    assert ours.__match_args__ == ref.__match_args__  # type: ignore[attr-defined]
    assert (ours.__hash__ is None) == (ref.__hash__ is None)
    assert repr(dataclasses.fields(ours)) == repr(dataclasses.fields(ref))
    required = [f for f in dataclasses.fields(ref) if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]  # fmt: skip
    for args in (values, other):
        given_args = (args + [None] * len(required))[: len(required)]
        a, ra = ours(*given_args), ref(*given_args)
        b_args = (other + [0] * len(required))[: len(required)]
        b, rb = ours(*b_args), ref(*b_args)
        assert repr(a) == repr(ra) and list(vars(a)) == list(vars(ra))
        assert (a == b) == (ra == rb) and (a != b) == (ra != rb)
        sub, rsub = type("S", (ours,), {}), type("S", (ref,), {})
        assert (a == sub(*given_args)) == (ra == rsub(*given_args))
        _same(hash, a, ra)
        for op in ("__lt__", "__le__", "__gt__", "__ge__"):
            if op in vars(ref):
                _same(lambda x, op=op, p=(a, b, rb): getattr(x, op)(p[1] if x is p[0] else p[2]),
                      a, ra)  # fmt: skip
        for name in [*[f.name for f in dataclasses.fields(ref)][:2], "unknown"]:
            ca, cra = copy.copy(a), copy.copy(ra)
            _same(lambda x, name=name: setattr(x, name, 7), ca, cra)
            assert vars(ca) == vars(cra)
            _same(lambda x, name=name: delattr(x, name), ca, cra)
            assert vars(ca) == vars(cra)


_GEN = _generator()
