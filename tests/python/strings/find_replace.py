s = "abracadabra"
print(s.find("bra"), s.find("bra", 2), s.rfind("bra"), s.find("zz"), s.index("cad"), s.rindex("a"))
print(s.count("a"), s.count("bra"), s.count(""), s.count("a", 4, 9))
print(s.replace("a", "A"), s.replace("a", "", 2), s.replace("", "-"), s.replace("abra", "X"))
print(s.startswith("abr"), s.endswith("bra"), s.startswith(("x", "a")), s.endswith("cad", 0, 7))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
