"""Reference numbers for OptimizerTrainingTests.swift, computed with PyTorch.

The network of the test: 2-3-2, tanh then sigmoid, with biases, MSE loss, on a batch
of 3 samples; 5 full-batch steps of torch.optim.SGD(momentum=0.9) / torch.optim.Adam.
nn.Linear stores W as OUT×IN; NetBook stores IN×OUT, so weights print transposed.

    python Tests/NetLangTests/Reference/optimizer_reference.py
"""
import torch
from torch import nn

torch.set_default_dtype(torch.float64)

X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
T = [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]
W1 = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]      # IN×OUT as NetBook writes it
B1 = [[0.01, 0.02, -0.03]]
W2 = [[0.7, -0.1], [0.2, 0.3], [-0.5, 0.6]]
B2 = [[0.05, -0.05]]


def model():
    l1, l2 = nn.Linear(2, 3), nn.Linear(3, 2)
    with torch.no_grad():
        l1.weight.copy_(torch.tensor(W1).T); l1.bias.copy_(torch.tensor(B1[0]))
        l2.weight.copy_(torch.tensor(W2).T); l2.bias.copy_(torch.tensor(B2[0]))
    return l1, l2, nn.Sequential(l1, nn.Tanh(), l2, nn.Sigmoid())


def run(make_opt, steps=5):
    l1, l2, net = model()
    opt = make_opt(net.parameters())
    x, t = torch.tensor(X), torch.tensor(T)
    for _ in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(net(x), t)
        loss.backward()
        opt.step()
    loss = nn.functional.mse_loss(net(x), t).item()
    return {"hidden.W": l1.weight.T.tolist(), "hidden.b": [l1.bias.tolist()],
            "output.W": l2.weight.T.tolist(), "output.b": [l2.bias.tolist()], "loss": loss}


def show(title, result):
    print(title)
    for k, v in result.items():
        print(f"  {k} = {v!r}")


if __name__ == "__main__":
    print("torch", torch.__version__)
    show("momentum(lr: 0.1, beta: 0.9)", run(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)))
    show("adam(lr: 0.01)", run(lambda p: torch.optim.Adam(p, lr=0.01)))
    show("adam(lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6)",
         run(lambda p: torch.optim.Adam(p, lr=0.05, betas=(0.8, 0.99), eps=1e-6)))
