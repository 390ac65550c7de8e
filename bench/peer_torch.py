"""PyTorch peer: nn.Linear layers, autograd, torch.optim.SGD, float64, as the
PyTorch tutorials write a training step. Prints one JSON object with seconds per step.

    python bench/peer_torch.py W1 W2 W3 W4
"""
import json
import sys

import torch
from torch import nn

import workloads as wl

torch.set_default_dtype(torch.float64)


def linear(w, bias):
    layer = nn.Linear(len(w), len(w[0]), bias=bias)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(w).T)   # nn.Linear stores OUT×IN
        if bias:
            layer.bias.zero_()
    return layer


def build(name, gen):
    if name == "W1":
        model = nn.Sequential(linear(wl.LESSON_W1, False), nn.Sigmoid(), linear(wl.LESSON_W2, False), nn.Sigmoid())
        loss = lambda y, t: 0.5 * ((t - y) ** 2).sum()
        return model, loss, torch.tensor(wl.LESSON_X), torch.tensor(wl.LESSON_T), 0.5
    if name == "W2":
        model = nn.Sequential(nn.Linear(2, 4), nn.Sigmoid(), nn.Linear(4, 1), nn.Sigmoid())
        return model, nn.MSELoss(), torch.tensor(wl.XOR_X, dtype=torch.float64), \
            torch.tensor(wl.XOR_T, dtype=torch.float64), 0.5
    sizes, batch = wl.MLP[name]
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        layers.append(nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    x = torch.rand(batch, sizes[0], generator=gen)
    t = torch.randint(0, sizes[-1], (batch,), generator=gen)
    # CrossEntropyLoss = log-softmax + NLL: the softmax layer is fused into the loss.
    return nn.Sequential(*layers), nn.CrossEntropyLoss(), x, t, 0.1


def main(names):
    gen = torch.Generator().manual_seed(0)
    result = {"peer": "torch " + torch.__version__, "threads": torch.get_num_threads()}
    for name in names:
        model, loss_fn, x, t, lr = build(name, gen)
        opt = torch.optim.SGD(model.parameters(), lr=lr)

        def step():
            opt.zero_grad()
            loss = loss_fn(model(x), t)
            loss.backward()
            opt.step()
        result[name] = wl.time_per_step(step)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:] or ["W1", "W2", "W3", "W4"])
