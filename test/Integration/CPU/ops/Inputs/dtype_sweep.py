#!/usr/bin/env python3
"""Every relax operator at every element type it supports, against numpy.

usage: dtype_sweep.py emit                      (prints the relax module)
       dtype_sweep.py run MLC_RUN LIB.so OUTDIR (runs every case)

`emit` writes one function per (operator, dtype) pair, named
`<op>_<dtype>`, over symbolic dims n, m and k. `run` instantiates each at
two sizes (n = m = k = 1, and n = 5, m = 7, k = 3), writes the inputs and
the expected result as .npy files, runs the function with mlc-run and
prints one line per disagreement and a summary. The references are
computed in numpy independently of mlc: floats in float64 from the rounded
inputs (bf16 travels as float32 rounded on its bits, as mlc-run reads it),
integers in int64 and then wrapped to the result's width. Floating-point
results are compared within a tolerance per dtype (the half types compute
in their own precision except where the op accumulates in f32); integer
and boolean results must match exactly. Needs numpy (python3-numpy).
"""
import os
import subprocess
import sys
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import (adaptive_avg_pool2d, attention, conv2d_transpose,  # noqa: E402
                       erf, gather_nd, gelu, gelu_tanh, resize2d, rope,
                       scatter_elements, silu, to_bf16)

FLOATS = ["f16", "bf16", "f32", "f64"]
INTS = ["i8", "i16", "i32", "i64"]
ALL = FLOATS + INTS

NUMPY = {"f16": np.float16, "bf16": np.float32, "f32": np.float32,
         "f64": np.float64, "i8": np.int8, "i16": np.int16, "i32": np.int32,
         "i64": np.int64, "i1": np.bool_}

# (rtol, atol) per result dtype.
TOLERANCE = {"f16": (1e-2, 1e-2), "bf16": (4e-2, 6e-2), "f32": (1e-5, 1e-5),
             "f64": (1e-10, 1e-10)}

SIZES = [{"n": 1, "m": 1, "k": 1}, {"n": 5, "m": 7, "k": 3}]


class Case:
    """One operator: operands as (shape, dtype or None for the swept one,
    distribution); `result` as (shape, dtype or None)."""

    def __init__(self, op, dtypes, operands, result, reference, attrs="",
                 prefix=""):
        self.op, self.dtypes, self.operands = op, dtypes, operands
        self.result, self.reference, self.attrs = result, reference, attrs
        # Attributes written before the operands (einsum's subscripts).
        self.prefix = prefix
        self.name = op


def unary(op, dtypes, reference, values="normal", result_dtype=None,
          attrs=""):
    return Case(op, dtypes, [(("n", "m"), None, values)],
                (("n", "m"), result_dtype), reference, attrs)


def binary(op, dtypes, reference, values=("normal", "normal"),
           result_dtype=None):
    return Case(op, dtypes, [(("n", "m"), None, values[0]),
                             (("m",), None, values[1])],
                (("n", "m"), result_dtype), reference)


def reduction(op, dtypes, reference, result_dtype=None, values="normal",
              attrs=" axes [1]", result=("n",)):
    return Case(op, dtypes, [(("n", "m"), None, values)],
                (result, result_dtype), reference, attrs)


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def layer_norm(x, w, b):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-5) * w + b


def group_norm(x, w, b, groups=2):
    n, c = x.shape[:2]
    grouped = x.reshape(n, groups, -1)
    mean = grouped.mean(-1, keepdims=True)
    var = grouped.var(-1, keepdims=True)
    normed = ((grouped - mean) / np.sqrt(var + 1e-5)).reshape(x.shape)
    return normed * w[None, :, None] + b[None, :, None]


def pool(x, kind):
    """3 x 3 windows, stride 1, padding 1 (the padding ignored)."""
    fill = -np.inf if kind == "max" else np.nan
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)),
                    constant_values=fill)
    h, w = x.shape[2:]
    windows = np.stack([padded[:, :, i:i + h, j:j + w]
                        for i in range(3) for j in range(3)])
    return windows.max(0) if kind == "max" else np.nanmean(windows, 0)


def conv3x3(x, w):
    """conv2d with padding 1, by shifted slices."""
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    h, wd = x.shape[2:]
    out = np.zeros((x.shape[0], w.shape[0], h, wd))
    for i in range(3):
        for j in range(3):
            out += np.einsum("ncyx,oc->noyx", padded[:, :, i:i + h, j:j + wd],
                             w[:, :, i, j])
    return out


def bits_of(dtype):
    return np.iinfo(NUMPY[dtype]).bits


CASES = [
    # Elementwise, unary.
    unary("abs", ALL, np.abs),
    unary("negative", ALL, np.negative),
    unary("sign", ALL, np.sign),
    unary("square", ALL, np.square),
    unary("relu", ALL, lambda x: np.maximum(x, 0)),
    unary("clip", ALL, lambda x: np.clip(x, -2, 3), "wide",
          attrs=" min -2.0 max 3.0"),
    unary("exp", FLOATS, np.exp),
    unary("log", FLOATS, np.log, "positive"),
    unary("sqrt", FLOATS, np.sqrt, "positive"),
    unary("rsqrt", FLOATS, lambda x: 1 / np.sqrt(x), "positive"),
    unary("sin", FLOATS, np.sin),
    unary("cos", FLOATS, np.cos),
    unary("tanh", FLOATS, np.tanh),
    unary("sigmoid", FLOATS, lambda x: 1 / (1 + np.exp(-x))),
    unary("erf", FLOATS, erf),
    unary("silu", FLOATS, silu),
    unary("gelu", FLOATS, gelu),
    unary("gelu_tanh", FLOATS, gelu_tanh),
    unary("leaky_relu", FLOATS, lambda x: np.where(x > 0, x, 0.2 * x),
          attrs=" alpha 0.2"),
    unary("floor", FLOATS, np.floor, "halves"),
    unary("ceil", FLOATS, np.ceil, "halves"),
    unary("round", FLOATS, np.round, "halves"),
    unary("isnan", FLOATS, np.isnan, "special", "i1"),
    unary("isinf", FLOATS, np.isinf, "special", "i1"),
    unary("bitwise_not", INTS, np.invert, "int"),
    unary("logical_not", ["i1"], np.logical_not, "bool"),
    # Elementwise, binary: [n, m] with [m].
    binary("add", ALL, np.add),
    binary("subtract", ALL, np.subtract),
    binary("multiply", ALL, np.multiply),
    binary("divide", FLOATS, np.divide, ("normal", "nonzero")),
    binary("floor_divide", ALL, np.floor_divide, ("wide", "nonzero")),
    binary("mod", ALL, np.fmod, ("wide", "nonzero")),
    binary("floor_mod", ALL, np.mod, ("wide", "nonzero")),
    binary("power", FLOATS, np.power, ("positive", "normal")),
    binary("minimum", ALL, np.minimum),
    binary("maximum", ALL, np.maximum),
    binary("bitwise_and", INTS, np.bitwise_and, ("int", "int")),
    binary("bitwise_or", INTS, np.bitwise_or, ("int", "int")),
    binary("bitwise_xor", INTS, np.bitwise_xor, ("int", "int")),
    binary("left_shift", INTS, np.left_shift, ("int", "shift")),
    binary("right_shift", INTS, np.right_shift, ("int", "shift")),
    binary("logical_and", ["i1"], np.logical_and, ("bool", "bool")),
    binary("logical_or", ["i1"], np.logical_or, ("bool", "bool")),
] + [binary(op, ALL, fn, ("small", "small"), "i1")
     for op, fn in [("equal", np.equal), ("not_equal", np.not_equal),
                    ("less", np.less), ("less_equal", np.less_equal),
                    ("greater", np.greater),
                    ("greater_equal", np.greater_equal)]] + [
    Case("where", ALL + ["i1"],
         [(("m",), "i1", "bool"), (("n", "m"), None, "normal"),
          (("m",), None, "normal")],
         (("n", "m"), None), np.where),
    # Reductions over axis 1, and scans.
    reduction("sum", ALL, lambda x: x.sum(1)),
    reduction("prod", ALL, lambda x: x.prod(1), values="small"),
    reduction("max", ALL, lambda x: x.max(1)),
    reduction("min", ALL, lambda x: x.min(1)),
    reduction("mean", FLOATS, lambda x: x.mean(1)),
    reduction("variance", FLOATS, lambda x: x.var(1)),
    reduction("std", FLOATS, lambda x: x.std(1)),
    reduction("argmax", ALL, lambda x: x.argmax(1), "i64", "distinct",
              " axis 1"),
    reduction("argmin", ALL, lambda x: x.argmin(1), "i64", "distinct",
              " axis 1"),
    reduction("cumsum", ALL, lambda x: x.cumsum(1), attrs=" axis 1",
              result=("n", "m")),
    reduction("cumprod", ALL, lambda x: x.cumprod(1), values="small",
              attrs=" axis 1", result=("n", "m")),
    # NN.
    unary("softmax", FLOATS, softmax, attrs=" axis 1"),
    unary("log_softmax", FLOATS, lambda x: np.log(softmax(x)),
          attrs=" axis 1"),
    Case("rms_norm", FLOATS, [(("n", "m"), None, "normal"),
                              (("m",), None, "normal")],
         (("n", "m"), None),
         lambda x, w: x / np.sqrt((x * x).mean(-1, keepdims=True) + 1e-5) * w),
    Case("layer_norm", FLOATS, [(("n", "m"), None, "normal"),
                                (("m",), None, "normal"),
                                (("m",), None, "normal")],
         (("n", "m"), None), layer_norm),
    # Linear algebra.
    Case("matmul", ALL, [(("n", "k"), None, "small"),
                         (("k", "m"), None, "small")],
         (("n", "m"), None), np.matmul),
    # CNN: [1, 2, n, m] planes, 3 x 3 windows with padding 1.
    Case("conv2d", FLOATS, [((1, 2, "n", "m"), None, "normal"),
                            ((3, 2, 3, 3), None, "normal")],
         ((1, 3, "n", "m"), None), conv3x3, " padding [1, 1, 1, 1]"),
    Case("max_pool2d", FLOATS, [((1, 2, "n", "m"), None, "normal")],
         ((1, 2, "n", "m"), None), lambda x: pool(x, "max"),
         " pool_size [3, 3] padding [1, 1, 1, 1]"),
    Case("avg_pool2d", FLOATS, [((1, 2, "n", "m"), None, "normal")],
         ((1, 2, "n", "m"), None), lambda x: pool(x, "avg"),
         " pool_size [3, 3] padding [1, 1, 1, 1]"),
    # Manipulation: copies, so every dtype including booleans.
    Case("permute_dims", ALL + ["i1"], [(("n", "m"), None, "normal")],
         (("m", "n"), None), lambda x: x.T, " axes [1, 0]"),
    Case("reshape", ALL + ["i1"], [(("n", "m"), None, "normal")],
         (("n * m",), None), lambda x: x.reshape(-1), " [-1]"),
    unary("flip", ALL + ["i1"], lambda x: x[:, ::-1], attrs=" axis 1"),
    unary("tril", ALL + ["i1"], np.tril),
    Case("expand_dims", ALL + ["i1"], [(("n", "m"), None, "normal")],
         ((1, "n", "m"), None), lambda x: x[None], " axes [0]"),
    Case("concat", ALL + ["i1"], [(("n", "m"), None, "normal"),
                                  (("n", 2), None, "normal")],
         (("n", "m + 2"), None), lambda a, b: np.concatenate([a, b], 1),
         " axis 1"),
    Case("tile", ALL + ["i1"], [(("n", "m"), None, "normal")],
         (("2 * n", "m"), None), lambda x: np.tile(x, (2, 1)),
         " repeats [2, 1]"),
    Case("repeat", ALL + ["i1"], [(("n", "m"), None, "normal")],
         (("n", "2 * m"), None), lambda x: np.repeat(x, 2, 1),
         " repeats 2 axis 1"),
    Case("pad", ALL, [(("n", "m"), None, "normal")],
         (("n + 1", "m + 2"), None),
         lambda x: np.pad(x, ((1, 0), (0, 2)), constant_values=3),
         " pad_width [1, 0, 0, 2] value 3.0"),
    Case("broadcast_to", ALL + ["i1"], [(("m",), None, "normal")],
         ((4, "m"), None), None, " [4, m]"),
    Case("take", ALL + ["i1"], [(("n", "m"), None, "normal"),
                                (("k",), "i64", "index")],
         (("n", "k"), None), lambda x, i: np.take(x, i, 1), " axis 1"),
    Case("triu", ALL + ["i1"], [(("n", "m"), None, "normal")],
         (("n", "m"), None), lambda x: np.triu(x, 1), " k 1"),
    Case("squeeze", ALL + ["i1"], [(("n", 1, "m"), None, "normal")],
         (("n", "m"), None), lambda x: x[:, 0], " axes [1]"),
    Case("flatten", ALL + ["i1"], [(("n", 2, "m"), None, "normal")],
         (("2 * n * m",), None), lambda x: x.reshape(-1)),
    Case("strided_slice", ALL + ["i1"], [(("n", 7), None, "normal")],
         (("n", 5), None), lambda x: x[:, 1:-1],
         " axes [1] begin [1] end [-1]"),
    Case("gather_elements", ALL + ["i1"],
         [(("n", "m"), None, "normal"), (("n", 3), "i64", "index")],
         (("n", 3), None), lambda x, i: np.take_along_axis(x, i, 1),
         " axis 1"),
    Case("gather_nd", ALL + ["i1"],
         [(("n", "m"), None, "normal"), (("k", 2), "i64", "index")],
         (("k",), None), gather_nd),
    Case("scatter_elements", ALL + ["i1"],
         [((5, "m"), None, "normal"), (("k", "m"), "i64", "index"),
          (("k", "m"), None, "normal")],
         ((5, "m"), None), scatter_elements),
    # NN and CNN beyond the basics, on floats.
    Case("linear", FLOATS, [(("n", "k"), None, "normal"),
                            (("m", "k"), None, "normal"),
                            (("m",), None, "normal")],
         (("n", "m"), None), lambda x, w, b: x @ w.T + b),
    Case("einsum", ALL, [(("n", "k"), None, "small"),
                         (("k", "m"), None, "small")],
         (("m", "n"), None), lambda a, b: np.einsum("ik,kj->ji", a, b),
         prefix='"ik,kj->ji" '),
    Case("batch_norm", FLOATS, [(("n", 3, "m"), None, "normal"),
                                ((3,), None, "normal"), ((3,), None, "normal"),
                                ((3,), None, "normal"),
                                ((3,), None, "positive")],
         (("n", 3, "m"), None),
         lambda x, g, b, mean, var: (x - mean[:, None]) / np.sqrt(
             var[:, None] + 1e-5) * g[:, None] + b[:, None]),
    Case("group_norm", FLOATS, [(("n", 4, "m"), None, "normal"),
                                ((4,), None, "normal"), ((4,), None, "normal")],
         (("n", 4, "m"), None), group_norm, " num_groups 2"),
    Case("attention", FLOATS, [((1, "n", 2, 4), None, "normal"),
                               ((1, "m", 1, 4), None, "normal"),
                               ((1, "m", 1, 4), None, "normal")],
         ((1, "n", 2, 4), None),
         lambda q, k, v: attention(q, k, v, causal=True), " causal"),
    Case("rope", FLOATS, [((1, "n", 2, 4), None, "normal"),
                          (("n",), "i64", "position")],
         ((1, "n", 2, 4), None), lambda x, p: rope(x, p, 10000.0)),
    Case("conv2d_transpose", FLOATS, [((1, 2, "n", "m"), None, "normal"),
                                      ((2, 3, 3, 3), None, "normal")],
         ((1, 3, "2 * n", "2 * m"), None),
         lambda x, w: conv2d_transpose(x, w, (2, 2), (1, 1, 1, 1), (1, 1)),
         " strides [2, 2] padding [1, 1, 1, 1] output_padding [1, 1]"),
    Case("adaptive_avg_pool2d", FLOATS, [((1, 2, "n", "m"), None, "normal")],
         ((1, 2, 2, 3), None), lambda x: adaptive_avg_pool2d(x, (2, 3)),
         " output_size [2, 3]"),
    Case("resize2d", FLOATS, [((1, 2, "n", "m"), None, "normal")],
         ((1, 2, "2 * n", 3), None),
         lambda x: resize2d(x, (2 * x.shape[2], 3), "linear"),
         " [2 * n, 3] method linear"),
]


def signature(case, dtype):
    """The function for `case` at `dtype`: name, argument types, result."""
    def tensor(shape, element):
        dims = ", ".join(str(d) for d in shape)
        return "!relax.tensor<[%s], %s>" % (dims, element or dtype)
    args = [tensor(shape, element) for shape, element, _ in case.operands]
    shape, element = case.result
    return "%s_%s" % (case.name, dtype), args, tensor(shape, element)


def emit():
    print("// The operators at every dtype they support: generated by "
          "dtype_sweep.py emit; see ../dtype-sweep.test.")
    for case in CASES:
        for dtype in case.dtypes:
            name, args, result = signature(case, dtype)
            params = ", ".join("%%a%d: %s" % (i, t) for i, t in enumerate(args))
            operands = ", ".join("%%a%d" % i for i in range(len(args)))
            print("func.func @%s(%s) -> %s attributes {relax.function} {"
                  % (name, params, result))
            print("  %%0 = relax.%s %s%s%s : %s" % (
                case.op, case.prefix, operands, case.attrs, ", ".join(args)))
            print("  return %%0 : %s" % result)
            print("}")


def make_input(rng, shape, dtype, values):
    if dtype == "i1":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype in INTS:
        info = np.iinfo(NUMPY[dtype])
        if values == "shift":
            data = rng.integers(0, info.bits - 1, shape)
        elif values == "nonzero":
            data = rng.integers(1, 5, shape) * rng.choice([-1, 1], shape)
        elif values == "index":
            data = rng.integers(0, 10**6, shape)
        elif values == "position":
            data = rng.integers(0, 16, shape)
        elif values == "distinct":
            data = rng.permutation(np.arange(np.prod(shape))).reshape(shape)
        elif values in ("small", "int"):
            data = rng.integers(-3, 4, shape)
        else:
            bound = min(100, info.max)
            data = rng.integers(-bound, bound + 1, shape)
        return data.astype(NUMPY[dtype])
    if values == "positive":
        data = rng.uniform(0.5, 4.0, shape)
    elif values == "nonzero":
        data = rng.uniform(0.5, 2.0, shape) * rng.choice([-1.0, 1.0], shape)
    elif values == "halves":
        data = np.round(rng.uniform(-8.0, 8.0, shape) * 2) / 2
    elif values == "special":
        data = rng.choice([np.nan, np.inf, -np.inf, 0.0, -1.5, 2.0], shape)
    elif values == "small":
        data = rng.integers(-3, 4, shape).astype(np.float64)
    elif values == "distinct":
        data = rng.permutation(np.arange(np.prod(shape))).reshape(shape) * 0.25
    elif values == "wide":
        data = rng.uniform(-8.0, 8.0, shape)
    else:
        data = rng.standard_normal(shape)
    data = data.astype(NUMPY[dtype])
    return to_bf16(data) if dtype == "bf16" else data


def instantiate(case, dtype, sizes, rng):
    inputs = []
    for shape, element, values in case.operands:
        concrete = tuple(d if isinstance(d, int) else sizes[d] for d in shape)
        inputs.append(make_input(rng, concrete, element or dtype, values))
    # Indices in range: the reference does not model relax's clamping.
    if case.op in ("take", "gather_elements", "gather_nd"):
        inputs[1] = inputs[1] % sizes["m"]
    if case.op == "gather_nd":
        inputs[1][:, 0] %= sizes["n"]
    if case.op == "scatter_elements":
        inputs[1] = inputs[1] % 5
    result_dtype = case.result[1] or dtype
    if case.op == "broadcast_to":
        expected = np.broadcast_to(inputs[0], (4, sizes["m"]))
    elif dtype in FLOATS:
        wide = [x.astype(np.float64) if x.dtype.kind == "f" else x
                for x in inputs]
        with np.errstate(all="ignore"):
            expected = case.reference(*wide)
    elif dtype in INTS:
        wide = [x.astype(np.int64) if x.dtype.kind == "i" else x
                for x in inputs]
        with np.errstate(all="ignore"):
            expected = case.reference(*wide)
    else:
        expected = case.reference(*inputs)
    expected = np.asarray(expected)
    if result_dtype in INTS:
        # Wrap to the result's width as two's complement does.
        expected = expected.astype(np.int64).astype(NUMPY[result_dtype])
    elif result_dtype == "i1":
        expected = expected.astype(bool)
    return inputs, expected, TOLERANCE.get(result_dtype, (0, 0))


def run(mlc_run, library, outdir):
    agree, disagree = 0, 0
    for case in CASES:
        for dtype in case.dtypes:
            name, _, _ = signature(case, dtype)
            for index, sizes in enumerate(SIZES):
                rng = np.random.default_rng([index, zlib.crc32(name.encode())])
                inputs, expected, (rtol, atol) = instantiate(case, dtype,
                                                             sizes, rng)
                folder = os.path.join(outdir, "%s-%d" % (name, index))
                os.makedirs(folder, exist_ok=True)
                command = [mlc_run, library, "--function=" + name]
                for i, x in enumerate(inputs):
                    path = os.path.join(folder, "in%d.npy" % i)
                    np.save(path, x)
                    command.append("--input=" + path)
                path = os.path.join(folder, "expected.npy")
                np.save(path, np.ascontiguousarray(expected))
                command += ["--expected=" + path, "--rtol=%g" % rtol,
                            "--atol=%g" % atol]
                done = subprocess.run(command, capture_output=True, text=True)
                if done.returncode == 0:
                    agree += 1
                else:
                    disagree += 1
                    print("DISAGREE %s at %s: %s" % (
                        name, sizes, (done.stdout + done.stderr).strip()))
    print("%d cases agree with numpy, %d disagree" % (agree, disagree))
    return 1 if disagree else 0


def main():
    if sys.argv[1:] == ["emit"]:
        emit()
        return 0
    if len(sys.argv) == 5 and sys.argv[1] == "run":
        return run(*sys.argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
