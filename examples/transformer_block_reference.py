#!/usr/bin/env python3
"""Inputs and the numpy reference for examples/transformer_block.mlir.

Draws the activations of SEQ_LEN new tokens, a KV cache of PAST earlier
ones, the positions PAST, PAST + 1, ... and f16 weights, quantizes each
projection weight into MLC-LLM's q4f16_1 layout (4-bit values packed 8 per
32-bit word, an f16 scale per group of 32 along the input dim), and
computes the block in float64 from the f16 inputs and the dequantized
weights: RMSNorm, rotary embeddings (Hugging Face Llama's rotate-half),
causal grouped-query attention over the cache and the new keys, a
SiLU-gated MLP and two residual additions. Writes in0.npy ... in19.npy (the
function's arguments, in order) and expected0.npy (the output),
expected1.npy and expected2.npy (the grown key and value caches), in
float16, into OUTDIR. Needs numpy (Debian: python3-numpy).

usage: transformer_block_reference.py SEQ_LEN PAST OUTDIR [SEED]
"""
import os
import sys

import numpy as np

HIDDEN, HEADS, KV_HEADS, HEAD_DIM, MLP = 256, 8, 2, 32, 512
THETA, EPS, GROUP = 5.0e5, 1e-6, 32


def quantize(w):
    """q4f16_1: scale = max|w| / 7 per group of 32 along the last axis,
    q = clip(round(w / scale) + 7, 0, 14); element e of a word in bits
    [4e, 4e + 4)."""
    n, k = w.shape
    groups = w.astype(np.float32).reshape(n, k // GROUP, GROUP)
    scale = (np.abs(groups).max(-1) / np.float32(7)).astype(np.float16)
    s = scale.astype(np.float32)[..., None]
    q = np.clip(np.round(groups / np.where(s == 0, 1, s)) + 7, 0, 14)
    q = np.where(s == 0, 7, q).astype(np.uint32).reshape(n, k // 8, 8)
    words = np.zeros((n, k // 8), np.uint32)
    for e in range(8):
        words |= q[..., e] << np.uint32(4 * e)
    return words.view(np.int32), scale


def dequantize(words, scale):
    n = words.shape[0]
    q = (words.view(np.uint32)[..., None] >> (4 * np.arange(8, dtype=np.uint32))) & 15
    q = q.reshape(n, -1).astype(np.float64) - 7
    return q * np.repeat(scale.astype(np.float64), GROUP, axis=1)


def rms_norm(x, w):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + EPS) * w


def rope(x, positions):
    half = HEAD_DIM // 2
    angle = positions[:, None] * THETA ** (-2.0 * np.arange(half) / HEAD_DIM)
    cos, sin = np.cos(angle)[None, :, None], np.sin(angle)[None, :, None]
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], -1)


def attention(q, k, v):
    """Causal: new token i sees keys 0 .. past + i."""
    n, t = q.shape[1], k.shape[1]
    k = np.repeat(k, HEADS // KV_HEADS, axis=2)
    v = np.repeat(v, HEADS // KV_HEADS, axis=2)
    scores = np.einsum("bshd,bthd->bhst", q, k) / np.sqrt(HEAD_DIM)
    hidden = np.arange(t)[None, :] > np.arange(n)[:, None] + (t - n)
    scores = np.where(hidden, -np.inf, scores)
    p = np.exp(scores - scores.max(-1, keepdims=True))
    p /= p.sum(-1, keepdims=True)
    return np.einsum("bhst,bthd->bshd", p, v)


def main():
    n, past, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    rng = np.random.default_rng(seed)
    f16 = lambda a: np.asarray(a).astype(np.float16)
    x = f16(rng.standard_normal((1, n, HIDDEN)))
    positions = np.arange(past, past + n, dtype=np.int64)
    k_cache = f16(rng.standard_normal((1, past, KV_HEADS, HEAD_DIM)))
    v_cache = f16(rng.standard_normal((1, past, KV_HEADS, HEAD_DIM)))
    attn_norm = f16(1 + 0.1 * rng.standard_normal(HIDDEN))
    mlp_norm = f16(1 + 0.1 * rng.standard_normal(HIDDEN))
    shapes = {"wq": (HIDDEN, HIDDEN), "wk": (KV_HEADS * HEAD_DIM, HIDDEN),
              "wv": (KV_HEADS * HEAD_DIM, HIDDEN), "wo": (HIDDEN, HIDDEN),
              "wg": (MLP, HIDDEN), "wu": (MLP, HIDDEN), "wd": (HIDDEN, MLP)}
    quantized = {name: quantize(f16(rng.standard_normal(shape) /
                                    np.sqrt(shape[1])))
                 for name, shape in shapes.items()}
    w = {name: dequantize(*q) for name, q in quantized.items()}

    xf = x.astype(np.float64)
    h0 = rms_norm(xf, attn_norm.astype(np.float64))
    q = rope((h0 @ w["wq"].T).reshape(1, n, HEADS, HEAD_DIM), positions)
    k_new = rope((h0 @ w["wk"].T).reshape(1, n, KV_HEADS, HEAD_DIM), positions)
    v_new = (h0 @ w["wv"].T).reshape(1, n, KV_HEADS, HEAD_DIM)
    k = np.concatenate([k_cache.astype(np.float64), k_new], axis=1)
    v = np.concatenate([v_cache.astype(np.float64), v_new], axis=1)
    h = xf + attention(q, k, v).reshape(1, n, HIDDEN) @ w["wo"].T
    m0 = rms_norm(h, mlp_norm.astype(np.float64))
    g, u = m0 @ w["wg"].T, m0 @ w["wu"].T
    out = h + (g / (1 + np.exp(-g)) * u) @ w["wd"].T

    args = [x, positions, k_cache, v_cache, attn_norm]
    for name in ("wq", "wk", "wv", "wo"):
        args += list(quantized[name])
    args.append(mlp_norm)
    for name in ("wg", "wu", "wd"):
        args += list(quantized[name])
    os.makedirs(outdir, exist_ok=True)
    for index, value in enumerate(args):
        np.save(os.path.join(outdir, "in%d.npy" % index), value)
    for index, value in enumerate((out, k, v)):
        np.save(os.path.join(outdir, "expected%d.npy" % index), f16(value))


if __name__ == "__main__":
    main()
