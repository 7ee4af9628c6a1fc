x = 0
if x:
    pass
break
