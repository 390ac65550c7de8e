"""Independent reference numbers for the NetLang tests (numpy; run: python3 reference.py).

The classroom 2-2-2 sigmoid network of lesson 000 (half SSE loss), and small checks.
"""
import numpy as np

x = np.array([[0.1, 0.2]]); t = np.array([[0.4, 0.6]])
W1 = np.array([[0.30, 0.40], [0.25, 0.35]]); W2 = np.array([[0.45, 0.70], [0.40, 0.60]])
sig = lambda z: 1 / (1 + np.exp(-z))
h = sig(x @ W1); o = sig(h @ W2)
E = 0.5 * np.sum((t - o) ** 2)
dz2 = (o - t) * o * (1 - o); dW2 = h.T @ dz2
dz1 = (dz2 @ W2.T) * h * (1 - h); dW1 = x.T @ dz1
print("loss", repr(E))
print("z4", repr((h @ W2)[0, 1]))
print("dE/dW5", repr(dW2[0, 0]), "dE/dW1", repr(dW1[0, 0]))
print("factors W5", repr(o[0, 0] - t[0, 0]), repr(o[0, 0] * (1 - o[0, 0])), repr(h[0, 0]))
W1b = W1 - 0.5 * dW1; W2b = W2 - 0.5 * dW2
o2 = sig(sig(x @ W1b) @ W2b)
print("loss after step", repr(0.5 * np.sum((t - o2) ** 2)))
