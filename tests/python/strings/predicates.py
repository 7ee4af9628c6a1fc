tests = ["abc", "ABC", "Abc Def", "123", "12.5", "  ", "", "abc123", "a b", "\t\n", "Ⅻ", "٣"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isprintable())
