import re
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(?P<a>\d)", r"<\g<a>>", "a1b2"), re.subn("x", "-", "axbxc"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 14 pears"))
print(re.split(r"(,)\s*", "a, b,c"), re.split(r"\s+", "  lead and trail  "), re.split(",", "a,b,c", maxsplit=1))
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"x*", "axxb"))
print(re.search(r"^b", "a\nb", re.M).start(), re.search(r"a.b", "a\nb", re.S) is not None, re.match("A", "a", re.I) is not None)
print(re.search(r"(a)|(b)", "b").groups(), re.search(r"(a)|(b)", "b").lastindex)
print(re.fullmatch(r"a|ab", "ab").group(), re.match(r"a+?", "aaa").group(), re.search(r"\bfoo\b", "a foo b").span())
print(re.escape("a.b*c"), re.compile(r"\d+").pattern, re.compile("x", re.I).flags == re.I | re.U)
print(re.search(r"(\d+)-(\d+)", "tel 12-345").group(1, 2), re.match(r"(?P<x>a)(?P=x)", "aa") is not None)
print(re.sub(r"é", "e", "café olé"), re.search(r"l+", "héllo").span(), re.findall(r"[aeiou]", "Unicode ünïcode"))
m = re.search(r"(?P<word>\w+)$", "end word\n")
print(m.group("word"), m.span(), re.match(r"\d{,2}", "1234").group())
try:
    re.compile("(")
except re.error as e:
    print("error", type(e).__name__)
