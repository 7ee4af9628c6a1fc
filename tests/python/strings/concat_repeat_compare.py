a = "abc"
print(a + "def", a * 3, 3 * a, a * 0, a * -1, "" * 100)
print("abc" < "abd", "abc" < "ab", "B" < "a", "Z" > "a", "abc" == "abc", "a" != "b")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(max("hello"), min("hello"), "ell" in "hello", "xyz" not in "hello")
l = []
for i in range(5):
    l.append(str(i) * i)
print(l, "".join(l))
