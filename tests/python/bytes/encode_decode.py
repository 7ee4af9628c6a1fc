for s in ["ascii", "café", "naïve ☃", "日本"]:
    e = s.encode("utf-8")
    print(s, e, len(e), e.decode("utf-8") == s)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError")
try:
    "é".encode("ascii")
except UnicodeEncodeError:
    print("UnicodeEncodeError")
print("é".encode("latin-1"), b"\xe9".decode("latin-1"), "x".encode("ascii", "ignore"))
