"""`TrustedModel` builds what `model_construct` builds, and refuses models it cannot."""

from __future__ import annotations

import copy
import pickle

import pytest
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from smartcert.extractors.models import Cell, Span
from smartcert.extractors.trusted import TrustedModel


def _state(m: BaseModel) -> tuple[object, ...]:
    return (type(m), list(m.__dict__.items()), m.__pydantic_fields_set__,
            m.__pydantic_extra__, m.__pydantic_private__)


class Wider(BaseModel):
    page: int
    text: str
    key: str = ""
    lang: str | None = None
    weight: float = 1.0


@pytest.mark.parametrize(("cls", "values"), [
    (Span, {"page": 2, "text": "지 표", "key": "지표", "bbox": (1.0, 2.0, 3.0, 4.0),
            "font": "돋움", "size": 10.5}),
    (Cell, {"row": 1, "col": 2, "rowspan": 1, "colspan": 3, "text": "가 나", "key": "가나",
            "bbox": (0.0, 1.0, 2.0, 3.0), "page": 4}),
    (Wider, {"page": 1, "text": "합계"}),
])
def test_the_object_is_the_model_construct_object(cls: type[BaseModel],
                                                  values: dict[str, object]) -> None:
    fast = TrustedModel(cls, tuple(values))(*values.values())
    slow = cls.model_construct(**values)
    assert _state(fast) == _state(slow)
    assert fast == slow and repr(fast) == repr(slow)
    assert fast.model_dump_json() == slow.model_dump_json()
    for twin in (pickle.loads(pickle.dumps(fast)), fast.model_copy(), copy.deepcopy(fast)):
        assert _state(twin) == _state(slow)
    first = next(iter(values))
    assert fast.model_copy(update={first: 9}).model_fields_set == \
        slow.model_copy(update={first: 9}).model_fields_set


def test_each_object_has_its_own_fields_set() -> None:
    build = TrustedModel(Span, ("page", "text"))
    a, b = build(1, "가"), build(1, "나")
    a.ocr = True
    assert "ocr" in a.model_fields_set and "ocr" not in b.model_fields_set


def test_a_value_missing_or_extra_is_an_error() -> None:
    build = TrustedModel(Span, ("page", "text"))
    with pytest.raises(ValueError):
        build(1)
    with pytest.raises(ValueError):
        build(1, "가", "가")


class _Factory(BaseModel):
    page: int
    items: list[int] = Field(default_factory=list)


class _Mutable(BaseModel):
    page: int
    items: list[int] = []


class _Aliased(BaseModel):
    page: int = Field(alias="쪽")


class _Private(BaseModel):
    page: int
    _seen: int = PrivateAttr(default=0)


class _Extra(BaseModel):
    model_config = ConfigDict(extra="allow")
    page: int


@pytest.mark.parametrize(("cls", "given"), [
    (_Factory, ("page",)), (_Mutable, ("page",)), (_Aliased, ("page",)),
    (_Private, ("page",)), (_Extra, ("page",)),
    (Span, ("text", "page")),  # not the fields' order: __dict__ would differ
    (Span, ("page", "key")),  # not the first fields
])
def test_a_model_it_cannot_build_the_same_is_refused(cls: type[BaseModel],
                                                    given: tuple[str, ...]) -> None:
    with pytest.raises(TypeError):
        TrustedModel(cls, given)
