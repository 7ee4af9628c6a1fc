"""Kiln's string module against CPython's."""

import string as ref

from _load import check, finish, load, outcome

mine = load("string")

for name in ("whitespace", "ascii_lowercase", "ascii_uppercase", "ascii_letters",
             "digits", "hexdigits", "octdigits", "punctuation", "printable"):
    check(name, getattr(mine, name), getattr(ref, name))

for s, sep in (("hello world  foo", None), ("  a-b c ", None), ("a-b-c", "-"), ("", None),
               ("x,,y", ",")):
    check("capwords %r" % s, mine.capwords(s, sep), ref.capwords(s, sep))

mapping = {"who": "tim", "what": "kung pao", "x1": 3}
for t in ("$who likes $what", "${who}x $$ $x1", "$who $missing", "no placeholders",
          "trailing $", "$ what", "a $1 b", "${who", "line\nnext $ bad", "$$$who", "$who$what",
          "${ who}", "${}", "$Who", "$_x"):
    check("substitute %r" % t, outcome(mine.Template(t).substitute, mapping),
          outcome(ref.Template(t).substitute, mapping))
    check("safe %r" % t, outcome(mine.Template(t).safe_substitute, mapping),
          outcome(ref.Template(t).safe_substitute, mapping))
    check("ids %r" % t, mine.Template(t).get_identifiers(), ref.Template(t).get_identifiers())
    check("valid %r" % t, mine.Template(t).is_valid(), ref.Template(t).is_valid())
check("kw", mine.Template("$a $b").substitute({"a": 1}, b=2), ref.Template("$a $b").substitute({"a": 1}, b=2))
check("kw only", mine.Template("$a").substitute(a=5), ref.Template("$a").substitute(a=5))
finish("string")
