N = 5000
sieve = [True] * (N + 1)
sieve[0] = sieve[1] = False
for i in range(2, int(N ** 0.5) + 1):
    if sieve[i]:
        for j in range(i * i, N + 1, i):
            sieve[j] = False
primes = [i for i, p in enumerate(sieve) if p]
print(len(primes), primes[:15], primes[-5:], sum(primes))
