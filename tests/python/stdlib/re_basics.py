import re
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"\s+", " ", "a   b \t c"), re.split(r"[,;]", "a,b;c"))
m = re.match(r"(\w+)@(\w+)\.com", "joe@example.com")
print(m.group(0), m.group(1), m.groups(), m.span(2))
print(re.search(r"o+", "foo boo").start(), bool(re.fullmatch(r"[a-z]+", "abc")), re.fullmatch("a", "ab"))
p = re.compile(r"(?P<k>\w+)=(?P<v>\d+)")
print([m.groupdict() for m in p.finditer("a=1 b=22")])
