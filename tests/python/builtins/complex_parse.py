# complex() from strings: the accepted forms, whitespace and parentheses,
# underscores, nan/inf, Unicode digits and spaces, and malformed input.
good = ["1+2j", "  (1-2.5e3J) ", "j", "-j", "+J", "1-j", "1+j", "nan+infj", "-nan-infinityj",
        "1e400", "1e400j", "-1e400-1e400j", "1e3j", "1E-3J", ".5j", "5.j", "5.", ".5", "0", "-0",
        "-0j", "-0-0j", "0-0j", "(j)", "( -j )", "1_0j", "1_000.000_1+2_0j", "infj", "-inf",
        "INFINITY", "NaN", "\t\n1\r\x0b\x0c", "\u00a01+2j\u2003", "\u0661+\u0662j", "(1+2j)",
        "1e+3+1e-3j", "00012", "1e0001j", "+1.5-0.5J", "-.5e-2+.5e+2j", "1e5j", "1_2e1_0"]
for s in good:
    z = complex(s)
    print(ascii(s), repr(z), repr(z.real), repr(z.imag))

bad = ["", " ", "()", "(", ")", "1 + 2j", "0x1", "0x1j", "1e+j", "jj", "1jj", "1+2", "1+2jx",
       "(1+2j", "1+2j)", "((1+2j))", "1\x002j", "abc", "+", "-", "1+", "j1", "1j+2", "1+-2j",
       "1++2j", "2j+1j", "i", "1i", "1..2", "e5", "1e", "nanj+1", "inf-", "- 1", "1 j",
       "\u00a0", "1\u00a0j", "\u216b", "1+2j\x00", "--1", "+-j"]
for s in bad:
    try:
        print(ascii(s), complex(s))
    except ValueError as e:
        print(ascii(s), "ValueError", e)

under = ["1__0", "_1", "1_", "1._5", "1_.5", "1e_5", "1_e5", "1+_2j", "1+2_j", "_j", "1_j_"]
for s in under:
    try:
        print(ascii(s), complex(s))
    except ValueError as e:
        print(ascii(s), "ValueError", e)

class S(str):
    pass

print(complex(S("3-4j")), complex(real="7j"), complex(real=" 8 "))
