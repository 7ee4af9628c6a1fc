import sys
print(sys.argv[0].endswith("sys_basics.py"), len(sys.argv), sys.version_info[:2] >= (3, 11), sys.version_info.major)
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"), type(sys.path).__name__, "sys" in sys.modules)
print(sys.getrecursionlimit() >= 100, isinstance(sys.platform, str), sys.float_info.max == 1.7976931348623157e308)
sys.stdout.write("written directly\n")
sys.stderr.write("to stderr\n")
print(sys.int_info.bits_per_digit > 0 if hasattr(sys, "int_info") else True, sys.float_info.epsilon)
