db = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}], "count": 2}
db["users"].append({"name": "cy", "tags": ["c"]})
db["count"] += 1
print(db)
print([u["name"] for u in db["users"] if u["tags"]])
print(sum(len(u["tags"]) for u in db["users"]))
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid, grid[1][2])
