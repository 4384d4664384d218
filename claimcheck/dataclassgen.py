"""Dataclasses without building them at import (``check`` and ``extract`` start-up).

``@dataclasses.dataclass`` writes each class's methods as source text and compiles it on
every import: the ~55 classes a run of ``check`` or ``extract`` meets cost 10-20 ms of
every fresh process. The same methods, written once by ``scripts/gen_dataclass_methods.py``
into ``_dataclass_methods.py``, load from its bytecode instead: a module says
``from claimcheck.dataclassgen import dataclass`` where it said ``from dataclasses import
dataclass`` (the type checker sees the real one). A class whose declaration no longer
matches what was generated, that asks for what the generator does not write (slots,
``__post_init__``, keyword-only or non-init fields, a base class...), or a Python whose
dataclasses write other methods, is simply given to ``dataclasses.dataclass``: a stale
file is slower, never wrong (tests/test_dataclassgen.py says when to re-run the script).

``__dataclass_fields__`` and ``__dataclass_params__`` are made on first use, as
``dataclasses`` makes them: ``fields``, ``replace``, ``asdict`` and ``is_dataclass`` see
exactly what they would see.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

_T = TypeVar("_T")

GENERATED_PYTHONS = ((3, 10), (3, 11), (3, 12))
"""Pythons whose dataclasses write the methods the generator writes (3.13 compares
fields one by one, not as tuples)."""

_INSTALLED = (
    "__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__",
    "__lt__", "__le__", "__gt__", "__ge__", "__match_args__", "__post_init__",
    "__slots__", "__dataclass_fields__", "__dataclass_params__",
)  # fmt: skip
"""Names a declaration must not define itself for the generated methods to apply."""

_GENERATED_PARAMS = frozenset({"frozen", "order"})
"""The parameters the generator writes methods for (the others at their defaults)."""

Spec = tuple[tuple[tuple[Any, ...], ...], bool, bool, bool]
"""A class's declared fields, ``order``, ``frozen`` and whether it has a docstring
(dataclasses writes its signature as the docstring of one that has none)."""

DECLARED: dict[str, Spec] = {}
"""Every class made through ``dataclass`` with parameters the generator writes methods
for, by module and qualified name: what the generator writes them from."""


def declared(cls: type) -> tuple[tuple[Any, ...], ...]:
    """What a class declares as fields: (name, annotation, default) per annotation,
    the default a value, a ``dataclasses.Field``'s settings or ``None``."""
    out = []
    namespace = cls.__dict__
    for name, annotation in namespace.get("__annotations__", {}).items():
        default = namespace.get(name, dataclasses.MISSING)
        if isinstance(default, dataclasses.Field):
            spec: Any = ("field", default.default, default.default_factory, default.init,
                         default.repr, default.hash, default.compare, default.kw_only,
                         dict(default.metadata))  # fmt: skip
        else:
            spec = ("value", default)
        out.append((name, annotation, spec))
    return tuple(out)


def _made(cls: type[_T], params: dict[str, Any]) -> type[_T]:
    """``dataclasses.dataclass(**params)(cls)``, with the generated methods when they were
    written from this very declaration."""
    if not _GENERATED_PARAMS.issuperset(params):
        return dataclasses.dataclass(cls, **params)
    frozen, order = bool(params.get("frozen", False)), bool(params.get("order", False))
    key = f"{cls.__module__}.{cls.__qualname__}"
    spec = (declared(cls), order, frozen, cls.__doc__ is not None)
    if "<locals>" not in key:
        DECLARED[key] = spec
    try:
        from claimcheck import _dataclass_methods as generated
    except ImportError:  # not generated yet (scripts/gen_dataclass_methods.py)
        return dataclasses.dataclass(cls, **params)
    make = generated.FACTORIES.get(key)
    if (
        make is None
        or sys.version_info[:2] not in GENERATED_PYTHONS
        or generated.SPECS[key] != spec
        or cls.__bases__ != (object,)
        or any(name in cls.__dict__ for name in _INSTALLED)
    ):
        return dataclasses.dataclass(cls, **params)
    return _install(cls, make, order, frozen)


def reference(key: str) -> type:
    """The class ``DECLARED[key]`` describes, made by ``dataclasses.dataclass`` itself
    (what the generated methods must equal; its docstring is the one dataclasses writes)."""
    fields, order, frozen, _documented = DECLARED[key]
    parts = key.split(".")
    module, qualname = key.rpartition(".")[0], parts[-1]
    for i in range(len(parts) - 1, 0, -1):  # the longest prefix that is a module
        if ".".join(parts[:i]) in sys.modules:
            module, qualname = ".".join(parts[:i]), ".".join(parts[i:])
            break
    namespace: dict[str, Any] = {"__module__": module, "__qualname__": qualname}
    namespace["__annotations__"] = {name: annotation for name, annotation, _spec in fields}
    for name, _annotation, spec in fields:
        if spec[0] == "value" and spec[1] is not dataclasses.MISSING:
            namespace[name] = spec[1]
        elif spec[0] == "field":
            _kind, default, factory, init, rep, hsh, compare, kw_only, meta = spec
            namespace[name] = dataclasses.field(
                default=default, default_factory=factory, init=init, repr=rep, hash=hsh,
                compare=compare, kw_only=kw_only, metadata=meta,
            )  # fmt: skip
    made: type = dataclasses.dataclass(frozen=frozen, order=order)(
        type(qualname.rpartition(".")[2], (), namespace)
    )
    return made


if TYPE_CHECKING:  # the type checker sees the real decorator
    from dataclasses import dataclass as dataclass
else:

    def dataclass(cls=None, /, **params):
        """``dataclasses.dataclass``, used bare or with parameters."""
        if cls is None:
            return lambda c: _made(c, params)
        return _made(cls, params)


def _install(
    cls: type[_T], make: Callable[..., dict[str, Any]], order: bool, frozen: bool
) -> type[_T]:
    """Put the generated methods on ``cls`` and set its class attributes as
    ``dataclasses`` does (a field's plain default stays, a factory-only field's goes)."""
    originals: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    for name in cls.__dict__.get("__annotations__", {}):  # noqa: RUF063 - as dataclasses reads
        if name not in cls.__dict__:
            continue
        value = originals[name] = cls.__dict__[name]
        if isinstance(value, dataclasses.Field):
            if value.default is dataclasses.MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, value.default)
            factory_only = value.default is dataclasses.MISSING
            defaults[name] = value.default_factory if factory_only else value.default
        else:
            defaults[name] = value
    methods = make(cls, defaults, _recursive_repr)
    for name, value in methods.items():
        if name == "__doc__" and cls.__doc__ is not None:
            continue
        if callable(value):
            value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
        setattr(cls, name, value)
    for attr in ("__dataclass_fields__", "__dataclass_params__"):
        setattr(cls, attr, _LazyDataclassAttr(cls, originals, order, frozen, attr))
    return cls


class _LazyDataclassAttr:
    """``__dataclass_fields__``/``__dataclass_params__`` of a generated class, made on
    first use (then stored on the class in place of this descriptor): the fields as
    ``dataclasses`` makes them from a declaration of plain fields (a ``Field`` per
    annotation, a plain default wrapped in one), the params by ``dataclasses.dataclass``
    itself on a copy of the declaration (their shape changes between Pythons)."""

    def __init__(
        self, cls: type, originals: dict[str, Any], order: bool, frozen: bool, attr: str
    ) -> None:
        self.cls, self.originals, self.attr = cls, originals, attr
        self.order, self.frozen = order, frozen

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        cls = self.cls
        annotations = dict(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
        if self.attr == "__dataclass_fields__":
            fields: dict[str, dataclasses.Field[Any]] = {}
            for name, annotation in annotations.items():
                default = self.originals.get(name, dataclasses.MISSING)
                made: Any = (
                    default
                    if isinstance(default, dataclasses.Field)
                    else dataclasses.field(default=default)
                )
                made.name, made.type = name, annotation
                made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
                if made.kw_only is dataclasses.MISSING:
                    made.kw_only = False
                fields[name] = made
            cls.__dataclass_fields__ = fields  # type: ignore[attr-defined]
            return fields
        namespace: dict[str, Any] = {
            "__module__": cls.__module__, "__qualname__": cls.__qualname__,
            "__doc__": cls.__doc__, "__annotations__": annotations, **self.originals,
        }  # fmt: skip
        shadow: type = dataclasses.dataclass(frozen=self.frozen, order=self.order)(
            type(cls.__name__, (), namespace)
        )
        params = shadow.__dataclass_params__  # type: ignore[attr-defined]
        cls.__dataclass_params__ = params  # type: ignore[attr-defined]
        return params


def _recursive_repr(function: Callable[[Any], str]) -> Callable[[Any], str]:
    """``'...'`` for an object met again while it is being shown (as dataclasses does)."""
    import functools
    from _thread import get_ident

    running: set[tuple[int, int]] = set()

    @functools.wraps(function)
    def wrapper(self: Any) -> str:
        key = id(self), get_ident()
        if key in running:
            return "..."
        running.add(key)
        try:
            result = function(self)
        finally:
            running.discard(key)
        return result

    return wrapper
