print("{} {} {}".format(1, "two", 3.0), "{0}{1}{0}".format("ab", "cd"), "{x}-{y}".format(x=1, y=2))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}".format("r", "l", "c", "mid", 3.14159))
print("{0[0]} {0[1]} {1[key]} {2.real}".format([10, 20], {"key": "v"}, 5))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{{literal}} {}".format(1))
print("{:,} {:_} {:+} {: } {:x} {:#b} {:o} {:e} {:.2%}".format(1234567, 1234567, 5, 5, 255, 5, 8, 12345.678, 0.256))
w = 10
print("{:>{w}}|{:.{p}f}".format("dyn", 2.71828, w=w, p=3))
