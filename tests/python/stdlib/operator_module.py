import operator as op
print(op.add(1, 2), op.mul(3, 4), op.sub(5, 7), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3), op.neg(4), op.pow(2, 5))
print(op.eq(1, 1), op.lt(1, 2), op.not_(0), op.truth([1]), op.contains([1, 2], 2), op.getitem("abc", 1), op.concat([1], [2]))
ig = op.itemgetter(1, 0)
ag = op.attrgetter("real")
mc = op.methodcaller("upper")
print(ig("xyz"), ag(5), mc("abc"), sorted([(1, "b"), (0, "a"), (2, "a")], key=op.itemgetter(1, 0)))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.index(7), op.is_(None, None))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print(l, op.iadd([1], [2]))
