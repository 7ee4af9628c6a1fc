//! Kiln's bytecode: the contract between the compiler and the interpreter.
//!
//! # Problem
//! The compiler turns a module into a tree of [`CodeObject`]s; the
//! interpreter (and, through it, the tracing JIT) executes them. Both sides
//! must agree exactly on every opcode's operand, its stack effect and its
//! control flow. This module is that agreement, written down once.
//!
//! # Approach
//! A plain stack machine. A code object holds a `Vec<Instr>`; an instruction
//! is an [`Op`] plus a 32-bit `arg` (no `EXTENDED_ARG`). Jump arguments are
//! absolute instruction indexes. Nothing here is a GC object: the runtime
//! converts constants into heap objects when it loads a code object.
//!
//! # The frame
//! A frame is one fixed-size array of slots (it is the JIT's virtualizable):
//!
//! ```text
//! [ locals: varnames.len() | cells: cellvars.len() | frees: freevars.len() | value stack: max_stack ]
//! ```
//!
//! * `LOAD_FAST i` / `STORE_FAST i` / `DELETE_FAST i` address slot `i`,
//!   `0 <= i < varnames.len()`. Arguments come first, in this order:
//!   positional (`argcount`, which includes the positional-only ones),
//!   keyword-only (`kwonlyargcount`), then `*args` if `VARARGS`, then
//!   `**kwargs` if `VARKEYWORDS`. A local that is unbound holds NULL.
//! * `*_DEREF i` and `LOAD_CLOSURE i` address "deref index" `i` in
//!   `cellvars ++ freevars`, i.e. frame slot `varnames.len() + i`. Each such
//!   slot holds a cell object. On frame entry the runtime puts a fresh, empty
//!   cell in every cellvar slot and the function's closure cells (in
//!   `freevars` order) in the free slots. If an argument is also a cellvar,
//!   the compiler emits `LOAD_FAST arg; STORE_DEREF cell` at the start of the
//!   body (no special runtime rule).
//! * There is no block stack: exception handling uses the static
//!   [`ExceptionEntry`] table (in the style of CPython 3.11).
//!
//! # Notation used in the op docs
//! Stacks are written bottom → top: `(a, b -- c)` pops `b` (TOS) then `a` and
//! pushes `c`. `STACK[-1]` is TOS. "NULL" is an empty slot (`None` in an
//! `Option<GcRef>`), never visible to Python code.
//!
//! # Exceptions
//! When an instruction at index `pc` raises, the runtime looks up the entry
//! of `exception_table` with `start <= pc < end` (entries are sorted and do
//! not overlap). If there is none the exception propagates to the caller.
//! Otherwise it pops the value stack down to `depth` items, pushes `pc` as an
//! int if `push_lasti`, pushes the exception object, and jumps to `target`.
//! The "currently handled exception" (`sys.exc_info()`) is thread state
//! saved/restored by `PUSH_EXC_INFO`/`POP_EXCEPT`.
//!
//! # Generators and coroutines
//! Calling a code object with `GENERATOR` or `COROUTINE` in its flags does
//! not run it: the runtime binds arguments into a new frame and returns a
//! generator (or coroutine) object owning it. `send(v)` resumes: on the first
//! resume `v` must be None and is not pushed; on later resumes `v` is pushed
//! as the result of the `YIELD_VALUE` that suspended. `throw(e)` resumes by
//! raising `e` at the suspended `YIELD_VALUE` — unless that instruction has
//! `arg == 1` (it is inside `yield from`/`await`): then the delegate iterator
//! is TOS and `throw`/`close` are first forwarded to the delegate's own
//! `throw`/`close` (if it has them). If the delegate then yields `y`, the
//! frame stays suspended at the same `YIELD_VALUE` and `y` is the result of
//! `throw`. If it raises StopIteration(r), replace the delegate at TOS by
//! `r` and continue at the target of the `SEND` (always the instruction
//! just before a `YIELD_VALUE 1`). Any other exception is raised at the
//! `YIELD_VALUE`. `RETURN_VALUE` in a generator raises
//! `StopIteration(value)` to the caller of `send`.
//!
//! An `ASYNC_GENERATOR` code makes an async generator: it is driven by the
//! awaitables its `__anext__`/`asend`/`athrow`/`aclose` return. Its own
//! `yield v` is a `YIELD_VALUE 0` (the value goes to the awaitable, which
//! finishes with `StopIteration(v)`); a `YIELD_VALUE 1` inside an `await`
//! passes through to whoever drives the awaitable. `return` ends it with
//! StopAsyncIteration.
//!
//! # Invariants
//! * `max_stack` is the exact maximum value-stack depth over all paths,
//!   including handler entry (`depth + push_lasti + 1`).
//! * Every path ends in `RETURN_VALUE`, `RAISE_VARARGS` or `RERAISE`; the
//!   interpreter never runs off the end of `code`.
//! * `locations.len() == code.len()`.

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

/// One instruction: an opcode and its operand (0 when unused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

macro_rules! ops {
    ($( $(#[doc = $doc:literal])* $name:ident = $text:literal, )*) => {
        /// The opcodes. The doc of each variant gives its operand and stack effect.
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Op {
            /// All opcodes, in numbering order.
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            /// The opcode's name as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => $text,)* }
            }
        }
    };
}

ops! {
    /// Does nothing. `( -- )`
    Nop = "NOP",
    /// Discard TOS. `(a -- )`
    PopTop = "POP_TOP",
    /// Push a copy of the `arg`-th item from the top (`arg >= 1`; `COPY 1`
    /// duplicates TOS). `(x, ...[arg-1 items] -- x, ..., x)`
    Copy = "COPY",
    /// Swap TOS with the `arg`-th item from the top (`arg >= 2`).
    /// `(x, ..., y -- y, ..., x)`
    Swap = "SWAP",

    // ---- constants and variables -------------------------------------
    /// Push `consts[arg]`. `( -- value)`
    LoadConst = "LOAD_CONST",
    /// Push local slot `arg`; UnboundLocalError
    /// ("cannot access local variable 'x' where it is not associated with a
    /// value") if NULL. `( -- value)`
    LoadFast = "LOAD_FAST",
    /// Store TOS into local slot `arg`. `(value -- )`
    StoreFast = "STORE_FAST",
    /// Set local slot `arg` to NULL; UnboundLocalError if already NULL. `( -- )`
    DeleteFast = "DELETE_FAST",
    /// Push the contents of the cell at deref index `arg`. If empty:
    /// UnboundLocalError for a cellvar, NameError ("cannot access free
    /// variable 'x' where it is not associated with a value in enclosing
    /// scope") for a freevar. `( -- value)`
    LoadDeref = "LOAD_DEREF",
    /// Store TOS into the cell at deref index `arg`. `(value -- )`
    StoreDeref = "STORE_DEREF",
    /// Empty the cell at deref index `arg` (error if already empty). `( -- )`
    DeleteDeref = "DELETE_DEREF",
    /// Push the cell object itself at deref index `arg` (to build a
    /// closure tuple for `MAKE_FUNCTION`). `( -- cell)`
    LoadClosure = "LOAD_CLOSURE",
    /// Class bodies only: look the name of deref index `arg` up in the
    /// frame's locals mapping first; if absent, load the cell like
    /// `LOAD_DEREF`. `( -- value)`
    LoadClassDeref = "LOAD_CLASSDEREF",
    /// Push global `names[arg]`: the module's globals dict, then builtins;
    /// NameError ("name 'x' is not defined") if absent. `( -- value)`
    LoadGlobal = "LOAD_GLOBAL",
    /// `globals[names[arg]] = TOS`. `(value -- )`
    StoreGlobal = "STORE_GLOBAL",
    /// `del globals[names[arg]]`; NameError if absent. `( -- )`
    DeleteGlobal = "DELETE_GLOBAL",
    /// Module and class bodies: look `names[arg]` up in the frame's locals
    /// mapping, then globals, then builtins; NameError if absent.
    /// `( -- value)`
    LoadName = "LOAD_NAME",
    /// `locals[names[arg]] = TOS` (the frame's locals mapping). `(value -- )`
    StoreName = "STORE_NAME",
    /// `del locals[names[arg]]`; NameError if absent. `( -- )`
    DeleteName = "DELETE_NAME",

    // ---- attributes and subscripts -----------------------------------
    /// `getattr(obj, names[arg])`. `(obj -- value)`
    LoadAttr = "LOAD_ATTR",
    /// `obj.names[arg] = value`. `(value, obj -- )`
    StoreAttr = "STORE_ATTR",
    /// `del obj.names[arg]`. `(obj -- )`
    DeleteAttr = "DELETE_ATTR",
    /// Method lookup for a following `CALL_METHOD`. If `type(obj)` has a
    /// plain function `names[arg]` that is not shadowed by the instance,
    /// push `(func, obj)`; otherwise push `(getattr(obj, name), NULL)`.
    /// `(obj -- callable, self_or_null)`
    LoadMethod = "LOAD_METHOD",
    /// `container[key]`. `(container, key -- value)`
    BinarySubscr = "BINARY_SUBSCR",
    /// `container[key] = value`. `(value, container, key -- )`
    StoreSubscr = "STORE_SUBSCR",
    /// `del container[key]`. `(container, key -- )`
    DeleteSubscr = "DELETE_SUBSCR",

    // ---- operators ---------------------------------------------------
    /// Binary operator; `arg` is a [`BinOp`] (inplace kinds try `__iadd__`
    /// etc. first). `(lhs, rhs -- result)`
    BinaryOp = "BINARY_OP",
    /// `-x`. `(x -- result)`
    UnaryNegative = "UNARY_NEGATIVE",
    /// `+x`. `(x -- result)`
    UnaryPositive = "UNARY_POSITIVE",
    /// `not x` (a bool). `(x -- result)`
    UnaryNot = "UNARY_NOT",
    /// `~x`. `(x -- result)`
    UnaryInvert = "UNARY_INVERT",
    /// Rich comparison; `arg` is a [`CmpOp`]. `(lhs, rhs -- result)`
    CompareOp = "COMPARE_OP",
    /// `lhs is rhs` (`arg == 0`) or `lhs is not rhs` (`arg == 1`); a bool.
    /// `(lhs, rhs -- bool)`
    IsOp = "IS_OP",
    /// `lhs in rhs` (`arg == 0`) or `lhs not in rhs` (`arg == 1`); a bool.
    /// `(lhs, rhs -- bool)`
    ContainsOp = "CONTAINS_OP",

    // ---- building values ---------------------------------------------
    /// `slice(start, stop)` if `arg == 2`, `slice(start, stop, step)` if
    /// `arg == 3`. `(start, stop[, step] -- slice)`
    BuildSlice = "BUILD_SLICE",
    /// Tuple of the top `arg` items (first pushed = item 0).
    /// `(x1, ..., xn -- tuple)`
    BuildTuple = "BUILD_TUPLE",
    /// List of the top `arg` items. `(x1, ..., xn -- list)`
    BuildList = "BUILD_LIST",
    /// Set of the top `arg` items. `(x1, ..., xn -- set)`
    BuildSet = "BUILD_SET",
    /// Dict of `arg` key/value pairs, inserted in order.
    /// `(k1, v1, ..., kn, vn -- dict)`
    BuildMap = "BUILD_MAP",
    /// Concatenate the top `arg` strings (f-strings). `(s1, ..., sn -- str)`
    BuildString = "BUILD_STRING",
    /// Replace a list by a tuple with the same items. `(list -- tuple)`
    ListToTuple = "LIST_TO_TUPLE",
    /// f-string field. `arg & 3`: conversion 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    /// If `arg & 4`, a format spec string is TOS above the value. Result is
    /// `format(conv(value), spec or '')`.
    /// `(value[, spec] -- str)`
    FormatValue = "FORMAT_VALUE",
    /// `STACK[-arg].append(v)` where `STACK[-arg]` is counted after popping
    /// `v` (comprehensions). `(list, ...[arg-1], v -- list, ...)`
    ListAppend = "LIST_APPEND",
    /// `STACK[-arg].add(v)`, counted after the pop. `(set, ..., v -- set, ...)`
    SetAdd = "SET_ADD",
    /// `STACK[-arg][k] = v`, counted after popping both.
    /// `(dict, ..., k, v -- dict, ...)`
    MapAdd = "MAP_ADD",
    /// `STACK[-arg].extend(iterable)`, counted after the pop (star displays
    /// and star arguments). `(list, ..., iterable -- list, ...)`
    ListExtend = "LIST_EXTEND",
    /// `STACK[-arg].update(iterable)`, counted after the pop.
    /// `(set, ..., iterable -- set, ...)`
    SetUpdate = "SET_UPDATE",
    /// `STACK[-arg].update(mapping)` for `{**m}` displays; TypeError
    /// "'T' object is not a mapping" if not a mapping.
    /// `(dict, ..., mapping -- dict, ...)`
    DictUpdate = "DICT_UPDATE",
    /// Like `DICT_UPDATE` but for `f(**m)`: a duplicate key raises
    /// TypeError "f() got multiple values for keyword argument 'k'"; the
    /// callable is at `STACK[-(arg + 2)]` after the pop (for the message).
    /// `(callable, args, ..., dict, ..., mapping -- ...)`
    DictMerge = "DICT_MERGE",

    // ---- unpacking ---------------------------------------------------
    /// Unpack an iterable of exactly `arg` items; item 0 ends on TOS.
    /// ValueError "not enough values to unpack (expected n, got m)" /
    /// "too many values to unpack (expected n)".
    /// `(seq -- x_n-1, ..., x1, x0)`
    UnpackSequence = "UNPACK_SEQUENCE",
    /// Starred unpack `a, *b, c = seq`: `arg & 0xff` items before the star,
    /// `arg >> 8` after. Pushes the after-items, the list of the middle,
    /// then the before-items, so the first target is TOS.
    /// `(seq -- after..., list, before...)` (`before + 1 + after` pushed)
    UnpackEx = "UNPACK_EX",

    // ---- calls and functions -----------------------------------------
    /// Call with `arg` positional arguments. `(callable, a1, ..., an -- result)`
    Call = "CALL",
    /// Call with keywords. TOS is a constant tuple of `k` keyword names; the
    /// last `k` of the `arg` arguments are their values in that order.
    /// `(callable, a1, ..., an, names -- result)`
    CallKw = "CALL_KW",
    /// Call after `LOAD_METHOD` with `arg` positional arguments: if
    /// `self_or_null` is NULL call `callable(a1..an)`, else
    /// `callable(self, a1..an)`. `(callable, self_or_null, a1, ..., an -- result)`
    CallMethod = "CALL_METHOD",
    /// Call `callable(*args, **kwargs)`; `args` is a tuple; `kwargs` (a
    /// dict) is present iff `arg & 1`. `(callable, args[, kwargs] -- result)`
    CallEx = "CALL_EX",
    /// Build a function from the code object at TOS (`Constant::Code`) and,
    /// below it, the parts flagged in `arg` (see [`make_function`]), pushed
    /// in this order: defaults tuple (`DEFAULTS`), kw-only defaults dict
    /// (`KWDEFAULTS`), annotations dict (`ANNOTATIONS`), closure tuple of
    /// cells (`CLOSURE`). Its `__qualname__` is `code.qualname`, its
    /// globals the current frame's globals.
    /// `([defaults], [kwdefaults], [annotations], [closure], code -- function)`
    MakeFunction = "MAKE_FUNCTION",
    /// Push `builtins.__build_class__`, which the compiler then calls as
    /// `__build_class__(body_function, name, *bases, **keywords)`. The body
    /// function's code runs with a fresh namespace dict as its locals
    /// mapping (use `LOAD_NAME`/`STORE_NAME`). If the body has a
    /// `__class__` cell it ends by storing that cell under
    /// `__classcell__`; `__build_class__` must set the cell to the new
    /// class. `( -- build_class)`
    LoadBuildClass = "LOAD_BUILD_CLASS",
    /// Return TOS to the caller (in a generator: finish with
    /// `StopIteration(value)`). `(value -- )`
    ReturnValue = "RETURN_VALUE",

    // ---- control flow ------------------------------------------------
    /// Jump forward to instruction `arg`. `( -- )`
    Jump = "JUMP",
    /// Jump backward to instruction `arg` (`arg <=` this index): a loop
    /// back edge, where the interpreter calls `can_enter_jit`. `( -- )`
    JumpBackward = "JUMP_BACKWARD",
    /// Pop TOS; jump to `arg` if it is falsy. `(cond -- )`
    PopJumpIfFalse = "POP_JUMP_IF_FALSE",
    /// Pop TOS; jump to `arg` if it is truthy. `(cond -- )`
    PopJumpIfTrue = "POP_JUMP_IF_TRUE",
    /// If TOS is falsy jump to `arg` keeping it, else pop it (`and`).
    /// `(x -- x)` when jumping, `(x -- )` otherwise
    JumpIfFalseOrPop = "JUMP_IF_FALSE_OR_POP",
    /// If TOS is truthy jump to `arg` keeping it, else pop it (`or`).
    /// `(x -- x)` when jumping, `(x -- )` otherwise
    JumpIfTrueOrPop = "JUMP_IF_TRUE_OR_POP",
    /// `iter(x)`. `(x -- iterator)`
    GetIter = "GET_ITER",
    /// Call `next` on the iterator at TOS: push the value, or on exhaustion
    /// (StopIteration, which is swallowed) pop the iterator and jump to
    /// `arg`. `(it -- it, value)` / `(it -- )` when jumping
    ForIter = "FOR_ITER",

    // ---- generators and coroutines -----------------------------------
    /// Suspend the frame, handing TOS to the resumer; on resume the sent
    /// value is pushed. `arg == 1` marks the yield inside a
    /// `yield from`/`await` loop (delegate iterator is TOS after the pop).
    /// `(value -- sent)`
    YieldValue = "YIELD_VALUE",
    /// For `yield from x`: if `x` is a generator or a coroutine pass it
    /// through (a coroutine only when the current code is itself a
    /// coroutine/iterable coroutine), else `iter(x)`. `(x -- iterator)`
    GetYieldFromIter = "GET_YIELD_FROM_ITER",
    /// For `await x`: `x` if it is a coroutine, else `x.__await__()` (must
    /// be an iterator). `arg` picks the TypeError: 0 `await` ("object T
    /// can't be used in 'await' expression"), 1 the result of `__aenter__`,
    /// 2 the result of `__aexit__` ("'async with' received an object from
    /// __aenter__ that does not implement __await__: T"). `(x -- iterator)`
    GetAwaitable = "GET_AWAITABLE",
    /// `async for` entry: `type(x).__aiter__(x)`, which must have
    /// `__anext__`. `(x -- aiter)`
    GetAiter = "GET_AITER",
    /// `async for` step: the awaitable of `type(aiter).__anext__(aiter)`
    /// (as `GET_AWAITABLE`), awaited next by a `SEND` loop.
    /// `(aiter -- aiter, awaitable)`
    GetAnext = "GET_ANEXT",
    /// `async for` exit, the handler of the `GET_ANEXT`..`SEND` region:
    /// StopAsyncIteration ends the loop (both popped); any other exception
    /// is re-raised like `RERAISE`. `(aiter, exc -- )`
    EndAsyncFor = "END_ASYNC_FOR",
    /// One step of delegation. Send `v` to the delegate (`next(d)` if `v` is
    /// None and `d` is not a generator/coroutine, else `d.send(v)`). If it
    /// yields `y`: push it, continue with the next instruction (a
    /// `YIELD_VALUE 1`, then `JUMP_BACKWARD` to this `SEND`). If it raises
    /// StopIteration: pop the delegate, push the StopIteration value and
    /// jump to `arg`. `(d, v -- d, y)` / `(d, v -- result)` when jumping
    Send = "SEND",

    // ---- exceptions --------------------------------------------------
    /// `arg == 0`: re-raise the currently handled exception (RuntimeError
    /// "No active exception to reraise" if none); `arg == 1`: `raise exc`;
    /// `arg == 2`: `raise exc from cause`. A class is instantiated with no
    /// arguments. `([exc[, cause]] -- )`
    RaiseVarargs = "RAISE_VARARGS",
    /// Re-raise `exc` keeping its traceback. If `arg > 0`, after popping
    /// `exc`, the int at `STACK[-arg]` is the `lasti` to report as the
    /// raising instruction (for line numbers); it is not popped.
    /// `(exc -- )`
    Reraise = "RERAISE",
    /// Handler entry: make `exc` the currently handled exception, keeping
    /// the previous one (None if there was none) below it.
    /// `(exc -- prev_exc, exc)`
    PushExcInfo = "PUSH_EXC_INFO",
    /// Handler exit: restore `prev_exc` (None = no exception) as the
    /// currently handled exception. `(prev_exc -- )`
    PopExcept = "POP_EXCEPT",
    /// Does `exc` match the class or tuple of classes `ty`? (TypeError
    /// "catching classes that do not inherit from BaseException is not
    /// allowed" otherwise.) `(exc, ty -- exc, bool)`
    CheckExcMatch = "CHECK_EXC_MATCH",
    /// Push `AssertionError` (the builtin class). `( -- cls)`
    LoadAssertionError = "LOAD_ASSERTION_ERROR",
    /// `with` entry: look up `type(mgr).__exit__` and `__enter__` (TypeError
    /// "'T' object does not support the context manager protocol"), push
    /// the bound `__exit__`, call `__enter__()` and push its result.
    /// `(mgr -- exit, enter_result)`
    BeforeWith = "BEFORE_WITH",
    /// `with` exceptional exit: call `exit(type(exc), exc, exc.__traceback__)`
    /// where `exit` is `STACK[-4]` and `exc` TOS; push the result (not
    /// popped: the compiler tests its truth and then cleans up).
    /// `(exit, lasti, prev_exc, exc -- exit, lasti, prev_exc, exc, result)`
    WithExceptStart = "WITH_EXCEPT_START",
    /// `async with` entry: look up `type(mgr).__aenter__` and `__aexit__`
    /// (TypeError "'T' object does not support the asynchronous context
    /// manager protocol"), push the bound `__aexit__` and the result of
    /// `__aenter__()` (awaited next by `GET_AWAITABLE 1` and a `SEND` loop).
    /// `(mgr -- aexit, awaitable)`
    BeforeAsyncWith = "BEFORE_ASYNC_WITH",

    // ---- pattern matching (`match`) ----------------------------------
    /// Push True if `type(subject)` is a sequence for pattern matching
    /// (list, tuple, range, their subclasses, and classes that derive from
    /// or are registered with `collections.abc.Sequence`; never str, bytes
    /// or bytearray), else False. `(subject -- subject, bool)`
    MatchSequence = "MATCH_SEQUENCE",
    /// Push True if `type(subject)` is a mapping for pattern matching (dict,
    /// its subclasses, and `collections.abc.Mapping` subclasses or
    /// registered classes), else False. `(subject -- subject, bool)`
    MatchMapping = "MATCH_MAPPING",
    /// Push `len(obj)` as an int. `(obj -- obj, len)`
    GetLen = "GET_LEN",
    /// Look every key of the tuple `keys` up with `subject.get(key,
    /// sentinel)`: push the tuple of the values, or None as soon as one is
    /// missing. ValueError "mapping pattern checks duplicate key (k)" if a
    /// key repeats. `(subject, keys -- subject, keys, values_or_none)`
    MatchKeys = "MATCH_KEYS",
    /// Class pattern with `arg` positional sub-patterns and the keyword
    /// attribute names in the tuple `names`: if `subject` is an instance of
    /// `cls` (a type, else TypeError "called match pattern must be a
    /// type"), push the tuple of the `arg` attributes named by
    /// `cls.__match_args__` (or the subject itself for the builtins that
    /// match themselves) followed by the keyword attributes; push None if
    /// it is not an instance or an attribute is missing.
    /// `(subject, cls, names -- attrs_or_none)`
    MatchClass = "MATCH_CLASS",
    /// `**rest` of a mapping pattern: a new dict with the items of
    /// `subject` except the keys in the tuple `keys`.
    /// `(subject, keys -- rest)`
    CopyDictWithoutKeys = "COPY_DICT_WITHOUT_KEYS",

    // ---- modules -----------------------------------------------------
    /// `__import__(names[arg], globals, None, fromlist, level)`; `level` is
    /// an int, `fromlist` None or a tuple of str.
    /// `(level, fromlist -- module)`
    ImportName = "IMPORT_NAME",
    /// `getattr(module, names[arg])`, falling back to importing submodule
    /// `module.__name__ + '.' + name`; ImportError "cannot import name 'x'
    /// from 'm' (path)" otherwise. The module stays. `(module -- module, value)`
    ImportFrom = "IMPORT_FROM",
    /// `from m import *`: copy `m.__all__` (or every public name) into the
    /// frame's locals mapping. `(module -- )`
    ImportStar = "IMPORT_STAR",
    /// Module and class bodies: create `__annotations__ = {}` in the locals
    /// mapping if absent. `( -- )`
    SetupAnnotations = "SETUP_ANNOTATIONS",
    /// Interactive mode: if TOS is not None print its repr and set
    /// `builtins._`. `(value -- )`
    PrintExpr = "PRINT_EXPR",
}

/// Operand of `BINARY_OP`. Inplace kinds are the plain kind plus
/// [`BinOp::INPLACE`].
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add = 0,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    InplaceAdd,
    InplaceSub,
    InplaceMul,
    InplaceMatMul,
    InplaceTrueDiv,
    InplaceFloorDiv,
    InplaceMod,
    InplacePow,
    InplaceLShift,
    InplaceRShift,
    InplaceAnd,
    InplaceOr,
    InplaceXor,
}

impl BinOp {
    /// Distance from a plain kind to its inplace kind.
    pub const INPLACE: u32 = 13;
    const ALL: [BinOp; 26] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::InplaceAdd,
        BinOp::InplaceSub,
        BinOp::InplaceMul,
        BinOp::InplaceMatMul,
        BinOp::InplaceTrueDiv,
        BinOp::InplaceFloorDiv,
        BinOp::InplaceMod,
        BinOp::InplacePow,
        BinOp::InplaceLShift,
        BinOp::InplaceRShift,
        BinOp::InplaceAnd,
        BinOp::InplaceOr,
        BinOp::InplaceXor,
    ];

    /// Decode a `BINARY_OP` argument.
    pub fn from_arg(arg: u32) -> Option<BinOp> {
        BinOp::ALL.get(arg as usize).copied()
    }

    /// True for `+=` and friends.
    pub fn is_inplace(self) -> bool {
        self as u32 >= BinOp::INPLACE
    }

    /// The operator without the inplace flag.
    pub fn base(self) -> BinOp {
        BinOp::ALL[(self as u32 % BinOp::INPLACE) as usize]
    }

    /// The operator's source symbol (`"+"`, `"+="`, ...), for messages
    /// like "unsupported operand type(s) for +: 'int' and 'str'".
    pub fn symbol(self) -> &'static str {
        const SYMBOLS: [&str; 26] = [
            "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "+=", "-=", "*=",
            "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=",
        ];
        SYMBOLS[self as usize]
    }
}

/// Operand of `COMPARE_OP`.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt = 0,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// Decode a `COMPARE_OP` argument.
    pub fn from_arg(arg: u32) -> Option<CmpOp> {
        [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Gt,
            CmpOp::Ge,
        ]
        .get(arg as usize)
        .copied()
    }

    /// The operator's source symbol.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
}

/// Flags of `MAKE_FUNCTION`'s argument.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// Conversions in `FORMAT_VALUE`'s argument.
pub mod format_value {
    pub const CONV_MASK: u32 = 0x03;
    pub const CONV_NONE: u32 = 0;
    pub const CONV_STR: u32 = 1;
    pub const CONV_REPR: u32 = 2;
    pub const CONV_ASCII: u32 = 3;
    pub const HAS_SPEC: u32 = 0x04;
}

/// `CodeObject::flags` bits.
pub mod code_flags {
    /// The code has a `*args` parameter.
    pub const VARARGS: u32 = 0x04;
    /// The code has a `**kwargs` parameter.
    pub const VARKEYWORDS: u32 = 0x08;
    /// The code is nested in a function (it may have free variables).
    pub const NESTED: u32 = 0x10;
    /// Calling it makes a generator.
    pub const GENERATOR: u32 = 0x20;
    /// Calling it makes a coroutine (`async def`).
    pub const COROUTINE: u32 = 0x100;
    /// Calling it makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// A module or class body: names go through the locals mapping.
    pub const MODULE_OR_CLASS: u32 = 0x1000;
    /// Compiled under `from __future__ import annotations`.
    pub const FUTURE_ANNOTATIONS: u32 = 0x100_0000;
}

/// A constant of a code object.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    /// A complex literal's imaginary part (`2j` is `Complex(0.0, 2.0)`).
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    Code(Rc<CodeObject>),
}

impl PartialEq for Constant {
    /// Identity-like equality for constant deduplication: floats by bits,
    /// ints never equal to bools or floats, code objects by pointer.
    fn eq(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (True, True) | (False, False) | (Ellipsis, Ellipsis) => true,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex(a, b), Complex(c, d)) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a == b,
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Source position of one instruction. Lines are 1-based; columns are
/// 0-based and count characters (code points) from the start of the line,
/// end exclusive, as CPython's `co_positions()` does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One row of the exception table: an exception raised by an instruction
/// in `start..end` is handled at `target` (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    /// Value-stack depth to unwind to before pushing.
    pub depth: u32,
    /// Push the raising instruction's index (an int) before the exception.
    pub push_lasti: bool,
}

/// A compiled function, class body, module or comprehension.
#[derive(Clone, Debug, Default)]
pub struct CodeObject {
    /// `co_name`: function name, `<module>`, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// `__qualname__` of functions made from this code (`C.f.<locals>.g`).
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    /// Number of positional parameters, positional-only ones included.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// [`code_flags`] bits.
    pub flags: u32,
    /// Local variable names; parameters first (see the module doc).
    pub varnames: Vec<String>,
    /// Names of cells created by this frame (captured by inner scopes).
    pub cellvars: Vec<String>,
    /// Names of cells received from the closure.
    pub freevars: Vec<String>,
    /// Global, attribute and import names (`LOAD_GLOBAL`, `LOAD_ATTR`...).
    pub names: Vec<String>,
    pub consts: Vec<Constant>,
    pub code: Vec<Instr>,
    /// Per instruction, `locations[i]` is the source span of `code[i]`.
    pub locations: Vec<Location>,
    /// Sorted, non-overlapping handler ranges.
    pub exception_table: Vec<ExceptionEntry>,
    /// Exact maximum value-stack depth.
    pub max_stack: u32,
    /// The docstring, if the body starts with one (functions, classes,
    /// modules).
    pub docstring: Option<String>,
}

impl CodeObject {
    /// Number of frame slots before the value stack.
    pub fn nslots(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// Name of deref index `i` (`cellvars ++ freevars`).
    pub fn deref_name(&self, i: u32) -> &str {
        let i = i as usize;
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }

    /// The handler of instruction `pc`, if any.
    pub fn handler_for(&self, pc: u32) -> Option<&ExceptionEntry> {
        let i = self.exception_table.partition_point(|e| e.end <= pc);
        self.exception_table.get(i).filter(|e| e.start <= pc)
    }

    /// Line number of instruction `pc` (0 if unknown).
    pub fn line_of(&self, pc: u32) -> u32 {
        self.locations.get(pc as usize).map_or(0, |l| l.line)
    }

    /// Total number of parameters (including `*args`/`**kwargs`).
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & code_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & code_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}

/// What kind of operand an op has, for the disassembler and the stack
/// depth analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    None,
    Const,
    Local,
    Deref,
    Name,
    Jump,
    Number,
}

impl Op {
    /// How the op's argument is interpreted.
    pub fn arg_kind(self) -> ArgKind {
        use Op::*;
        match self {
            LoadConst => ArgKind::Const,
            LoadFast | StoreFast | DeleteFast => ArgKind::Local,
            LoadDeref | StoreDeref | DeleteDeref | LoadClosure | LoadClassDeref => ArgKind::Deref,
            LoadGlobal | StoreGlobal | DeleteGlobal | LoadName | StoreName | DeleteName
            | LoadAttr | StoreAttr | DeleteAttr | LoadMethod | ImportName | ImportFrom => {
                ArgKind::Name
            }
            Jump | JumpBackward | PopJumpIfFalse | PopJumpIfTrue | JumpIfFalseOrPop
            | JumpIfTrueOrPop | ForIter | Send => ArgKind::Jump,
            Copy | Swap | BinaryOp | CompareOp | IsOp | ContainsOp | BuildSlice | BuildTuple
            | BuildList | BuildSet | BuildMap | BuildString | FormatValue | ListAppend | SetAdd
            | MapAdd | ListExtend | SetUpdate | DictUpdate | DictMerge | UnpackSequence
            | UnpackEx | Call | CallKw | CallMethod | CallEx | MakeFunction | YieldValue
            | RaiseVarargs | Reraise | MatchClass | GetAwaitable => ArgKind::Number,
            _ => ArgKind::None,
        }
    }

    /// True if control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Op::Jump | Op::JumpBackward | Op::ReturnValue | Op::RaiseVarargs | Op::Reraise
        )
    }

    /// Stack effect of the instruction. `jump` selects the effect along the
    /// jump edge (for ops with `ArgKind::Jump`), otherwise the fall-through
    /// effect.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        use Op::*;
        let n = arg as i32;
        match self {
            Nop | Jump | JumpBackward | DeleteFast | DeleteDeref | DeleteGlobal | DeleteName
            | SetupAnnotations => 0,
            PopTop | StoreFast | StoreDeref | StoreGlobal | StoreName | DeleteAttr
            | ReturnValue | PopExcept | ImportStar | PrintExpr | PopJumpIfFalse | PopJumpIfTrue
            | Reraise => -1,
            Copy | LoadConst | LoadFast | LoadDeref | LoadClosure | LoadClassDeref | LoadGlobal
            | LoadName | LoadBuildClass | LoadAssertionError => 1,
            Swap | LoadAttr | UnaryNegative | UnaryPositive | UnaryNot | UnaryInvert
            | ListToTuple | GetIter | YieldValue | GetYieldFromIter | GetAwaitable | GetAiter => 0,
            GetAnext | BeforeAsyncWith => 1,
            EndAsyncFor => -2,
            StoreAttr | DeleteSubscr => -2,
            StoreSubscr => -3,
            LoadMethod => 1,
            BinarySubscr | BinaryOp | CompareOp | IsOp | ContainsOp => -1,
            BuildSlice => 1 - n,
            BuildTuple | BuildList | BuildSet | BuildString => 1 - n,
            BuildMap => 1 - 2 * n,
            FormatValue => {
                if arg & format_value::HAS_SPEC != 0 {
                    -1
                } else {
                    0
                }
            }
            ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate | DictMerge => -1,
            MapAdd => -2,
            UnpackSequence => n - 1,
            UnpackEx => ((arg & 0xff) + (arg >> 8)) as i32,
            Call => -n,
            CallKw => -n - 1,
            CallMethod => -n - 1,
            CallEx => -1 - (arg & 1) as i32,
            MakeFunction => -((arg & 0xf).count_ones() as i32),
            JumpIfFalseOrPop | JumpIfTrueOrPop => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            ForIter => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            Send => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            RaiseVarargs => -n,
            PushExcInfo => 1,
            CheckExcMatch => 0,
            BeforeWith => 1,
            WithExceptStart => 1,
            ImportName => -1,
            ImportFrom => 1,
            MatchSequence | MatchMapping | GetLen | MatchKeys => 1,
            MatchClass => -2,
            CopyDictWithoutKeys => -1,
        }
    }
}

impl fmt::Display for Constant {
    /// Python-like repr of a constant.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::None => write!(f, "None"),
            Constant::True => write!(f, "True"),
            Constant::False => write!(f, "False"),
            Constant::Ellipsis => write!(f, "Ellipsis"),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::BigInt(i) => write!(f, "{i}"),
            Constant::Float(x) => write!(f, "{x:?}"),
            Constant::Complex(re, im) => write!(f, "({re:?}+{im:?}j)"),
            Constant::Str(s) => write!(f, "{s:?}"),
            Constant::Bytes(b) => write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Constant::Tuple(items) => {
                write!(f, "(")?;
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{c}")?;
                }
                if items.len() == 1 {
                    write!(f, ",")?;
                }
                write!(f, ")")
            }
            Constant::Code(c) => write!(f, "<code {}>", c.name),
        }
    }
}

impl fmt::Display for CodeObject {
    /// A disassembly: header, one line per instruction (index, source line
    /// when it changes, op, arg and its meaning), the exception table, then
    /// nested code objects.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "code {} ({}) args={} posonly={} kwonly={} flags={:#x} stack={}",
            self.qualname,
            self.filename,
            self.argcount,
            self.posonlyargcount,
            self.kwonlyargcount,
            self.flags,
            self.max_stack
        )?;
        if !self.varnames.is_empty() {
            writeln!(f, "  locals: {}", self.varnames.join(", "))?;
        }
        if !self.cellvars.is_empty() {
            writeln!(f, "  cells: {}", self.cellvars.join(", "))?;
        }
        if !self.freevars.is_empty() {
            writeln!(f, "  frees: {}", self.freevars.join(", "))?;
        }
        let mut last_line = 0;
        for (i, ins) in self.code.iter().enumerate() {
            let line = self.line_of(i as u32);
            if line != last_line {
                write!(f, "{line:>5} ")?;
                last_line = line;
            } else {
                write!(f, "      ")?;
            }
            write!(f, "{i:>4} {}", ins.op.name())?;
            match ins.op.arg_kind() {
                ArgKind::None => {}
                kind => {
                    write!(f, " {}", ins.arg)?;
                    let detail = match kind {
                        ArgKind::Const => self.consts.get(ins.arg as usize).map(|c| c.to_string()),
                        ArgKind::Local => self.varnames.get(ins.arg as usize).cloned(),
                        ArgKind::Deref => {
                            let i = ins.arg as usize;
                            (i < self.cellvars.len() + self.freevars.len())
                                .then(|| self.deref_name(ins.arg).to_string())
                        }
                        ArgKind::Name => self.names.get(ins.arg as usize).cloned(),
                        ArgKind::Jump => Some(format!("to {}", ins.arg)),
                        _ => match ins.op {
                            Op::BinaryOp => {
                                BinOp::from_arg(ins.arg).map(|b| b.symbol().to_string())
                            }
                            Op::CompareOp => {
                                CmpOp::from_arg(ins.arg).map(|c| c.symbol().to_string())
                            }
                            _ => None,
                        },
                    };
                    if let Some(d) = detail {
                        write!(f, " ({d})")?;
                    }
                }
            }
            writeln!(f)?;
        }
        if !self.exception_table.is_empty() {
            writeln!(f, "  exception table:")?;
            for e in &self.exception_table {
                writeln!(
                    f,
                    "    {} to {} -> {} [{}]{}",
                    e.start,
                    e.end,
                    e.target,
                    e.depth,
                    if e.push_lasti { " lasti" } else { "" }
                )?;
            }
        }
        for c in &self.consts {
            if let Constant::Code(inner) = c {
                writeln!(f)?;
                write!(f, "{inner}")?;
            }
        }
        Ok(())
    }
}
