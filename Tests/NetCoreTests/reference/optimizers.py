"""Reference numbers for momentum and Adam on the lesson-000 network (2-2-2, sigmoid,
no bias, ½Σ(t−o)²), computed with numpy. PyTorch is not installed here, so this is a
numpy reimplementation of torch 2.x's update formulas, written from torch/optim/sgd.py
and torch/optim/adam.py (single-tensor path, defaults: no weight decay, dampening 0,
no Nesterov, no amsgrad):
  SGD with momentum: buf = grad on the first step, then buf = beta*buf + grad;
                     p = p - lr*buf
  Adam: m.lerp_(g, 1-beta1); v = beta2*v + (1-beta2)*g*g;
        step_size = lr/(1-beta1**t); denom = sqrt(v)/sqrt(1-beta2**t) + eps;
        p = p - step_size * m/denom
Run: python3 optimizers.py   (numbers pasted into OptimizerTests.swift)"""
import math
import numpy as np

x = np.array([[0.1, 0.2]])
t = np.array([[0.4, 0.6]])

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def loss_and_grads(W1, W2):
    a1 = sigmoid(x @ W1)
    a2 = sigmoid(a1 @ W2)
    loss = 0.5 * np.sum((t - a2) ** 2)
    dZ2 = (a2 - t) * a2 * (1 - a2)
    dW2 = a1.T @ dZ2
    dZ1 = (dZ2 @ W2.T) * a1 * (1 - a1)
    dW1 = x.T @ dZ1
    return loss, [dW1, dW2]

def run(update, steps=5):
    params = [np.array([[0.30, 0.40], [0.25, 0.35]]), np.array([[0.45, 0.70], [0.40, 0.60]])]
    state = [{} for _ in params]
    losses = []
    for step in range(1, steps + 1):
        loss, grads = loss_and_grads(*params)
        losses.append(float(loss))
        for p, g, s in zip(params, grads, state):
            update(p, g, s, step)
    return losses, params

def momentum(lr, beta):
    def update(p, g, s, step):
        if "buf" not in s:
            s["buf"] = g.copy()
        else:
            s["buf"] = s["buf"] * beta + g
        p += -lr * s["buf"]
    return update

def adam(lr, beta1=0.9, beta2=0.999, eps=1e-8):
    def update(p, g, s, step):
        m = s.setdefault("m", np.zeros_like(p))
        v = s.setdefault("v", np.zeros_like(p))
        m += (1 - beta1) * (g - m)            # torch's lerp_ for weight < 0.5
        v *= beta2
        v += (1 - beta2) * g * g
        step_size = lr / (1 - beta1 ** step)
        denom = np.sqrt(v) / math.sqrt(1 - beta2 ** step) + eps
        p -= step_size * (m / denom)
    return update

for name, upd in [("momentum lr 0.5 beta 0.9", momentum(0.5, 0.9)), ("adam lr 0.1", adam(0.1))]:
    losses, (W1, W2) = run(upd)
    print(name)
    print("  losses", repr(losses))
    print("  W1", repr(W1.ravel().tolist()))
    print("  W2", repr(W2.ravel().tolist()))
