# Independent figures for the renderer's fixtures: the 2-2-2 classroom network of lesson 000
# (x = [0.1, 0.2], t = [0.4, 0.6], half_sse), the chain rule for output.W[1, 1] (w5).
# Run: python3 reference/classroom.py
import numpy as np

x = np.array([0.1, 0.2]); t = np.array([0.4, 0.6])
W1 = np.array([[0.30, 0.40], [0.25, 0.35]]); W2 = np.array([[0.45, 0.70], [0.40, 0.60]])
sig = lambda z: 1 / (1 + np.exp(-z))
z1 = x @ W1; h = sig(z1); z2 = h @ W2; o = sig(z2)
E = 0.5 * np.sum((t - o) ** 2)
dE_do1 = -(t[0] - o[0]); do1_dz3 = o[0] * (1 - o[0]); dz3_dw5 = h[0]
print(f"E={E!r}")
print(f"o1={o[0]!r} h1={h[0]!r}")
print(f"dE/do1={dE_do1!r} do1/dz3={do1_dz3!r} dz3/dw5={dz3_dw5!r}")
print(f"dE/dw5={dE_do1 * do1_dz3 * dz3_dw5!r}")
