import textwrap
t = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(t, 30))
print(textwrap.fill("one two three four five", width=10))
print(textwrap.dedent("    a\n      b\n    c"))
print(textwrap.indent("x\ny", "> "))
