x = 3.14159265358979
for spec in ["f", ".2f", "10.3f", "<10.3f", "^10.1f", "+.4f", "e", ".3e", "E", "g", ".3g", ".10g", "%", ".1%", "010.2f", ",.2f"]:
    print(spec, "[" + format(x, spec) + "]")
for v in [1e-10, 1e20, 123456.0, 0.000123, -0.0, 1e16]:
    print(format(v, "g"), format(v, ".2e"), format(v, "f"), str(v))
print(format(1234567.891, ",.2f"), format(1234567.891, "_.1f"))
