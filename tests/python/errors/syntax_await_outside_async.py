print("ok")
lambda x: (yield)
await something
