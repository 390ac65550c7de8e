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

# Lesson 004: softmax of large inputs, computed stably.
a = np.array([1010.0, 1000.0, 990.0]); e = np.exp(a - a.max())
print("softmax", [repr(float(v)) for v in e / e.sum()])
# Lesson 002: the 2-3-1 batch with R's runif weights (numbers 13-21 of the stream).
X = np.array([[1, 2], [3, 4], [5, 6.0]])
beta = np.array([0.28273358359001577, 0.9234334842767566, 0.2923158402554691,
                 0.8372956281527877, 0.2862232846673578, 0.2668207800015807]).reshape(3, 2).T
gamma = np.array([[0.18672278965823352], [0.23222591052763164], [0.31661245482973754]])
z3 = sig(X @ beta) @ gamma
print("lesson 002 z3", z3.ravel(), "y_hat", sig(z3).ravel())
# Lesson 003: Affine then ReLU, L = sum(relu(X @ W + B - 20)).
X = np.array([[1, 2], [3, 4.0]]); W = np.array([[1, 2, 3], [4, 5, 6.0]]); B = np.ones((1, 3))
g = ((X @ W + B - 20) > 0).astype(float)
print("affine dY", g.ravel(), "dB", g.sum(0), "dW", (X.T @ g).ravel(), "dX", (g @ W.T).ravel())
