import shapes
from shapes import Circle, Square
from shapes.util.fmt import describe
print(shapes.LOADED, [c.__name__ for c in shapes.all_shapes()])
print(Circle(2).area(), Square(3).area(), describe(Square(2)))
print(shapes.Circle is Circle, shapes.circle.Circle is Circle, Circle.kind)
print(shapes.__name__, shapes.circle.__name__, shapes.util.fmt.__name__)
