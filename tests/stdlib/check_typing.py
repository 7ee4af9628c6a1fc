"""Kiln's typing module against CPython's, plus __future__ and keyword names."""

import typing as ref

from _load import check, finish, load, outcome

abc = load("abc")
itertools = load("itertools")
keyword = load("keyword")
collections = load("collections", {"itertools": itertools, "keyword": keyword})
cabc = load("collections.abc", {"abc": abc})
contextlib = load("contextlib")
deps = {"abc": abc, "collections": collections, "collections.abc": cabc, "contextlib": contextlib}
collections.abc = cabc
mine = load("typing", deps)

for name in ref.__all__:
    if name in ("AsyncContextManager", "SupportsBytes") or hasattr(mine, name):
        continue
    check("missing " + name, False, True)


def exprs(t):
    T = t.TypeVar("T")
    return [
        t.Any, t.List, t.List[int], t.Dict[str, t.List[int]], t.Optional[int], t.Union[int, str],
        t.Union[int, None, str], t.Union[int], t.Union[int, int], t.Callable[[int, str], bool],
        t.Callable[..., int], t.Tuple[int, ...], t.Tuple[()], t.Set[float], t.FrozenSet[int],
        t.Iterable[int], t.Iterator[str], t.Generator[int, None, None], t.Mapping[str, int],
        t.Sequence[T], t.ClassVar[int], t.Final[int], t.Literal[1, "a"], t.Type[int], T,
        t.TypeVar("U", covariant=True), t.TypeVar("V", contravariant=True), t.Optional[t.List[T]],
        t.Deque[int], t.DefaultDict[str, int], t.Counter[str], t.Sequence, t.NoReturn,
        t.List["Foo"], t.Dict[str, T][int], t.List[int] | None, t.AnyStr,
    ]


def norm(text):
    return text.replace("kiln_collections_abc", "collections.abc").replace("kiln_collections", "collections")


for a, b in zip(exprs(mine), exprs(ref)):
    check("repr %r" % (b,), repr(a), repr(b))
    check("origin %r" % (b,), norm(repr(mine.get_origin(a))), repr(ref.get_origin(b)))
    check("args %r" % (b,), repr(mine.get_args(a)), repr(ref.get_args(b)))
check("eq", mine.List[int] == mine.List[int], True)
check("ne", mine.List[int] == mine.List[str], False)
check("hash", hash(mine.Dict[str, int]) == hash(mine.Dict[str, int]), True)
check("optional eq union", mine.Optional[int] == mine.Union[int, None], True)
for alias in ("List", "Dict", "Iterable", "Sequence", "Mapping", "Callable", "Hashable"):
    for v in ([], {}, (), "s", len, 3):
        check("isinstance %s %r" % (alias, v), isinstance(v, getattr(mine, alias)),
              isinstance(v, getattr(ref, alias)))
check("isinstance subscripted", outcome(isinstance, [], mine.List[int])[:2],
      outcome(isinstance, [], ref.List[int])[:2])
check("instantiate List", outcome(mine.List), outcome(ref.List))
check("instantiate Deque", repr(mine.Deque([1])), "deque([1])")
check("cast", mine.cast(int, "x"), "x")
check("TYPE_CHECKING", mine.TYPE_CHECKING, False)


def generic(t):
    T = t.TypeVar("T")

    class Box(t.Generic[T]):
        def __init__(self, v):
            self.v = v

        def get(self):
            return self.v

    class IntBox(Box[int]):
        pass

    return Box(3).get(), IntBox(4).get(), isinstance(IntBox(1), Box)


check("generic", generic(mine), generic(ref))


def protocols(t):
    @t.runtime_checkable
    class Closer(t.Protocol):
        def close(self):
            ...

    class Plain(t.Protocol):
        def m(self):
            ...

    class F:
        def close(self):
            pass

    class G:
        pass

    return (isinstance(F(), Closer), isinstance(G(), Closer), issubclass(F, Closer),
            outcome(isinstance, F(), Plain)[:2], outcome(Closer)[:2],
            isinstance(3, t.SupportsInt), isinstance("s", t.SupportsInt),
            isinstance(2.5, t.SupportsFloat), isinstance(3, t.SupportsIndex))


check("protocols", protocols(mine), protocols(ref))


def namedtuples(t):
    class P(t.NamedTuple):
        x: int
        y: int = 0

        def norm(self):
            return self.x + self.y

    Q = t.NamedTuple("Q", [("a", int), ("b", str)])
    return (repr(P(1)), repr(P(1, 2)), P(3, 4).norm(), P._fields, P._field_defaults,
            repr(Q(1, "s")), Q._fields, isinstance(P(1), tuple), P.__annotations__, P.__name__)


check("NamedTuple", namedtuples(mine), namedtuples(ref))


def bad_nt(t):
    class P(t.NamedTuple):
        x: int = 1
        y: int
    return P


check("NamedTuple order", outcome(bad_nt, mine), outcome(bad_nt, ref))


def typeddicts(t):
    class Movie(t.TypedDict):
        name: str
        year: int

    class Sub(Movie, total=False):
        extra: bool

    m = Movie(name="x", year=1)
    return type(m).__name__, m, Movie.__annotations__, Sub.__annotations__, Sub.__total__


check("TypedDict", typeddicts(mine), typeddicts(ref))


def newtype(t):
    UserId = t.NewType("UserId", int)
    return UserId(5), UserId.__supertype__, UserId.__name__


check("NewType", newtype(mine), newtype(ref))


def overloads(t):
    @t.overload
    def f(x: int) -> int:
        ...

    @t.overload
    def f(x: str) -> str:
        ...

    def f(x):
        return x
    return f(3)


check("overload", overloads(mine), overloads(ref))


class Hinted:
    a: int
    b: "str"


check("get_type_hints", mine.get_type_hints(Hinted), ref.get_type_hints(Hinted))


def fn(x: int, y: "float" = 1.0) -> None:
    pass


check("get_type_hints fn", mine.get_type_hints(fn), ref.get_type_hints(fn))
check("any isinstance", outcome(isinstance, 1, mine.Any)[:2], outcome(isinstance, 1, ref.Any)[:2])

future = load("__future__")
import __future__ as rfuture
for name in rfuture.all_feature_names:
    check("future " + name, repr(getattr(future, name)), repr(getattr(rfuture, name)))
check("future all", future.all_feature_names, rfuture.all_feature_names)
finish("typing")
