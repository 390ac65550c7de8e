"""The bench workloads, shared by every peer so each one runs exactly the same problem.

W1  the 2-2-2 lesson network: sigmoid, no bias, half_sse, SGD lr 0.5, one sample
W2  XOR 2-4-1: sigmoid with bias, batch of the 4 truth-table rows, MSE, SGD lr 0.5
W3  784-128-10: ReLU then softmax, cross-entropy, batch 128, SGD lr 0.1
W4  784-512-512-10: ReLU, ReLU, softmax, cross-entropy, batch 256, SGD lr 0.1

All float64. W3/W4 use random inputs (uniform [0,1)) and random classes; the data is
one batch reused every step (no shuffling, no data loading: the step itself is timed).
"""
import time

LESSON_X = [[0.1, 0.2]]
LESSON_T = [[0.4, 0.6]]
LESSON_W1 = [[0.30, 0.40], [0.25, 0.35]]
LESSON_W2 = [[0.45, 0.70], [0.40, 0.60]]
XOR_X = [[0, 0], [0, 1], [1, 0], [1, 1]]
XOR_T = [[0], [1], [1], [0]]

MLP = {"W3": ([784, 128, 10], 128), "W4": ([784, 512, 512, 10], 256)}


def mlp_flops(sizes, batch):
    """Floating-point operations a training step needs in its matrix products:
    2·B·in·out per layer forward, the same for dW, and the same again for dX of every
    layer but the first (nobody needs the gradient of the input data)."""
    layers = list(zip(sizes, sizes[1:]))
    return sum((4 if i == 0 else 6) * batch * a * b for i, (a, b) in enumerate(layers))


def time_per_step(step, min_seconds=0.3, repeats=5):
    """Best (lowest) mean seconds per step over `repeats` blocks, each block long
    enough (≥ min_seconds) that timer overhead does not matter."""
    for _ in range(3):
        step()
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds / 4:
            break
        n *= 4
    n = max(1, int(n * min_seconds / max(elapsed, 1e-9)))
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        best = min(best, (time.perf_counter() - t0) / n)
    return best
