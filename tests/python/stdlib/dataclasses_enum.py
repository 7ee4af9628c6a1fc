from dataclasses import dataclass, field
from enum import Enum, auto
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), i.tags)
@dataclass(frozen=True, order=True)
class V:
    x: int
    y: int
print(sorted([V(2, 1), V(1, 5)]), hash(V(1, 1)) == hash(V(1, 1)))
class Color(Enum):
    RED = 1
    GREEN = auto()
print(Color.RED, Color.GREEN.value, Color(1).name, list(Color), Color["GREEN"])
