import sys
for i in range(100):
    print("line", i)
sys.stdout.flush()
raise ValueError("after lots of output")
