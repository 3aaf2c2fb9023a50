#!/usr/bin/env python3
"""Inputs and numpy references for the operator tests in test/Integration/CPU/ops.

usage: reference.py CASE OUTDIR [VAR=VALUE ...] [--seed=N]

CASE names a function of one of the .mlir files next to this script; the
VAR=VALUE pairs instantiate its symbolic dims. The script writes the
function's arguments as in0.npy, in1.npy, ... (drawn from a generator seeded
with --seed, 0 by default, and the case name) and the expected result as
expected.npy, computed with numpy independently of mlc: floats in float64
from the (rounded) inputs, integers in int64 and then wrapped to the result's
dtype as two's complement does. Needs numpy (Debian: python3-numpy).
"""
import os
import sys
import zlib

import math

import numpy as np

INT32_MIN = np.iinfo(np.int32).min


def floor_divide(a, b):
    """numpy's integer floor division, whose results the kernels match:
    x // 0 is 0, and INT_MIN // -1 wraps to INT_MIN once cast back."""
    with np.errstate(divide="ignore"):
        return np.floor_divide(a, b)


def softmax(x, axis):
    shifted = np.exp(x - x.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


def erf(x):
    # numpy has no erf; math.erf per element, in float64.
    return np.vectorize(math.erf)(x)


def rms_norm(x, w, eps):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * w


def layer_norm(x, w, b, eps):
    mean = np.mean(x, axis=-1, keepdims=True)
    var = np.mean((x - mean) ** 2, axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def group_norm(x, w, b, groups, eps):
    n, c = x.shape[:2]
    g = x.reshape(n, groups, -1)
    mean = g.mean(axis=-1, keepdims=True)
    var = ((g - mean) ** 2).mean(axis=-1, keepdims=True)
    y = ((g - mean) / np.sqrt(var + eps)).reshape(x.shape)
    shape = (1, c) + (1,) * (x.ndim - 2)
    return y * w.reshape(shape) + b.reshape(shape)


def log_softmax(x, axis):
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def attention(q, k, v, scale=None, causal=False):
    """BSNH attention; query head i reads key/value head i // (h / hk), and
    the causal mask hides key j from query i when j > i + t - s."""
    s, h, d = q.shape[1], q.shape[2], q.shape[3]
    t, group = k.shape[1], h // k.shape[2]
    k = np.repeat(k, group, axis=2)
    v = np.repeat(v, group, axis=2)
    scale = 1.0 / math.sqrt(d) if scale is None else scale
    scores = np.einsum("bshd,bthd->bhst", q, k) * scale
    if causal:
        hidden = np.arange(t)[None, :] > np.arange(s)[:, None] + (t - s)
        scores = np.where(hidden, -np.inf, scores)
    return np.einsum("bhst,bthd->bshd", softmax(scores, -1), v)


def rope(x, positions, theta):
    """Hugging Face Llama's rotary embedding (rotate_half), BSNH."""
    d = x.shape[-1]
    half = d // 2
    angle = positions[:, None] * theta ** (-2.0 * np.arange(half) / d)
    cos = np.cos(angle)[None, :, None, :]
    sin = np.sin(angle)[None, :, None, :]
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], -1)


def q4_quantize(w, group=32):
    """MLC-LLM's q4 group quantization, computed as the kernels define it:
    scale = max|w| / 7 (f32, rounded to w's dtype), q = clip(round(w /
    scale) + 7, 0, 14) in f32 (7 for a zero scale), 8 q's per word, element
    e in bits [4e, 4e + 4)."""
    lead, k = w.shape[:-1], w.shape[-1]
    groups = np.abs(w).reshape(lead + (k // group, group))
    scale = (groups.max(-1).astype(np.float32) / np.float32(7)).astype(w.dtype)
    s = np.repeat(scale.astype(np.float32), group, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.clip(np.round(w.astype(np.float32) / s) + 7, 0, 14)
    q = np.where(s == 0, 7, q).astype(np.uint32).reshape(lead + (k // 8, 8))
    packed = np.zeros(lead + (k // 8,), np.uint32)
    for e in range(8):
        packed |= q[..., e] << np.uint32(4 * e)
    return packed.view(np.int32), scale


def q4_dequantize(packed, scale, group=32):
    words = packed.view(np.uint32)
    q = (words[..., None] >> (4 * np.arange(8, dtype=np.uint32))) & 15
    q = q.reshape(packed.shape[:-1] + (8 * packed.shape[-1],))
    s = np.repeat(scale.astype(np.float32), group, -1)
    return ((q.astype(np.float32) - 7) * s).astype(scale.dtype)


def q4_linear(x, packed, scale, group=32):
    w = q4_dequantize(packed, scale, group).astype(np.float64)
    return x.astype(np.float64) @ w.T


def take(x, ids, axis):
    """numpy's take with relax.take's index rule: a negative index counts
    from the end once, then indices are clamped into the axis."""
    extent = x.shape[axis]
    ids = ids.astype(np.int64)
    ids = np.clip(np.where(ids < 0, ids + extent, ids), 0, extent - 1)
    return np.take(x, ids, axis=axis)


def conv2d(x, w, strides=(1, 1), padding=(0, 0, 0, 0), dilation=(1, 1),
           groups=1, nhwc=False):
    """PyTorch's conv2d by shifted slices of the zero-padded input."""
    if nhwc:
        x, w = x.transpose(0, 3, 1, 2), w.transpose(0, 3, 1, 2)
    (sy, sx), (dy, dx) = strides, dilation
    top, left, bottom, right = padding
    xp = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))
    o, ig, kh, kw = w.shape
    oh = (xp.shape[2] - dy * (kh - 1) - 1) // sy + 1
    ow = (xp.shape[3] - dx * (kw - 1) - 1) // sx + 1
    out = np.zeros((x.shape[0], o, oh, ow))
    og = o // groups
    for g in range(groups):
        for i in range(kh):
            for j in range(kw):
                patch = xp[:, g * ig:(g + 1) * ig,
                           i * dy:i * dy + sy * (oh - 1) + 1:sy,
                           j * dx:j * dx + sx * (ow - 1) + 1:sx]
                out[:, g * og:(g + 1) * og] += np.einsum(
                    "ncyx,oc->noyx", patch, w[g * og:(g + 1) * og, :, i, j])
    return out.transpose(0, 2, 3, 1) if nhwc else out


def conv2d_transpose(x, w, strides=(1, 1), padding=(0, 0, 0, 0),
                     output_padding=(0, 0), dilation=(1, 1), groups=1):
    """PyTorch's conv_transpose2d by scattering each input position's
    window into the full output, then cropping the padding."""
    (sy, sx), (dy, dx) = strides, dilation
    top, left, bottom, right = padding
    n, c, h, w_ = x.shape
    _, og, kh, kw = w.shape
    full = np.zeros((n, og * groups, (h - 1) * sy + dy * (kh - 1) + 1 + output_padding[0],
                     (w_ - 1) * sx + dx * (kw - 1) + 1 + output_padding[1]))
    ig = c // groups
    for g in range(groups):
        xs = x[:, g * ig:(g + 1) * ig]
        for i in range(kh):
            for j in range(kw):
                full[:, g * og:(g + 1) * og,
                     i * dy:i * dy + sy * (h - 1) + 1:sy,
                     j * dx:j * dx + sx * (w_ - 1) + 1:sx] += np.einsum(
                    "ncyx,co->noyx", xs, w[g * ig:(g + 1) * ig, :, i, j])
    return full[:, :, top:full.shape[2] - bottom, left:full.shape[3] - right]


def pool2d(x, size, strides=(1, 1), padding=(0, 0, 0, 0), kind="max",
           count_pad=False, nhwc=False):
    """Max or average pooling; the padding never counts as a value."""
    if nhwc:
        x = x.transpose(0, 3, 1, 2)
    top, left, bottom, right = padding
    h, w = x.shape[2], x.shape[3]
    oh = (h + top + bottom - size[0]) // strides[0] + 1
    ow = (w + left + right - size[1]) // strides[1] + 1
    out = np.zeros(x.shape[:2] + (oh, ow))
    for y in range(oh):
        for z in range(ow):
            y0, z0 = y * strides[0] - top, z * strides[1] - left
            window = x[:, :, max(y0, 0):min(y0 + size[0], h),
                       max(z0, 0):min(z0 + size[1], w)]
            if kind == "max":
                out[:, :, y, z] = window.max(axis=(2, 3))
            else:
                count = size[0] * size[1] if count_pad else \
                    window.shape[2] * window.shape[3]
                out[:, :, y, z] = window.sum(axis=(2, 3)) / count
    return out.transpose(0, 2, 3, 1) if nhwc else out


def resize2d(x, size, method="nearest", mode="half_pixel", nhwc=False):
    """relax.resize2d's sampling, NCHW, in float64."""
    if nhwc:
        x = x.transpose(0, 3, 1, 2)
    h, w = x.shape[2], x.shape[3]

    def source(d, n_in, n_out):
        if method == "nearest":
            return np.minimum(d * n_in // n_out, n_in - 1)
        if mode == "half_pixel":
            return np.maximum((d + 0.5) * n_in / n_out - 0.5, 0)
        if mode == "align_corners":
            return d * ((n_in - 1) / (n_out - 1) if n_out > 1 else 0.0)
        return d * n_in / n_out

    sy = source(np.arange(size[0]), h, size[0])
    sx = source(np.arange(size[1]), w, size[1])
    if method == "nearest":
        out = x[:, :, sy][:, :, :, sx]
    else:
        y0 = np.floor(sy).astype(int)
        x0 = np.floor(sx).astype(int)
        fy = (sy - y0)[:, None]
        fx = (sx - x0)[None, :]
        y1, x1 = np.minimum(y0 + 1, h - 1), np.minimum(x0 + 1, w - 1)
        y0, x0 = np.minimum(y0, h - 1), np.minimum(x0, w - 1)

        def at(ys, xs):
            return x[:, :, ys][:, :, :, xs]
        top = at(y0, x0) + fx * (at(y0, x1) - at(y0, x0))
        bottom = at(y1, x0) + fx * (at(y1, x1) - at(y1, x0))
        out = top + fy * (bottom - top)
    return out.transpose(0, 2, 3, 1) if nhwc else out


def adaptive_avg_pool2d(x, size):
    h, w = x.shape[2], x.shape[3]
    out = np.zeros(x.shape[:2] + tuple(size))
    for y in range(size[0]):
        for z in range(size[1]):
            rows = slice(y * h // size[0], -(-(y + 1) * h // size[0]))
            cols = slice(z * w // size[1], -(-(z + 1) * w // size[1]))
            out[:, :, y, z] = x[:, :, rows, cols].mean(axis=(2, 3))
    return out


def batch_norm(x, gamma, beta, mean, var, eps=1e-5):
    shape = (1, -1, 1, 1)
    return ((x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps) *
            gamma.reshape(shape) + beta.reshape(shape))


def clamp_index(ids, extent):
    """relax's index rule: a negative index counts from the end once, then
    indices are clamped into [0, extent)."""
    ids = ids.astype(np.int64)
    return np.clip(np.where(ids < 0, ids + extent, ids), 0, extent - 1)


def scatter_elements(x, ids, updates):
    """Along axis 0, in row-major order of the indices (the last duplicate
    wins)."""
    out = x.copy()
    ids = clamp_index(ids, x.shape[0])
    for i in range(ids.shape[0]):
        for j in range(ids.shape[1]):
            out[ids[i, j], j] = updates[i, j]
    return out


def gather_nd(x, ids):
    rows = clamp_index(ids[:, 0], x.shape[0])
    cols = clamp_index(ids[:, 1], x.shape[1])
    return x[rows, cols]


def gelu(x):
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def gelu_tanh(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) *
                                    (x + 0.044715 * x ** 3)))


def silu(x):
    return x / (1.0 + np.exp(-x))


def to_bf16(x):
    """x rounded to bfloat16 (to nearest even), as float32: numpy has no
    bfloat16, and mlc-run reads and compares bf16 tensors through float32.
    Written on the bits, independently of mlc's conversions."""
    bits = np.asarray(x, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 << 16
    return rounded.astype(np.uint32).view(np.float32)


# name: ([(shape, dtype, values), ...], reference[, result dtype]). A shape
# lists ints and variable names; `values` names a distribution (see
# make_input). The result dtype (the first input's by default) is what an
# integer reference computed in int64 wraps to; "raw" instead passes the
# inputs in their own dtypes. A reference that returns a tuple writes
# expected0.npy, expected1.npy, ... (one per result).
CASES = {
    # add.mlir
    "add_bcast_f32": ([(("n", 1, 4), "float32", "normal"),
                       (("m", 1), "float32", "normal")],
                      lambda a, b: a + b),
    "add_i32": ([(("n", "m"), "int32", "int"), (("m",), "int32", "int")],
                lambda a, b: a + b),
    "add_f16": ([(("n", 3), "float16", "normal"),
                 (("n", 3), "float16", "normal")],
                lambda a, b: a + b),
    # subtract.mlir
    "subtract_bcast_f32": ([((1, "m"), "float32", "normal"),
                            (("n", 1), "float32", "normal")],
                           lambda a, b: a - b),
    "subtract_i64": ([(("n",), "int64", "int"), (("n",), "int64", "int")],
                     lambda a, b: a - b),
    # multiply.mlir
    "multiply_bcast_f32": ([(("b", "n", "m"), "float32", "normal"),
                            (("b", 1, "m"), "float32", "normal")],
                           lambda a, b: a * b),
    "multiply_i8": ([(("n",), "int8", "int"), (("n",), "int8", "int")],
                    lambda a, b: a * b),
    # divide.mlir
    "divide_f32": ([(("n", 4), "float32", "normal"),
                    ((4,), "float32", "nonzero")],
                   lambda a, b: a / b),
    "divide_i32": ([(("n",), "int32", "dividend"),
                    (("n",), "int32", "divisor")],
                   floor_divide),
    # binary.mlir
    "floor_divide_f32": ([(("n", "m"), "float32", "normal"), (("m",), "float32", "nonzero")],
                 lambda a, b: np.floor(a / b)),
    "floor_divide_i32": ([(("n", "m"), "int32", "dividend"), (("m",), "int32", "divisor")],
                 floor_divide),
    "power_f32": ([(("n", "m"), "float32", "positive"), (("m",), "float32", "normal")],
                 np.power),
    "floor_mod_f32": ([(("n", "m"), "float32", "wide"), (("m",), "float32", "nonzero")],
                 np.mod),
    "floor_mod_i32": ([(("n", "m"), "int32", "dividend"), (("m",), "int32", "divisor")],
                 lambda a, b: np.where(b == 0, 0, np.mod(a, np.where(b == 0, 1, b)))),
    "mod_f32": ([(("n", "m"), "float32", "wide"), (("m",), "float32", "nonzero")],
                np.fmod),
    "mod_i32": ([(("n", "m"), "int32", "dividend"), (("m",), "int32", "divisor")],
                lambda a, b: np.where(b == 0, 0, np.fmod(a, np.where(b == 0, 1, b)))),
    # Amounts of -2..39 for i32: the out-of-range ones give 0 or the sign.
    "left_shift_i32": ([(("n", "m"), "int32", "dividend"), (("m",), "int32", "shift")],
                       lambda a, b: np.where((b >= 0) & (b < 32),
                                             a << np.clip(b, 0, 31), 0)),
    "right_shift_i32": ([(("n", "m"), "int32", "dividend"), (("m",), "int32", "shift")],
                        lambda a, b: np.where((b >= 0) & (b < 32),
                                              a >> np.clip(b, 0, 31),
                                              np.where(a < 0, -1, 0))),
    "minimum_f32": ([(("n", "m"), "float32", "normal"), (("m",), "float32", "normal")],
                 np.minimum),
    "maximum_i32": ([(("n", "m"), "int32", "int"), (("m",), "int32", "int")],
                 np.maximum),
    "bitwise_and_i32": ([(("n", "m"), "int32", "int"), (("m",), "int32", "int")],
                 np.bitwise_and),
    "bitwise_or_i32": ([(("n", "m"), "int32", "int"), (("m",), "int32", "int")],
                 np.bitwise_or),
    "bitwise_xor_i32": ([(("n", "m"), "int32", "int"), (("m",), "int32", "int")],
                 np.bitwise_xor),
    "logical_and_bool": ([(("n", "m"), "bool", "bool"), (("m",), "bool", "bool")],
                 np.logical_and),
    "logical_or_bool": ([(("n", "m"), "bool", "bool"), (("m",), "bool", "bool")],
                 np.logical_or),
    "equal_f32": ([(("n", "m"), "float32", "small"), (("m",), "float32", "small")],
                 np.equal),
    "not_equal_i32": ([(("n", "m"), "int32", "small"), (("m",), "int32", "small")],
                 np.not_equal),
    "less_f32": ([(("n", "m"), "float32", "small"), (("m",), "float32", "small")],
                 np.less),
    "less_equal_i32": ([(("n", "m"), "int32", "small"), (("m",), "int32", "small")],
                 np.less_equal),
    "greater_f32": ([(("n", "m"), "float32", "small"), (("m",), "float32", "small")],
                 np.greater),
    "greater_equal_i32": ([(("n", "m"), "int32", "small"), (("m",), "int32", "small")],
                 np.greater_equal),
    # reductions.mlir
    "min_f32": ([(("n", "m"), "float32", "normal")], lambda x: np.min(x, axis=1)),
    "min_i32": ([(("n", "m"), "int32", "int")], lambda x: np.min(x, axis=0, keepdims=True)),
    "prod_i32": ([(("n", "m"), "int32", "small")], lambda x: np.prod(x, axis=0)),
    "prod_f32": ([(("n", "m"), "float32", "nonzero")], lambda x: np.prod(x, axis=1)),
    "mean_f32": ([(("n", "m"), "float32", "normal")], lambda x: np.mean(x, axis=1, keepdims=True)),
    "mean_all_f32": ([(("n", "m"), "float32", "normal")], np.mean),
    "variance_f32": ([(("n", "m"), "float32", "normal")], lambda x: np.var(x, axis=1)),
    "std_keepdims": ([(("n", "m", 3), "float32", "wide")],
                     lambda x: np.std(x, axis=(0, 2), keepdims=True)),
    "variance_all": ([(("n", "m"), "float64", "normal")], np.var),
    # NaN, infinities and ties: the first NaN, else the first best wins.
    "argmax_f32": ([(("n", "m"), "float32", "special")],
                   lambda x: np.argmax(x, axis=1), "int64"),
    "argmin_keepdims": ([(("n", "m"), "int32", "small")],
                        lambda x: np.argmin(x, axis=0, keepdims=True), "int64"),
    "argmax_flat": ([(("n", "m"), "float32", "normal")], np.argmax, "int64"),
    "cumsum_f32": ([(("n", "m"), "float32", "normal")], lambda x: np.cumsum(x, axis=1)),
    "cumsum_axis0_i32": ([(("n", "m"), "int32", "dividend")],
                         lambda x: np.cumsum(x, axis=0)),
    "cumprod_flat": ([(("n", "m"), "float32", "nonzero")], np.cumprod),
    # rms_norm.mlir
    "rms_norm_f32": ([(("n", "m"), "float32", "normal"), (("m",), "float32", "normal")],
                     lambda x, w: rms_norm(x, w, 1e-5)),
    "rms_norm_f16": ([(("n", 256), "float16", "normal"), ((256,), "float16", "normal")],
                     lambda x, w: rms_norm(x, w, 1e-5)),
    "rms_norm_3d": ([(("b", "n", "m"), "float32", "wide"), (("m",), "float32", "normal")],
                    lambda x, w: rms_norm(x, w, 1e-6)),
    # manipulation.mlir
    "expand_dims_f32": ([(("n", 3), "float32", "normal")],
                        lambda x: np.expand_dims(x, (0, -1))),
    "squeeze_f32": ([(("n", 1, 3), "float32", "normal")], lambda x: np.squeeze(x, 1)),
    "flatten_i32": ([(("n", 3), "int32", "int")], lambda x: x.reshape(-1)),
    # unary.mlir
    "gelu_f32": ([(("n", "m"), "float32", "normal")], gelu),
    "gelu_tanh_f32": ([(("n", "m"), "float32", "normal")], gelu_tanh),
    "leaky_relu_f32": ([(("n", "m"), "float32", "normal")],
                       lambda x: np.where(x > 0, x, 0.2 * x)),
    "logical_not_bool": ([(("n", "m"), "bool", "bool")], np.logical_not),
    "bitwise_not_i32": ([(("n", "m"), "int32", "int")], np.invert),
    "isnan_f32": ([(("n", "m"), "float32", "special")], np.isnan),
    "isinf_f32": ([(("n", "m"), "float32", "special")], np.isinf),
    "clip_f32": ([(("n", "m"), "float32", "normal")],
                 lambda x: np.clip(x, -0.5, 1.25)),
    "clip_i32": ([(("n", "m"), "int32", "int")],
                 lambda x: np.clip(x, -20, 30)),
    "where_f32": ([(("m",), "bool", "bool"), (("n", "m"), "float32", "normal"),
                   (("m",), "float32", "normal")],
                  np.where),
    "abs_f32": ([(("n", "m"), "float32", "normal")], np.abs),
    "abs_i32": ([(("n", "m"), "int32", "int")], np.abs),
    "negative_f32": ([(("n", "m"), "float32", "normal")], np.negative),
    "negative_i32": ([(("n", "m"), "int32", "int")], np.negative),
    "sign_f32": ([(("n", "m"), "float32", "normal")], np.sign),
    "sign_i32": ([(("n", "m"), "int32", "int")], np.sign),
    "square_f32": ([(("n", "m"), "float32", "normal")], np.square),
    "square_i32": ([(("n", "m"), "int32", "int")], np.square),
    "log_f32": ([(("n", "m"), "float32", "positive")], np.log),
    "sqrt_f32": ([(("n", "m"), "float32", "positive")], np.sqrt),
    "rsqrt_f32": ([(("n", "m"), "float32", "positive")], lambda x: 1.0 / np.sqrt(x)),
    "sin_f32": ([(("n", "m"), "float32", "normal")], np.sin),
    "cos_f32": ([(("n", "m"), "float32", "normal")], np.cos),
    "tanh_f32": ([(("n", "m"), "float32", "normal")], np.tanh),
    "sigmoid_f32": ([(("n", "m"), "float32", "wide")], lambda x: 1.0 / (1.0 + np.exp(-x))),
    "erf_f32": ([(("n", "m"), "float32", "normal")], erf),
    "floor_f32": ([(("n", "m"), "float32", "wide")], np.floor),
    "ceil_f32": ([(("n", "m"), "float32", "wide")], np.ceil),
    "round_f32": ([(("n", "m"), "float32", "halves")], np.round),
    # exp.mlir
    "exp_f32": ([(("n", "m"), "float32", "normal")], np.exp),
    "exp_f16": ([(("n",), "float16", "normal")], np.exp),
    # relu.mlir
    "relu_f32": ([(("n", 5), "float32", "normal")],
                 lambda x: np.maximum(x, 0)),
    "relu_i32": ([(("n",), "int32", "int")], lambda x: np.maximum(x, 0)),
    # silu.mlir
    "silu_f32": ([(("n", 3), "float32", "wide")], silu),
    "silu_f16": ([(("n",), "float16", "normal")], silu),
    # matmul.mlir
    "matmul_2d": ([(("n", "k"), "float32", "normal"),
                   (("k", "m"), "float32", "normal")],
                  np.matmul),
    "matmul_batched": ([(("b", 1, "n", 8), "float32", "normal"),
                        (("h", 8, "m"), "float32", "normal")],
                       np.matmul),
    "matmul_bmm": ([(("b", "n", "k"), "float32", "normal"),
                    (("b", "k", "m"), "float32", "normal")],
                   np.matmul),
    "matmul_vec_mat": ([(("k",), "float32", "normal"),
                        (("k", "m"), "float32", "normal")],
                       np.matmul),
    "matmul_mat_vec": ([(("n", "k"), "float32", "normal"),
                        (("k",), "float32", "normal")],
                       np.matmul),
    "matmul_i32": ([(("n", 3), "int32", "int"), ((3, 2), "int32", "int")],
                   np.matmul),
    # permute_dims.mlir
    "permute_dims_reverse": ([(("n", "m"), "float32", "normal")],
                             np.transpose),
    "permute_dims_axes": ([(("b", "n", 4), "float32", "normal")],
                          lambda x: np.transpose(x, (2, 0, 1))),
    "permute_dims_u8": ([(("n", 2), "uint8", "int")], np.transpose),
    # reshape.mlir
    "reshape_infer": ([(("n", 4, 8), "float32", "normal")],
                      lambda x: x.reshape(-1, 32)),
    "reshape_split": ([(("n", 6), "float32", "normal")],
                      lambda x: x.reshape(-1, 3)),
    "reshape_flatten": ([(("n", "m"), "int32", "int")],
                        lambda x: x.reshape(-1)),
    "reshape_expand": ([(("n", 6), "float32", "normal")],
                       lambda x: x.reshape(x.shape[0], 2, 3)),
    # sum.mlir
    "sum_keepdims": ([(("n", "m", 4), "float32", "normal")],
                     lambda x: x.sum(axis=1, keepdims=True)),
    "sum_all": ([(("n", "m"), "float32", "normal")], lambda x: x.sum()),
    "sum_negative_axes": ([(("n", "m", 3), "float32", "normal")],
                          lambda x: x.sum(axis=(-1, 0))),
    "sum_i32": ([(("n", 5), "int32", "int")], lambda x: x.sum(axis=1)),
    # max.mlir
    "max_axis": ([(("n", "m"), "float32", "normal")],
                 lambda x: x.max(axis=0)),
    "max_all_keepdims": ([(("n", "m"), "float32", "normal")],
                         lambda x: x.max(keepdims=True)),
    "max_i32": ([(("n", 3), "int32", "int")], lambda x: x.max(axis=1)),
    # softmax.mlir
    "softmax_last": ([(("n", "m"), "float32", "wide")],
                     lambda x: softmax(x, -1)),
    "softmax_axis0": ([(("n", 3), "float32", "wide")],
                      lambda x: softmax(x, 0)),
    "softmax_3d": ([(("b", "n", "m"), "float32", "normal")],
                   lambda x: softmax(x, 1)),
    "softmax_f16": ([(("n", 8), "float16", "normal")],
                    lambda x: softmax(x, -1)),
    # layer_norm.mlir ("wide" rows: a large mean tests the two passes)
    "layer_norm_f32": ([(("n", "m"), "float32", "normal"),
                        (("m",), "float32", "normal"),
                        (("m",), "float32", "normal")],
                       lambda x, w, b: layer_norm(x, w, b, 1e-5)),
    "layer_norm_3d": ([(("b", "n", "m"), "float32", "wide"),
                       (("m",), "float32", "normal"),
                       (("m",), "float32", "normal")],
                      lambda x, w, b: layer_norm(x, w, b, 1e-6)),
    "group_norm_4d": ([(("n", 6, "h", "w"), "float32", "wide"), ((6,), "float32", "normal"),
                       ((6,), "float32", "normal")],
                      lambda x, w, b: group_norm(x, w, b, 3, 1e-5)),
    "group_norm_f16": ([(("n", 4, "l"), "float16", "normal"), ((4,), "float16", "normal"),
                        ((4,), "float16", "normal")],
                       lambda x, w, b: group_norm(x, w, b, 2, 1e-3)),
    # log_softmax.mlir
    "log_softmax_f32": ([(("n", "m"), "float32", "wide")],
                        lambda x: log_softmax(x, -1)),
    "log_softmax_axis0": ([(("n", "m"), "float32", "normal")],
                          lambda x: log_softmax(x, 0)),
    "log_softmax_f16": ([(("n", 8), "float16", "normal")],
                        lambda x: log_softmax(x, -1)),
    # attention.mlir
    "attention_gqa_causal": ([((1, "n", 4, 8), "float32", "normal"),
                              ((1, "t", 2, 8), "float32", "normal"),
                              ((1, "t", 2, 8), "float32", "normal")],
                             lambda q, k, v: attention(q, k, v, causal=True)),
    "attention_scaled": ([(("b", "n", 2, 4), "float32", "normal"),
                          (("b", "t", 2, 4), "float32", "normal"),
                          (("b", "t", 2, 6), "float32", "normal")],
                         lambda q, k, v: attention(q, k, v, scale=0.3)),
    "attention_f16": ([((1, "n", 2, 16), "float16", "normal"),
                       ((1, "n", 2, 16), "float16", "normal"),
                       ((1, "n", 2, 16), "float16", "normal")],
                      lambda q, k, v: attention(q, k, v, causal=True)),
    "rope_f32": ([(("b", "n", 3, 8), "float32", "normal"),
                  (("n",), "int64", "position")],
                 lambda x, p: rope(x, p, 10000.0)),
    "rope_f16": ([((1, "n", 2, 16), "float16", "normal"),
                  (("n",), "int32", "position")],
                 lambda x, p: rope(x, p, 500000.0)),
    # quantize.mlir
    "q4_quantize_f16": ([(("n", 64), "float16", "groups")],
                        lambda w: q4_quantize(w), "raw"),
    "q4_quantize_f32": ([(("b", "n", 128), "float32", "groups")],
                        lambda w: q4_quantize(w, 64), "raw"),
    "q4_dequantize_f16": ([(("n", 8), "int32", "bits"),
                           (("n", 2), "float16", "normal")],
                          q4_dequantize, "raw"),
    "q4_linear_f16": ([(("m", 64), "float16", "normal"),
                       ((16, 8), "int32", "bits"),
                       ((16, 2), "float16", "scale")],
                      q4_linear, "raw"),
    "q4_linear_f32": ([(("b", "m", 128), "float32", "normal"),
                       ((8, 16), "int32", "bits"),
                       ((8, 2), "float32", "scale")],
                      lambda x, q, s: q4_linear(x, q, s, 64), "raw"),
    # indexing.mlir
    "broadcast_to_f32": ([(("n", 1), "float32", "normal")],
                         lambda x: np.broadcast_to(x, (2, x.shape[0], 4))),
    "concat_f32": ([(("n", 3), "float32", "normal"), (("m", 3), "float32", "normal"),
                    ((2, 3), "float32", "normal")],
                   lambda a, b, c: np.concatenate([a, b, c])),
    "concat_axis1_i32": ([(("n", "m"), "int32", "int"), (("n", 1), "int32", "int")],
                         lambda a, b: np.concatenate([a, b], axis=-1)),
    "flip_f32": ([(("n", "m"), "float32", "normal")], lambda x: np.flip(x, 1)),
    "tril_f32": ([(("b", "n", "m"), "float32", "normal")], np.tril),
    "triu_i32": ([(("n", "m"), "int32", "int")], lambda x: np.triu(x, 1)),
    "tile_f32": ([(("n", 3), "float32", "normal")], lambda x: np.tile(x, (2, 3, 2))),
    "repeat_f32": ([(("n", "m"), "float32", "normal")],
                   lambda x: np.repeat(x, 3, axis=1)),
    "strided_slice_f32": ([(("n", 7), "float32", "normal")], lambda x: x[:, 1:-1]),
    "strided_slice_reverse": ([(("n", 10), "float32", "normal")],
                              lambda x: x[::2, 8:0:-2]),
    "strided_slice_window": ([(("p",), "int32", "int"), (("n",), "int32", "int"),
                              (("b", "t", 3), "float32", "normal")],
                             lambda p, n, x: x[:, len(p):len(p) + len(n)],
                             "raw"),
    "strided_slice_window_back": ([(("p",), "int32", "int"),
                                   (("n",), "int32", "int"),
                                   (("b", "t", 3), "float32", "normal")],
                                  lambda p, n, x: x[:, len(p) + len(n):len(p):-2],
                                  "raw"),
    "strided_slice_tail": ([(("n", 2), "float32", "normal")], lambda x: x[-3:]),
    "take_f32": ([(("v", 4), "float32", "normal"), (("n",), "int32", "small")],
                 lambda x, ids: take(x, ids, 0)),
    "take_axis1": ([((3, "v"), "float32", "normal"), (("n", 2), "int64", "small")],
                   lambda x, ids: take(x, ids, 1)),
    "one_hot_f32": ([(("n",), "int64", "small")],
                    lambda ids: np.where(ids[:, None] == np.arange(5), 2.0, -1.0),
                    "float32"),
    # conv.mlir
    "conv2d_nchw": ([(("n", 3, "h", "w"), "float32", "normal"),
                     ((4, 3, 3, 3), "float32", "normal")],
                    lambda x, k: conv2d(x, k, (2, 2), (1, 1, 1, 1))),
    "conv2d_dilated": ([((1, 2, "h", "w"), "float32", "normal"),
                        ((3, 2, 2, 3), "float32", "normal")],
                       lambda x, k: conv2d(x, k, padding=(0, 1, 1, 1),
                                           dilation=(2, 2))),
    "conv2d_grouped_nhwc": ([(("n", "h", "w", 4), "float32", "normal"),
                             ((6, 3, 3, 2), "float32", "normal")],
                            lambda x, k: conv2d(x, k, padding=(1, 1, 1, 1),
                                                groups=2, nhwc=True)),
    "conv2d_transpose_up": ([(("n", 3, "h", "w"), "float32", "normal"),
                             ((3, 4, 3, 3), "float32", "normal")],
                            lambda x, k: conv2d_transpose(
                                x, k, (2, 2), (1, 1, 1, 1), (1, 1))),
    "conv2d_transpose_grouped": ([((1, 4, "h", "w"), "float32", "normal"),
                                  ((4, 3, 2, 3), "float32", "normal")],
                                 lambda x, k: conv2d_transpose(
                                     x, k, (3, 2), (0, 1, 0, 0),
                                     dilation=(1, 2), groups=2)),
    "conv1d_ncw": ([(("n", 3, "l"), "float32", "normal"), ((4, 3, 3), "float32", "normal")],
                   lambda x, k: conv2d(x[:, :, None], k[:, :, None], (1, 2),
                                       (0, 1, 0, 1))[:, :, 0]),
    "conv1d_nwc": ([(("n", "l", 4), "float32", "normal"), ((2, 2, 2), "float32", "normal")],
                   lambda x, k: conv2d(x[:, None], k[:, None], padding=(0, 0, 0, 1),
                                       dilation=(1, 2), groups=2, nhwc=True)[:, 0]),
    "max_pool2d": ([(("n", 2, "h", "w"), "float32", "normal")],
                   lambda x: pool2d(x, (3, 3), (2, 2), (1, 1, 1, 1))),
    "avg_pool2d": ([(("n", "h", "w", 2), "float32", "normal")],
                   lambda x: pool2d(x, (3, 3), padding=(1, 1, 1, 1),
                                    kind="avg", nhwc=True)),
    "avg_pool2d_count_pad": ([(("n", 2, "h", "w"), "float32", "normal")],
                             lambda x: pool2d(x, (3, 3), padding=(1, 1, 1, 1),
                                              kind="avg", count_pad=True)),
    "adaptive_avg_pool2d": ([(("n", 2, "h", "w"), "float32", "normal")],
                            lambda x: adaptive_avg_pool2d(x, (3, 2))),
    "global_avg_pool2d": ([(("n", 3, "h", "w"), "float32", "normal")],
                          lambda x: adaptive_avg_pool2d(x, (1, 1))),
    "resize_nearest": ([(("n", 2, "h", "w"), "float32", "normal")],
                       lambda x: resize2d(x, (2 * x.shape[2], 3))),
    "resize_linear": ([(("n", "h", "w", 2), "float32", "normal")],
                      lambda x: resize2d(x, (2 * x.shape[1], x.shape[2] + 3),
                                         "linear", nhwc=True)),
    "resize_align_corners": ([((1, 1, "h", "w"), "float32", "normal")],
                             lambda x: resize2d(x, (5, 1), "linear",
                                                "align_corners")),
    "resize_asymmetric": ([((1, 2, "h", "w"), "float32", "normal")],
                          lambda x: resize2d(x, (4, 7), "linear", "asymmetric")),
    "batch_norm": ([(("n", 3, "h", "w"), "float32", "normal"),
                    ((3,), "float32", "normal"), ((3,), "float32", "normal"),
                    ((3,), "float32", "normal"), ((3,), "float32", "positive")],
                   batch_norm),
    # creation.mlir (the argument only gives n)
    "full_f32": ([(("n",), "float32", "normal")],
                 lambda x: np.full((len(x), 2), 1.5, np.float32), "raw"),
    "zeros_i32": ([(("n",), "float32", "normal")],
                  lambda x: np.zeros((3, len(x)), np.int32), "raw"),
    "ones_f16": ([(("n",), "float32", "normal")],
                 lambda x: np.ones(len(x), np.float16), "raw"),
    "arange_i64": ([(("n",), "float32", "normal")],
                   lambda x: np.arange(len(x), dtype=np.int64), "raw"),
    "arange_step_f32": ([(("n",), "float32", "normal")],
                        lambda x: np.arange(1, 2 * len(x), 2, dtype=np.float32),
                        "raw"),
    "arange_down_i32": ([(("n",), "float32", "normal")],
                        lambda x: np.arange(-1, -1 - len(x), -3, dtype=np.int32),
                        "raw"),
    # nn.mlir
    "linear_bias": ([(("b", "n", 5), "float32", "normal"), ((3, 5), "float32", "normal"),
                     ((3,), "float32", "normal")],
                    lambda x, w, c: x @ w.T + c),
    "linear_nobias": ([(("n", "k"), "float32", "normal"), (("m", "k"), "float32", "normal")],
                      lambda x, w: x @ w.T),
    "einsum_bmm": ([(("b", 3, "k"), "float32", "normal"), (("b", "k", 4), "float32", "normal")],
                   lambda a, c: np.einsum("bij,bjk->bik", a, c)),
    "einsum_outer_t": ([(("n",), "float32", "normal"), (("m",), "float32", "normal")],
                       lambda a, c: np.einsum("i,j->ji", a, c)),
    "einsum_trace": ([(("n", "n"), "float32", "normal")], lambda a: np.einsum("ii", a)),
    "einsum_implicit": ([(("n", "k"), "float32", "normal"), (("k", "m"), "float32", "normal")],
                        lambda a, c: np.einsum("ik,kj", a, c)),
    "pad_constant": ([(("n", "m"), "float32", "normal")],
                     lambda x: np.pad(x, ((1, 2), (0, 1)), constant_values=-1.5)),
    "pad_edge": ([(("n", "m"), "int32", "int")],
                 lambda x: np.pad(x, ((2, 0), (1, 2)), mode="edge")),
    "pad_reflect": ([(("n", 4), "float32", "normal")],
                    lambda x: np.pad(x, ((0, 0), (3, 2)), mode="reflect")),
    "dropout": ([(("n", "m"), "float32", "normal")], lambda x: np.maximum(x, 0)),
    # gather.mlir
    "split_sections": ([(("n", 6), "float32", "normal")],
                       lambda x: tuple(np.split(x, 3, axis=1)), "raw"),
    "split_indices": ([(("n", 3), "int32", "int")],
                      lambda x: tuple(np.split(x, [2])), "raw"),
    "gather_elements": ([(("n", 5), "float32", "normal"), (("n", 3), "int64", "small")],
                        lambda x, i: np.take_along_axis(x, clamp_index(i, 5), axis=1),
                        "raw"),
    "scatter_elements": ([((5, "m"), "float32", "normal"), (("k", "m"), "int32", "small"),
                          (("k", "m"), "float32", "normal")],
                         scatter_elements, "raw"),
    "gather_nd": ([(("n", 4, 3), "float32", "normal"), (("k", 2), "int64", "small")],
                  gather_nd, "raw"),
    # astype.mlir: exact conversions, so the references convert with numpy
    # (and to_bf16) from the same inputs. A bf16 input is read from float32
    # and rounded by mlc-run, hence to_bf16 on the input too.
    "astype_f32_f16": ([(("n", 3), "float32", "normal")],
                       lambda x: x.astype(np.float16)),
    "astype_f32_bf16": ([(("n", 3), "float32", "normal")], to_bf16),
    "astype_bf16_f32": ([(("n", 3), "float32", "normal")], to_bf16),
    "astype_bf16_f16": ([(("n", 3), "float32", "normal")],
                        lambda x: to_bf16(x).astype(np.float16)),
    "astype_f16_f64": ([(("n", 3), "float16", "normal")], lambda x: x),
    "astype_f32_i32": ([(("n", 3), "float32", "wide")],
                       lambda x: x.astype(np.int32), "int32"),
    "astype_i32_f32": ([(("n", 3), "int32", "dividend")],
                       lambda x: x.astype(np.float32), "float32"),
    "astype_i32_i8": ([(("n", 3), "int32", "dividend")], lambda x: x, "int8"),
    "astype_i8_i64": ([(("n", 3), "int8", "int")], lambda x: x, "int64"),
    "astype_f32_bool": ([(("n", 3), "float32", "special")],
                        lambda x: x != 0),
    "astype_bool_f32": ([(("n", 3), "bool", "bool")],
                        lambda x: x.astype(np.float32)),
    "astype_bool_i32": ([(("n", 3), "bool", "bool")],
                        lambda x: x.astype(np.int32), "int32"),
}


def make_input(rng, shape, dtype, values):
    if values == "normal":
        data = rng.standard_normal(shape)
    elif values == "wide":
        # Large magnitudes: exp(100) overflows f32, so softmax must subtract
        # the max first.
        data = rng.uniform(-100.0, 100.0, shape)
    elif values == "bool":
        data = rng.integers(0, 2, shape).astype(bool)
    elif values == "small":
        # Integers with ties, so that comparisons see equal pairs.
        data = rng.integers(-3, 4, shape)
    elif values == "special":
        # NaN, +-inf and ordinary values.
        data = rng.choice([np.nan, np.inf, -np.inf, 0.0, -1.5, 2.0], shape)
    elif values == "positive":
        data = rng.uniform(0.01, 10.0, shape)
    elif values == "halves":
        # Exact halves included: round goes to even (2.5 -> 2, -0.5 -> -0).
        data = np.round(rng.uniform(-8.0, 8.0, shape) * 2) / 2
    elif values == "nonzero":
        data = rng.uniform(0.5, 2.0, shape) * rng.choice([-1.0, 1.0], shape)
    elif values == "position":
        # Token positions: f32 angles stay accurate to about 1e-5 here.
        data = rng.integers(0, 64, shape)
    elif values == "groups":
        # The first group of 32 along the last axis is all zeros (scale 0).
        data = rng.standard_normal(shape)
        data[..., :32] = 0
    elif values == "bits":
        data = rng.integers(-2**31, 2**31, shape)
    elif values == "scale":
        data = rng.uniform(0.01, 0.1, shape)
    elif values == "shift":
        data = rng.integers(-2, 40, shape)
    elif values == "int":
        info = np.iinfo(dtype)
        bound = min(100, info.max)
        data = rng.integers(-bound if info.min < 0 else 0, bound + 1, shape)
    elif values == "dividend":
        data = rng.integers(-1000, 1001, shape)
        data.flat[0] = INT32_MIN  # INT_MIN // -1 (see "divisor")
    elif values == "divisor":
        # Zeros and -1s included: numpy gives 0 for x // 0.
        data = rng.integers(-4, 5, shape)
        data.flat[0] = -1
    else:
        raise ValueError("unknown distribution " + values)
    return data.astype(dtype)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--seed=")]
    seeds = [a for a in sys.argv[1:] if a.startswith("--seed=")]
    seed = int(seeds[-1].split("=", 1)[1]) if seeds else 0
    case, outdir = args[0], args[1]
    dims = {}
    for binding in args[2:]:
        name, value = binding.split("=", 1)
        dims[name] = int(value)
    specs, reference = CASES[case][:2]
    rng = np.random.default_rng([seed, zlib.crc32(case.encode())])

    inputs = []
    for shape, dtype, values in specs:
        concrete = tuple(d if isinstance(d, int) else dims[d] for d in shape)
        inputs.append(make_input(rng, concrete, np.dtype(dtype), values))

    out_dtype = inputs[0].dtype
    raw = len(CASES[case]) > 2 and CASES[case][2] == "raw"
    if len(CASES[case]) > 2 and not raw:
        out_dtype = np.dtype(CASES[case][2])
    if raw:
        expected = reference(*inputs)
    elif np.issubdtype(inputs[0].dtype, np.integer):
        expected = np.asarray(reference(*[x.astype(np.int64) for x in inputs]))
        if expected.dtype != np.bool_:  # comparisons stay boolean
            expected = expected.astype(out_dtype)  # wraps like the kernels
    else:
        expected = np.asarray(
            reference(*[x.astype(np.float64) for x in inputs]))

    os.makedirs(outdir, exist_ok=True)
    for index, value in enumerate(inputs):
        np.save(os.path.join(outdir, "in%d.npy" % index), value)
    # A transpose is a view; .npy files are read in C order.
    if isinstance(expected, tuple):
        for index, value in enumerate(expected):
            np.save(os.path.join(outdir, "expected%d.npy" % index),
                    np.array(value, order="C"))
    else:
        np.save(os.path.join(outdir, "expected.npy"),
                np.array(expected, order="C"))


if __name__ == "__main__":
    main()
