class Thing:
    pass
t = Thing()
t.missing_attribute
