s = "xxhello worldxx"
print(s.strip("x"), s.lstrip("x"), s.rstrip("x"), "  pad  ".strip(), "\t a \n".strip())
print("abc".center(9, "*"), "abc".ljust(6, "-") + "|", "abc".rjust(6) + "|", "42".zfill(5), "-42".zfill(6))
print("abc".center(4), "|" + "ab".center(5) + "|", "+7".zfill(4))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "abc".removeprefix("x"))
