s = "héllo wörld ☃ 日本語"
print(len(s), s.upper(), s[1], s[-3:], s[::-1])
print([ord(c) for c in "aé☃"], chr(233), chr(9731), chr(0x1F600) == "\U0001F600")
print(s.encode("utf-8"), len(s.encode("utf-8")))
print("日本語".encode().decode("utf-8"), "ü" in s, s.find("☃"), "ab\u00e9".isalpha())
print(repr("tab\there"), repr("quote'"), repr('dq"'), repr("both'\""), repr("nl\n"), repr("\x00\x7f"))
