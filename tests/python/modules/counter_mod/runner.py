def main():
    return "runner main called"
if __name__ == "__main__":
    print("runner executed as a script")
else:
    print("runner imported as", __name__)
