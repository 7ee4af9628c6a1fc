# The name in a class pattern must be a type when the case is tried.
def is_len(x):
    match x:
        case []:
            return "empty"
        case len():
            return "len?"


print(is_len([]))
print(is_len([1]))
