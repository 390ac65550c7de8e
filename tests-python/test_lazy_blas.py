"""OpenBLAS is opened on the first large matrix product, not at start (NetCore
OpenBLASLibrary.swift): an idle kernel does not carry its ~2.2 MB. These tests check
both halves a user depends on: the idle kernel has not mapped it, and the first large
product opens it and is right (numpy computes the same product independently)."""
import numpy as np

from conftest import run_cell

JSON_MIME = "application/vnd.netbook+json"


def openblas_mapped(km):
    with open(f"/proc/{km.provisioner.process.pid}/maps") as maps:
        return any("openblas" in line for line in maps)


def tensor_value(kc, name):
    # `full`: a 40×50 tensor is over the 1000 values a plain display summarises.
    reply, messages = run_cell(kc, f"show {name} full")
    assert reply["content"]["status"] == "ok"
    result = next(m for m in messages if m["msg_type"] in ("execute_result", "display_data"))
    return np.array(result["content"]["data"][JSON_MIME]["data"], dtype=float)


def test_openblas_opens_on_the_first_large_product(kernel):
    km, kc = kernel
    reply, _ = run_cell(kc, "tensor x = [[1, 2]]\nlayer h = dense(2 -> 2, sigmoid)\nforward x")
    assert reply["content"]["status"] == "ok"
    assert not openblas_mapped(km), "a lesson-sized cell mapped OpenBLAS"

    reply, _ = run_cell(kc, "seed 3\ntensor a = randn(40, 50);\ntensor b = randn(50, 40);\ntensor c = a @ b;")
    assert reply["content"]["status"] == "ok"
    assert openblas_mapped(km), "a 40×50 @ 50×40 product (above the BLAS threshold) did not open OpenBLAS"
    a, b, c = (tensor_value(kc, name) for name in "abc")
    assert c.shape == (40, 40)
    np.testing.assert_allclose(c, a @ b, rtol=0, atol=1e-12)
