import sys
import shapes.util
print(__name__, shapes.util.__name__)
if __name__ == "__main__":
    print("run as script")
print(type(sys).__name__)
from counter_mod import runner
print(runner.main())
