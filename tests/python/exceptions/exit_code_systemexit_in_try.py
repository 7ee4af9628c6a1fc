import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    raise SystemExit("message")
except SystemExit as e:
    print("code:", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
sys.exit(4)
