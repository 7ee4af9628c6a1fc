from collections import defaultdict
from dataclasses import dataclass
@dataclass
class Item:
    sku: str
    name: str
    category: str
    qty: int
    price: float
    @property
    def value(self):
        return self.qty * self.price
raw = """A100,widget,tools,12,2.50
B200,gadget,tools,3,10.00
C300,apple,food,120,0.35
D400,banana,food,0,0.20
E500,hammer,tools,7,15.75
F600,cheese,food,9,4.10"""
items = []
for line in raw.splitlines():
    sku, name, cat, qty, price = line.split(",")
    items.append(Item(sku, name, cat, int(qty), float(price)))
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)
for cat in sorted(by_cat):
    group = sorted(by_cat[cat], key=lambda i: -i.value)
    print(f"== {cat} ({len(group)} items, value {sum(i.value for i in group):.2f})")
    for i in group:
        flag = " OUT OF STOCK" if i.qty == 0 else ""
        print(f"  {i.sku} {i.name:<8} {i.qty:>4} x {i.price:>6.2f} = {i.value:>8.2f}{flag}")
print("total", f"{sum(i.value for i in items):,.2f}", "cheapest", min(items, key=lambda i: i.price).name)
