import sys
def finish():
    print("finishing")
    sys.exit()
try:
    finish()
finally:
    print("finally still runs")
