try:
    raise ValueError("x")
except ValueError as e:
    msg = str(e)
print(msg)
try:
    e
except NameError as ne:
    print("NameError:", ne)
