#!/usr/bin/env python3
"""Inputs and the numpy reference for examples/mlp.mlir.

Writes x.npy (batch x 784), w1.npy (784 x 128), w2.npy (128 x 10) and
expected.npy = relu(x @ w1) @ w2, computed in float64 and rounded to float32,
into the output directory. Needs numpy (Debian: python3-numpy).

usage: mlp_reference.py BATCH OUTDIR [SEED]
"""
import os
import sys

import numpy as np


def main():
    batch, outdir = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, 784)).astype(np.float32)
    w1 = (rng.standard_normal((784, 128)) / 28.0).astype(np.float32)
    w2 = (rng.standard_normal((128, 10)) / 11.0).astype(np.float32)
    hidden = np.maximum(x.astype(np.float64) @ w1.astype(np.float64), 0.0)
    expected = (hidden @ w2.astype(np.float64)).astype(np.float32)
    os.makedirs(outdir, exist_ok=True)
    for name, value in [("x", x), ("w1", w1), ("w2", w2),
                        ("expected", expected)]:
        np.save(os.path.join(outdir, name + ".npy"), value)


if __name__ == "__main__":
    main()
