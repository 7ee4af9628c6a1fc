data = {"xs": [3, 1, 2], "name": "set"}
print(f"{sorted(data['xs'])} {data['name'].upper()} {len(data):03d}")
print(f"{'-'.join(str(i) for i in range(4))} {[i * i for i in range(4)]}")
print(f"{(lambda a: a * 2)(21)} {max(1, 2, key=lambda v: -v)}")
print(f"{3 + 4:>{2 + 3}} {'a' 'b'} {f'{1 + 1}'}")
val = 255
print(f"{val:#x} {val:#X} {val:b} {val!s:>5} {val!r:<5}|")
