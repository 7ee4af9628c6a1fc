import shapes.base as b
from shapes.base import *
from math import sqrt as root, pi
print(b.Shape is Shape, root(16), round(pi, 3))
import math, sys as system
print(math.floor(2.5), system.maxsize > 2 ** 31)
