#!/usr/bin/env python3
"""Inputs and the numpy reference for examples/classifier.mlir.

Writes x.npy (batch x 784), w1.npy, b1.npy, w2.npy, b2.npy and
expected.npy = softmax(relu(x @ w1 + b1) @ w2 + b2), computed in float64 and
rounded to float32, into the output directory. Needs numpy (Debian:
python3-numpy).

usage: classifier_reference.py BATCH OUTDIR [SEED]
"""
import os
import sys

import numpy as np


def main():
    batch, outdir = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rng = np.random.default_rng(seed)
    arrays = {
        "x": rng.standard_normal((batch, 784)),
        "w1": rng.standard_normal((784, 128)) / 28.0,
        "b1": rng.standard_normal(128) / 10.0,
        "w2": rng.standard_normal((128, 10)) / 11.0,
        "b2": rng.standard_normal(10) / 10.0,
    }
    arrays = {k: v.astype(np.float32) for k, v in arrays.items()}
    f64 = {k: v.astype(np.float64) for k, v in arrays.items()}
    hidden = np.maximum(f64["x"] @ f64["w1"] + f64["b1"], 0.0)
    logits = hidden @ f64["w2"] + f64["b2"]
    exps = np.exp(logits - logits.max(axis=-1, keepdims=True))
    arrays["expected"] = (exps / exps.sum(axis=-1, keepdims=True)).astype(
        np.float32)
    os.makedirs(outdir, exist_ok=True)
    for name, value in arrays.items():
        np.save(os.path.join(outdir, name + ".npy"), value)


if __name__ == "__main__":
    main()
