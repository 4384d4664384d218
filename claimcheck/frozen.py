"""Frozen dataclasses without building them at import (``check`` start-up).

``@dataclasses.dataclass`` writes each class's methods as source text and compiles it on
every import: the data model's twelve classes cost ~9 ms of every fresh process. The same
methods, written once by ``scripts/gen_model_methods.py`` into ``_model_methods.py``,
load from its bytecode instead. A class whose declaration no longer matches what was
generated (or a Python whose dataclasses write other methods) is simply given to
``dataclasses.dataclass``, so a stale file is slower, never wrong.

``__dataclass_fields__`` and ``__dataclass_params__`` are made on first use, by
``dataclasses.dataclass`` itself on a copy of the declaration: ``fields``, ``replace``,
``asdict`` and ``is_dataclass`` see exactly what they would see on a dataclass.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import Any, TypeVar

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


DECLARED: dict[str, tuple[tuple[tuple[Any, ...], ...], bool]] = {}
"""Every class made by ``model``: its declared fields and ``order`` (what the generator
writes methods for)."""


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


def model(*, frozen: bool = True, order: bool = False) -> Callable[[type[_T]], type[_T]]:
    """``dataclasses.dataclass(frozen=True, order=order)``, with the methods from
    ``_model_methods`` when they were generated from this very declaration."""
    if not frozen:
        raise TypeError("claimcheck.frozen.model makes frozen dataclasses only")

    def wrap(cls: type[_T]) -> type[_T]:
        key = f"{cls.__module__}.{cls.__qualname__}"
        spec = DECLARED[key] = (declared(cls), order)
        try:
            from claimcheck import _model_methods as generated
        except ImportError:  # not generated yet (scripts/gen_model_methods.py)
            return dataclasses.dataclass(frozen=True, order=order)(cls)
        make = generated.FACTORIES.get(key)
        if (
            make is None
            or sys.version_info[:2] not in GENERATED_PYTHONS
            or generated.SPECS[key] != spec
            or cls.__bases__ != (object,)
            or cls.__doc__ is None
            or any(name in cls.__dict__ for name in _INSTALLED)
        ):
            return dataclasses.dataclass(frozen=True, order=order)(cls)
        return _install(cls, make, order)

    return wrap


def _install(cls: type[_T], make: Callable[..., dict[str, Any]], order: bool) -> type[_T]:
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
        if callable(value):
            value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
        setattr(cls, name, value)
    for attr in ("__dataclass_fields__", "__dataclass_params__"):
        setattr(cls, attr, _LazyDataclassAttr(cls, originals, order, attr))
    return cls


class _LazyDataclassAttr:
    """``__dataclass_fields__``/``__dataclass_params__`` of a generated class, made on
    first use (then stored on the class in place of this descriptor): the fields as
    ``dataclasses`` makes them from a declaration of plain fields (a ``Field`` per
    annotation, a plain default wrapped in one), the params by ``dataclasses.dataclass``
    itself on a copy of the declaration (their shape changes between Pythons)."""

    def __init__(self, cls: type, originals: dict[str, Any], order: bool, attr: str) -> None:
        self.cls, self.originals, self.order, self.attr = cls, originals, order, attr

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
        shadow: type = dataclasses.dataclass(frozen=True, order=self.order)(
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
