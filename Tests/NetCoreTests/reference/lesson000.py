"""Reference numbers for lesson 000 (the 2-2-2 sigmoid network without bias, ½Σ(t−o)² loss),
computed independently of NetBook with numpy. Run: python3 lesson000.py
The printed numbers are pasted into Tests/NetCoreTests/LessonNetworkTests.swift."""
import numpy as np

np.set_printoptions(precision=17)
x = np.array([[0.1, 0.2]])
t = np.array([[0.4, 0.6]])
W1 = np.array([[0.30, 0.40], [0.25, 0.35]])  # IN×OUT: x1,x2 -> h1,h2
W2 = np.array([[0.45, 0.70], [0.40, 0.60]])  # h1,h2 -> o1,o2

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def forward(W1, W2):
    z1 = x @ W1; a1 = sigmoid(z1)
    z2 = a1 @ W2; a2 = sigmoid(z2)
    loss = 0.5 * np.sum((t - a2) ** 2)
    return z1, a1, z2, a2, loss

z1, a1, z2, a2, loss = forward(W1, W2)
dA2 = a2 - t
dZ2 = dA2 * a2 * (1 - a2)
dW2 = a1.T @ dZ2
dA1 = dZ2 @ W2.T
dZ1 = dA1 * a1 * (1 - a1)
dW1 = x.T @ dZ1
print("z1", repr(z1.ravel().tolist()))
print("a1", repr(a1.ravel().tolist()))
print("z2", repr(z2.ravel().tolist()))
print("a2", repr(a2.ravel().tolist()))
print("loss", repr(float(loss)))
print("dZ2", repr(dZ2.ravel().tolist()))
print("dW2", repr(dW2.ravel().tolist()))
print("dA1", repr(dA1.ravel().tolist()))
print("dW1", repr(dW1.ravel().tolist()))
lr = 0.5
W1n = W1 - lr * dW1
W2n = W2 - lr * dW2
print("W1 after", repr(W1n.ravel().tolist()))
print("W2 after", repr(W2n.ravel().tolist()))
print("loss after", repr(float(forward(W1n, W2n)[4])))
