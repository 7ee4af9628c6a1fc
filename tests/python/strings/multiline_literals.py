s = """line one
    line two
line three"""
print(s)
print(len(s.splitlines()))
r = r"raw\nstring\t"
print(r, len(r))
b = ("implicit " "concatenation " 'of literals')
print(b)
print('single' + "double" + '''triple''' + """dq triple""")
print("esc: \\ \' \" \a\b\f\v".encode())
print("\N{BULLET} \u2603 \x41 \101")
