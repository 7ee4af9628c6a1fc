import heapq
import random
rng = random.Random(11)
class Sim:
    def __init__(self):
        self.t = 0.0
        self.q = []
        self.seq = 0
        self.log = []
    def at(self, dt, what, *args):
        self.seq += 1
        heapq.heappush(self.q, (self.t + dt, self.seq, what, args))
    def run(self, until):
        while self.q and self.q[0][0] <= until:
            self.t, _, what, args = heapq.heappop(self.q)
            what(self, *args)
queue_len = 0
served = 0
waits = []
def arrive(sim, cid):
    global queue_len
    queue_len += 1
    sim.log.append(("arrive", cid, round(sim.t, 3)))
    if queue_len == 1:
        sim.at(rng.expovariate(1.2), depart, cid, sim.t)
    sim.at(rng.expovariate(1.0), arrive, cid + 1)
def depart(sim, cid, start):
    global queue_len, served
    queue_len -= 1
    served += 1
    waits.append(sim.t - start)
    if queue_len > 0:
        sim.at(rng.expovariate(1.2), depart, cid + 1, sim.t)
s = Sim()
s.at(0, arrive, 0)
s.run(200.0)
print(served, queue_len, round(sum(waits) / len(waits), 6), s.log[:3], len(s.log))
