"""numpy peer: the layers of "Deep Learning from Scratch" (Saito, ch. 5) — Affine,
Sigmoid, Relu, SoftmaxWithLoss as classes with forward/backward — and a plain SGD
update, as a student would write them. Prints one JSON object with seconds per step.

    python bench/peer_numpy.py W1 W2 W3 W4
"""
import json
import sys

import numpy as np

import workloads as wl


class Affine:
    def __init__(self, W, b=None):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        out = x @ self.W
        return out + self.b if self.b is not None else out

    def backward(self, dout):
        self.dW = self.x.T @ dout
        if self.b is not None:
            self.db = dout.sum(axis=0)
        return dout @ self.W.T

    def params(self):
        return [(self.W, self.dW)] + ([(self.b, self.db)] if self.b is not None else [])


class Sigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


class HalfSSE:
    def forward(self, y, t):
        self.y, self.t = y, t
        return 0.5 * np.sum((t - y) ** 2)

    def backward(self):
        return self.y - self.t


class MSE:
    def forward(self, y, t):
        self.y, self.t = y, t
        return np.mean((y - t) ** 2)

    def backward(self):
        return 2 * (self.y - self.t) / self.y.size


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        x = x - x.max(axis=1, keepdims=True)
        e = np.exp(x)
        self.y = e / e.sum(axis=1, keepdims=True)
        return -np.sum(t * np.log(self.y + 1e-7)) / x.shape[0]

    def backward(self):
        return (self.y - self.t) / self.t.shape[0]


class Net:
    def __init__(self, layers, loss, lr):
        self.layers, self.loss, self.lr = layers, loss, lr

    def step(self, x, t):
        for layer in self.layers:
            x = layer.forward(x)
        value = self.loss.forward(x, t)
        dout = self.loss.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        for layer in self.layers:
            if isinstance(layer, Affine):
                for p, g in layer.params():
                    p -= self.lr * g
        return value


def build(name, rng):
    if name == "W1":
        net = Net([Affine(np.array(wl.LESSON_W1)), Sigmoid(), Affine(np.array(wl.LESSON_W2)), Sigmoid()],
                  HalfSSE(), 0.5)
        return net, np.array(wl.LESSON_X), np.array(wl.LESSON_T)
    if name == "W2":
        net = Net([Affine(rng.standard_normal((2, 4)), np.zeros(4)), Sigmoid(),
                   Affine(rng.standard_normal((4, 1)), np.zeros(1)), Sigmoid()], MSE(), 0.5)
        return net, np.array(wl.XOR_X, dtype=float), np.array(wl.XOR_T, dtype=float)
    sizes, batch = wl.MLP[name]
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        layers.append(Affine(rng.standard_normal((a, b)) * np.sqrt(2 / a), np.zeros(b)))
        if i < len(sizes) - 2:
            layers.append(Relu())
    x = rng.random((batch, sizes[0]))
    t = np.eye(sizes[-1])[rng.integers(0, sizes[-1], batch)]
    return Net(layers, SoftmaxWithLoss(), 0.1), x, t


def main(names):
    rng = np.random.default_rng(0)
    result = {"peer": "numpy " + np.__version__}
    for name in names:
        net, x, t = build(name, rng)
        result[name] = wl.time_per_step(lambda: net.step(x, t))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:] or ["W1", "W2", "W3", "W4"])
