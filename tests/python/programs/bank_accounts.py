class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner}: need {amount}, have {self._balance}")
        self._balance -= amount
        self.history.append(("wd", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner}, {self._balance})"
class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self._balance * self.rate)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, *args, **kw):
        acc = cls(*args, **kw)
        self.accounts[acc.id] = acc
        return acc
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount)
        b.deposit(amount)
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(Savings, "bob", 1000, rate=0.05)
carol = bank.open(Account, "carol")
import random
rng = random.Random(2024)
ids = list(bank.accounts)
failures = 0
for step in range(200):
    s, d = rng.sample(ids, 2)
    amt = rng.randint(1, 150)
    try:
        bank.transfer(s, d, amt)
    except InsufficientFunds as e:
        failures += 1
        if failures <= 3:
            print("failed:", e)
    if step % 50 == 49:
        print(step + 1, sorted(bank.accounts.values(), key=lambda a: a.id), bank.total())
print("interest", bob.add_interest(), bob)
print("failures", failures, "history lengths", [len(a.history) for a in bank.accounts.values()])
try:
    carol.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
