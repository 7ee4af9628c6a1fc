"""Binary min-heaps stored in plain lists (heap[k] <= heap[2k+1], heap[2k+2]).

Popping uses the "bottom-up" variant: the hole left at the root is moved
down along the smaller children to a leaf, the last item is put there and
then sifted up again.  This does fewer comparisons than the textbook
version and gives the same list layouts as CPython, which programs that
print heaps can observe.  nlargest/nsmallest equal sorted(...)[:n]
(stable for ties); merge is a lazy k-way merge.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def _sift_toward_root(heap, startpos, pos):
    # The item at pos may be smaller than its parents: move it up.
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _sift_to_leaf(heap, pos):
    # Move the smaller child up into the hole at pos until a leaf is
    # reached, then place the displaced item there and sift it back up.
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, startpos, pos)


def heappush(heap, item):
    """Push item onto heap, keeping the heap invariant."""
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop and return the smallest item."""
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_to_leaf(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop the smallest item, then push item (heap must be non-empty)."""
    smallest = heap[0]
    heap[0] = item
    _sift_to_leaf(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item, then pop the smallest, faster than the two calls."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_to_leaf(heap, 0)
    return item


def heapify(x):
    """Turn the list x into a heap in place, in linear time."""
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_to_leaf(x, i)


# Max-heap helpers used by merge(reverse=True).
def _sift_toward_root_max(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < item:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _sift_to_leaf_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root_max(heap, startpos, pos)


def _heapify_max(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_to_leaf_max(x, i)


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_to_leaf_max(heap, 0)
        return top
    return last


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (stable across inputs)."""
    # Entries are [sort value, input order, current item, iterator]; the
    # input order breaks ties so earlier inputs come first.
    entries = []
    direction = -1 if reverse else 1
    for order, it in enumerate(map(iter, iterables)):
        for first in it:
            value = first if key is None else key(first)
            entries.append([value, order * direction, first, it])
            break
    if reverse:
        _heapify_max(entries)
        push_down = _sift_to_leaf_max
    else:
        heapify(entries)
        push_down = _sift_to_leaf
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        it = top[3]
        for nxt in it:
            top[0] = nxt if key is None else key(nxt)
            top[2] = nxt
            push_down(entries, 0)
            break
        else:
            if reverse:
                _heappop_max(entries)
            else:
                heappop(entries)
    if entries:
        top = entries[0]
        yield top[2]
        yield from top[3]


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
