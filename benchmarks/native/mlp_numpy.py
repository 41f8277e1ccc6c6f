#!/usr/bin/python3
"""The MLP forward pass of EvaluatorBenchmarks.Mlp784x256x128x10 in numpy, for the evaluator-vs-numpy ratio.

Same layer sizes (784-256-128-10, ReLU, softmax), float32, 1024 rows per forward pass (the evaluator runs them
as 16 batches of 64). Reports the best of several timed repetitions as rows per second. numpy's BLAS may use
several threads; run with OPENBLAS_NUM_THREADS=1 for a single-core comparison (the evaluator is single-threaded):

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/native/mlp_numpy.py
"""

import os
import time

import numpy as np

ROWS = 1024
LAYERS = [784, 256, 128, 10]


def forward(x, weights):
    h = x
    for k, (w, b) in enumerate(weights):
        h = h @ w + b
        if k < len(weights) - 1:
            np.maximum(h, 0, out=h)
    h = h - h.max(axis=1, keepdims=True)
    e = np.exp(h)
    return e / e.sum(axis=1, keepdims=True)


def main():
    rng = np.random.default_rng(7)
    weights = [((rng.random((a, b), dtype=np.float32) * 2 - 1) / np.sqrt(a), (rng.random(b, dtype=np.float32) * 2 - 1) * 0.1)
               for a, b in zip(LAYERS, LAYERS[1:])]
    x = rng.random((ROWS, LAYERS[0]), dtype=np.float32) * 2 - 1
    for _ in range(5):
        forward(x, weights)
    best = float("inf")
    for _ in range(20):
        start = time.perf_counter()
        for _ in range(10):
            forward(x, weights)
        best = min(best, (time.perf_counter() - start) / 10)
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"numpy {np.__version__} MLP {'-'.join(map(str, LAYERS))}, {ROWS} rows: {best * 1e3:.3f} ms per pass, "
          f"{best / ROWS * 1e9:.0f} ns/row, {ROWS / best:,.0f} rows/s (OPENBLAS_NUM_THREADS={threads})")


if __name__ == "__main__":
    main()
