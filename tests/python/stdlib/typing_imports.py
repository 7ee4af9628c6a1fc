from typing import List, Dict, Optional, Union, Tuple, Callable, Any, TypeVar, Generic, Iterator, NamedTuple
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
def first(xs: List[int]) -> Optional[int]:
    return xs[0] if xs else None
class Pt(NamedTuple):
    x: int
    y: int = 0
def apply(f: Callable[[int], int], v: int) -> int:
    return f(v)
print(Box(5).get(), first([3, 4]), first([]), Pt(1), Pt(1, 2)._asdict(), apply(lambda v: v + 1, 1))
x: Dict[str, Union[int, str]] = {"a": 1, "b": "s"}
print(x, Any is not None)
