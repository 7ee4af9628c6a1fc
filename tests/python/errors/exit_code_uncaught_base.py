print("raising KeyboardInterrupt-like base exception")
class Custom(BaseException):
    pass
raise Custom("base exception escaped")
