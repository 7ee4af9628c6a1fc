TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""
import re
from collections import Counter
words = re.findall(r"[a-z']+", TEXT.lower())
c = Counter(words)
print(len(words), len(c))
for w, n in sorted(c.items(), key=lambda p: (-p[1], p[0]))[:8]:
    print(f"{w:>10} {n:3d} {'*' * n}")
lengths = Counter(len(w) for w in words)
print(sorted(lengths.items()))
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",")]
print(len(sentences), max(sentences, key=len))
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(3))
