from collections import deque
def task(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        yield
    return name
def run(tasks):
    q = deque(tasks)
    done = []
    while q:
        t = q.popleft()
        try:
            next(t)
            q.append(t)
        except StopIteration as e:
            done.append(e.value)
    return done
print(run([task("A", 3), task("B", 1), task("C", 2)]))
