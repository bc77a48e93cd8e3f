"""Pydantic models built from data already known to be valid, without pydantic's Python loop.

`Model.model_construct` walks every field in Python for each object (~12-15 us); the PDF
reader builds tens of thousands of spans and cells per document from values it made itself.
`TrustedModel(cls, given)` builds the object `model_construct` would — the same `__dict__`
in field order, fields set, extra and private slots — by setting those four slots directly.
That is only the same object for plain models, so the model is checked when the builder is
made: anything else (a default factory, a mutable default, an alias, private attributes,
a post-init hook, extra fields allowed) is refused with a TypeError at import.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_IMMUTABLE = (type(None), bool, int, float, str, bytes, tuple, frozenset)
_new = object.__new__
_set_dict = object.__setattr__
# BaseModel's slots, set through their descriptors (a little cheaper than object.__setattr__)
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class TrustedModel(Generic[M]):
    """`builder(*values)` is `cls.model_construct(**dict(zip(given, values)))`; `given` are
    the model's first fields, in order, and the others take their defaults."""

    def __init__(self, cls: type[M], given: tuple[str, ...]) -> None:
        fields = cls.model_fields
        rest = {n: f for n, f in fields.items() if n not in given}
        if (tuple(fields)[:len(given)] != given
                or any(f.default_factory is not None or not isinstance(f.default, _IMMUTABLE)
                       for f in rest.values())
                or any(f.alias or f.validation_alias for f in fields.values())
                or cls.__private_attributes__ or cls.__pydantic_post_init__
                or cls.__pydantic_root_model__ or cls.model_config.get("extra") == "allow"):
            raise TypeError(f"{cls.__name__} cannot be built trusted from {given}")
        self._cls = cls
        self._given = given
        self._defaults = {n: f.default for n, f in rest.items()}
        self._fields_set = frozenset(given)

    def __call__(self, *values: object) -> M:
        if len(values) != len(self._given):
            raise ValueError(f"{self._cls.__name__}: {len(values)} values for {self._given}")
        m = _new(self._cls)
        _set_dict(m, "__dict__", dict(zip(self._given, values, strict=False),  # length checked above
                                          **self._defaults))
        _set_fields_set(m, set(self._fields_set))  # each object its own: it is mutated
        _set_extra(m, None)
        _set_private(m, None)
        return m
