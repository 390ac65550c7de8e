"""Reference numbers for SeededGenerator: xoshiro256** seeded by four steps of splitmix64,
written here from the published algorithms (https://prng.di.unimi.it/xoshiro256starstar.c,
https://prng.di.unimi.it/splitmix64.c), independently of the Swift code.
Run: python3 rng.py   (numbers pasted into RandomTests.swift)"""
import math

M = (1 << 64) - 1

def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

class Xoshiro:
    def __init__(self, seed):
        self.s = []
        x = seed
        for _ in range(4):
            x, v = splitmix64(x)
            self.s.append(v)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

g = Xoshiro(42)
print("next", [g.next() for _ in range(3)])
g = Xoshiro(42)
print("uniform", [repr(g.uniform()) for _ in range(3)])
g = Xoshiro(7)
u1, u2 = g.uniform(), g.uniform()
r = math.sqrt(-2 * math.log(1 - u1))
print("normal pair", repr(r * math.cos(2 * math.pi * u2)), repr(r * math.sin(2 * math.pi * u2)))
