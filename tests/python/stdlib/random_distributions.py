import random
random.seed(7)
print(round(random.gauss(0, 1), 12), round(random.normalvariate(5, 2), 12))
print(round(random.expovariate(1.5), 12), round(random.triangular(0, 10, 3), 12))
print(random.choices("abc", weights=[1, 5, 10], k=10))
st = random.getstate()
a = random.random()
random.setstate(st)
print(a == random.random())
