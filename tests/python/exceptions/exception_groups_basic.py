def risky(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    return n
results, failures = [], []
for n in range(6):
    try:
        results.append(risky(n))
    except ValueError as e:
        failures.append(str(e))
print(results, failures)
