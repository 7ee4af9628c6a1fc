print("asking")
name = input()
print("never reached", name)
