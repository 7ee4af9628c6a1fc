vals = [0.0, 1.0, -1.5, 3.5, -2.25, 1e10, 12345.6789]
for v in vals:
    print(f"[{v:10}] [{v:<10}] [{v:+.3}] [{v:.2e}] [{v:g}]")
for s in ["a", "abc", "abcdefgh"]:
    print(f"[{s:5}] [{s:>5}] [{s:^5}] [{s:.2}] [{s:-^7}]")
width, prec = 12, 4
print(f"[{3.14159265:{width}.{prec}f}] [{'x':{'>'}{width}}]")
