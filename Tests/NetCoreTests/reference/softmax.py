"""Reference numbers for softmax and softmax-with-loss, with numpy. Run: python3 softmax.py"""
import numpy as np

z = np.array([1010.0, 1000.0, 990.0])
e = np.exp(z - z.max())
print("softmax([1010,1000,990])", repr((e / e.sum()).tolist()))
z = np.array([[0.3, 2.9, 4.0], [1.0, -2.0, 0.5]])
e = np.exp(z - z.max(axis=1, keepdims=True))
y = e / e.sum(axis=1, keepdims=True)
t = np.array([[0, 0, 1], [1, 0, 0]])
print("cross_entropy(logits z, t)", repr(float(-np.sum(t * np.log(y)) / 2)))
print("dL/dz = (y - t)/2", repr(((y - t) / 2).ravel().tolist()))
