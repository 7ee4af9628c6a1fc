import shapes.circle as c
print(c.__name__, c.__package__ if hasattr(c, "__package__") else "shapes", __name__)
print(sorted(n for n in dir(c) if not n.startswith("_")))
import shapes
print(hasattr(shapes, "square"), getattr(shapes, "LOADED"))
