//===- RelaxManipulationOps.td - relax shape manipulation -*- tablegen -*-===//
//
// Operators that move elements without computing: permute_dims, reshape
// and its special cases, and the copies by index arithmetic (broadcast_to,
// concat, flip, tril/triu, tile, repeat, strided_slice, take, one_hot).
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXMANIPULATIONOPS_TD
#define MLC_DIALECT_RELAX_RELAXMANIPULATIONOPS_TD

def Relax_PermuteDimsOp
    : Relax_ShapeRuleOp<"permute_dims", [Relax_PatternKind<"Injective">]> {
  let hasFolder = 1;
  let hasCanonicalizeMethod = 1;
  let summary = "Permute the dimensions of a tensor";
  let description = [{
    Result dimension `i` is input dimension `axes[i]` (negative axes count
    from the end). Without `axes` the dimensions are reversed, a transpose
    for 2-D tensors.

    ```mlir
    %t = relax.permute_dims %x : !relax.tensor<[n, 4], f32>
    // %t : !relax.tensor<[4, n], f32>
    %p = relax.permute_dims %y axes [0, 2, 1] : !relax.tensor<[b, n, k], f16>
    // %p : !relax.tensor<[b, k, n], f16>
    ```

    `axes` must be a permutation of the input's dimensions. An input of
    unknown rank gives a result of unknown rank, or, with `axes`, a result
    of `axes`'s length whose dimensions are unknown (TVM's rule).
  }];
  let arguments = (ins Relax_AnyTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_ReshapeOp
    : Relax_ShapeRuleOp<"reshape", [Relax_PatternKind<"Injective">]> {
  let hasFolder = 1;
  let hasCanonicalizeMethod = 1;
  let summary = "Give a tensor a new shape with the same elements";
  let description = [{
    Returns `input` with the dimensions `shape`, a list of symbolic
    expressions over variables in scope. One entry may be `-1`: it is
    inferred as the product of the input's dimensions `floordiv` the
    product of the other entries.

    ```mlir
    %r = relax.reshape %x [-1, 32] : !relax.tensor<[n, 4, 8], f32>
    // %r : !relax.tensor<[n, 32], f32>
    %s = relax.reshape %y [-1, 3] : !relax.tensor<[2 * n, 6], f32>
    // %s : !relax.tensor<[4 * n, 3], f32>
    %f = relax.reshape %z [n, 2, 2] : !relax.tensor<[n, 4], f32>
    ```

    Errors: more than one `-1`, another negative entry, element counts that
    provably differ (`[n, 4]` to `[n + 1, 4]`), and a `-1` that cannot
    divide evenly (`[6]` to `[-1, 4]`). A count the prover cannot decide is
    left to run time. When the input's element count is unknown (an
    unknown dim or rank), a `-1` entry becomes `?`.
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_ShapeAttr:$shape);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input custom<SymList>($shape) attr-dict `:` qualified(type($input))
  }];
}

def Relax_ExpandDimsOp
    : Relax_ShapeRuleOp<"expand_dims", [Relax_PatternKind<"Injective">]> {
  let hasFolder = 1;
  let summary = "Insert dimensions of size 1";
  let description = [{
    numpy's `expand_dims`: `axes` are positions in the result (negative
    count from its end), each gets a dimension of size 1.

    ```mlir
    %y = relax.expand_dims %x axes [0, -1] : !relax.tensor<[n, 4], f32>
    // %y : !relax.tensor<[1, n, 4, 1], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = "$input `axes` $axes attr-dict `:` qualified(type($input))";
}

def Relax_SqueezeOp
    : Relax_ShapeRuleOp<"squeeze", [Relax_PatternKind<"Injective">]> {
  let hasFolder = 1;
  let summary = "Remove dimensions of size 1";
  let description = [{
    numpy's `squeeze`: removes the dimensions at `axes`, which must be the
    constant 1, or without `axes` every dimension that is the constant 1.

    ```mlir
    %y = relax.squeeze %x axes [1] : !relax.tensor<[n, 1, 4], f32>
    // %y : !relax.tensor<[n, 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_FlattenOp
    : Relax_ShapeRuleOp<"flatten", [Relax_PatternKind<"Injective">]> {
  let hasFolder = 1;
  let summary = "All dimensions as one";
  let description = [{
    The elements in row-major order as a 1-D tensor (TVM's `R.flatten`).

    ```mlir
    %y = relax.flatten %x : !relax.tensor<[n, 4], f32>
    // %y : !relax.tensor<[4 * n], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
}

//===----------------------------------------------------------------------===//
// Copies by index arithmetic
//===----------------------------------------------------------------------===//

/// A one-input op whose result type comes from a shape rule; `verify()`
/// re-runs it with the function's facts.
class Relax_IndexingOp<string mnemonic, string kind = "Injective">
    : Relax_ShapeRuleOp<mnemonic, [Relax_PatternKind<kind>]>;

def Relax_BroadcastToOp : Relax_IndexingOp<"broadcast_to", "Broadcast"> {
  let hasFolder = 1;
  let summary = "Broadcast a tensor to a shape";
  let description = [{
    numpy's `broadcast_to`: the input's dimensions, aligned at the last one,
    must each equal the target's or be 1; the target may have more
    dimensions. A pair that provably differs, with the input's not 1, is an
    error.

    ```mlir
    %b = relax.broadcast_to %x [n, 4] : !relax.tensor<[1, 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_ShapeAttr:$shape);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input custom<SymList>($shape) attr-dict `:` qualified(type($input))
  }];
}

def Relax_ConcatOp : Relax_ShapeRuleOp<"concat", [Relax_PatternKind<"Injective">]> {
  let summary = "Join tensors along an axis";
  let description = [{
    numpy's `concatenate`: the inputs (one or more, of one rank and element
    type) are joined along `axis` (default 0); their other dimensions may
    not provably differ. The result's `axis` dimension is the sum of the
    inputs'.

    ```mlir
    %c = relax.concat %k_past, %k_new axis 1 : !relax.tensor<[1, p, 8, 64], f16>, !relax.tensor<[1, n, 8, 64], f16>
    // %c : !relax.tensor<[1, p + n, 8, 64], f16>
    ```
  }];
  let arguments = (ins Variadic<Relax_AnyTensor>:$inputs,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $inputs (`axis` $axis^)? attr-dict `:` qualified(type($inputs))
  }];
}

def Relax_FlipOp : Relax_IndexingOp<"flip"> {
  let hasFolder = 1;
  let summary = "Reverse a tensor along an axis";
  let description = [{
    numpy's `flip` along one `axis`; the shape is kept.

    ```mlir
    %f = relax.flip %x axis 1 : !relax.tensor<[n, m], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, I64Attr:$axis);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `axis` $axis attr-dict `:` qualified(type($input))
  }];
}

class Relax_TriangleOp<string mnemonic, string kept>
    : Relax_IndexingOp<mnemonic> {
  let summary = "Keep a triangle of the last two dimensions";
  let description = [{
    numpy's `}] # mnemonic # [{`: element `[.., i, j]` is kept where
    `j - i }] # kept # [{ k` and is 0 elsewhere (`k`, the diagonal, defaults
    to 0). The input has rank >= 2; the shape is kept.

    ```mlir
    %t = relax.}] # mnemonic # [{ %x k 1 : !relax.tensor<[n, n], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input,
                       DefaultValuedAttr<I64Attr, "0">:$k);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`k` $k^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_TrilOp : Relax_TriangleOp<"tril", "<=">;
def Relax_TriuOp : Relax_TriangleOp<"triu", ">=">;

def Relax_TileOp : Relax_IndexingOp<"tile"> {
  let summary = "Repeat a whole tensor along each dimension";
  let description = [{
    numpy's `tile`: dimension `i` is repeated `repeats[i]` times (positive).
    With fewer repeats than dimensions, 1s are prepended to the repeats;
    with more, 1s are prepended to the input's shape.

    ```mlir
    %t = relax.tile %x repeats [2, 3] : !relax.tensor<[n, 4], f32>
    // %t : !relax.tensor<[2 * n, 12], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, DenseI64ArrayAttr:$repeats);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `repeats` $repeats attr-dict `:` qualified(type($input))
  }];
}

def Relax_RepeatOp : Relax_IndexingOp<"repeat"> {
  let summary = "Repeat each element along an axis";
  let description = [{
    numpy's `repeat` with one count: each element is repeated `repeats`
    times (positive) along `axis`, whose dimension is multiplied by it.

    ```mlir
    %r = relax.repeat %k repeats 4 axis 2 : !relax.tensor<[1, t, 8, 64], f16>
    // %r : !relax.tensor<[1, t, 32, 64], f16>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, I64Attr:$repeats,
                       I64Attr:$axis);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `repeats` $repeats `axis` $axis attr-dict `:`
    qualified(type($input))
  }];
}

def Relax_StridedSliceOp : Relax_IndexingOp<"strided_slice"> {
  let summary = "A strided slice along some axes";
  let description = [{
    numpy's basic slicing `x[begin:end:stride]` along each of `axes`, with
    one `begin`, `end` and `stride` (a non-zero constant, default 1) per
    axis; the other dimensions are kept whole. Constant `begin` and `end`
    follow numpy: negative ones count from the end of the dimension and
    out-of-range ones are clamped. A symbolic bound (`p`, `p + n`) is an
    index from the start, clamped into the dimension (it never counts from
    the end). A negative stride walks backwards. For a symbolic dimension
    or bound the result's extent is a symbolic expression (with
    `min`/`max` where clamping may apply).

    ```mlir
    %s = relax.strided_slice %x axes [1] begin [1] end [-1] : !relax.tensor<[n, m], f32>
    // %s : !relax.tensor<[n, max(m - 2, 0)], f32>
    %r = relax.strided_slice %x axes [0] begin [-1] end [-9223372036854775807] strides [-1] : !relax.tensor<[8], f32>
    // %r : !relax.tensor<[8], f32>: reversed
    %k = relax.strided_slice %cache axes [1] begin [p] end [p + n] : !relax.tensor<[b, p + n, 64], f16>
    // %k : !relax.tensor<[b, n, 64], f16>: the newest n positions
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, DenseI64ArrayAttr:$axes,
                       Relax_ShapeAttr:$begin, Relax_ShapeAttr:$end,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `axes` $axes `begin` custom<SymList>($begin) `end`
    custom<SymList>($end) (`strides` $strides^)? attr-dict `:`
    qualified(type($input))
  }];
}

def Relax_TakeOp : Relax_ShapeRuleOp<"take", [Relax_PatternKind<"Injective">]> {
  let summary = "Gather slices along an axis by integer indices";
  let description = [{
    numpy's `take` (an embedding lookup along axis 0): the result is
    `input.shape[:axis] + indices.shape + input.shape[axis + 1:]`, and
    element `[.., idx.., ..]` is `input[.., indices[idx..], ..]`. Negative
    indices count from the end once; indices still out of range are
    clamped into it (TVM's `clip` mode), so a kernel never reads outside
    the input.

    ```mlir
    %e = relax.take %table, %ids axis 0 : !relax.tensor<[32000, 4096], f16>, !relax.tensor<[n], i32>
    // %e : !relax.tensor<[n, 4096], f16>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_AnyTensor:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `,` $indices (`axis` $axis^)? attr-dict `:` qualified(type($input))
    `,` qualified(type($indices))
  }];
}

def Relax_OneHotOp : Relax_ShapeRuleOp<"one_hot", [Relax_PatternKind<"Injective">]> {
  let summary = "One-hot encoding of integer indices";
  let description = [{
    A new last dimension of `depth` (positive): element `[idx.., c]` is
    `on_value` where `indices[idx..] == c` and `off_value` elsewhere (a
    negative or too large index gives a row of `off_value`), in `dtype`
    (a float or integer type).

    ```mlir
    %h = relax.one_hot %labels depth 10 on 1.0 off 0.0 : !relax.tensor<[n], i64> to f32
    // %h : !relax.tensor<[n, 10], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$indices, I64Attr:$depth,
                       F64Attr:$on_value, F64Attr:$off_value, TypeAttr:$dtype);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $indices `depth` $depth `on` $on_value `off` $off_value attr-dict `:`
    qualified(type($indices)) `to` $dtype
  }];
}

def Relax_SplitOp : Relax_TensorOp<"split", [InferTypeOpAdaptor,
    Relax_PatternKind<"Injective">]> {
  let summary = "Split a tensor along an axis";
  let description = [{
    numpy's `array_split`-like `split` along `axis` (default 0): into
    `sections` equal parts (the dimension must divide evenly when it is a
    constant), or at the positions `indices` (sorted; each part is
    `[previous, index)`, clamped into the dimension as slices are). One
    result per part.

    ```mlir
    %a, %b, %c = relax.split %qkv sections 3 axis 2 : !relax.tensor<[1, n, 3072], f16>
    // each: !relax.tensor<[1, n, 1024], f16>
    %h, %t = relax.split %x indices [2] : !relax.tensor<[n, 4], f32>
    // %h : !relax.tensor<[min(n, 2), 4], f32>, %t : !relax.tensor<[n - min(n, 2), 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, OptionalAttr<I64Attr>:$sections,
                       OptionalAttr<DenseI64ArrayAttr>:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Variadic<Relax_AnyTensor>:$outputs);
  let assemblyFormat = [{
    $input (`sections` $sections^)? (`indices` $indices^)? (`axis` $axis^)?
    attr-dict `:` qualified(type($input))
  }];
}

def Relax_GatherElementsOp : Relax_ShapeRuleOp<"gather_elements", [Relax_PatternKind<"Injective">]> {
  let summary = "Gather elements along an axis by an index tensor";
  let description = [{
    ONNX's `GatherElements` (numpy's `take_along_axis`): `indices` has the
    input's rank, and `out[i..]` is the input at `i..` with the `axis`
    coordinate replaced by `indices[i..]` (negative indices count from the
    end once, then clamp into the axis, as `relax.take`). The result has
    the indices' shape and the input's element type.

    ```mlir
    %g = relax.gather_elements %x, %idx axis 1 : !relax.tensor<[n, 8], f32>, !relax.tensor<[n, 2], i64>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_AnyTensor:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `,` $indices (`axis` $axis^)? attr-dict `:` qualified(type($input))
    `,` qualified(type($indices))
  }];
}

def Relax_ScatterElementsOp : Relax_ShapeRuleOp<"scatter_elements", [Relax_PatternKind<"Opaque">]> {
  let summary = "Scatter updates along an axis by an index tensor";
  let description = [{
    ONNX's `ScatterElements` without reduction: a copy of `input` where, for
    each position `i..` of `indices` (the input's rank; `updates` has its
    shape), the element at `i..` with the `axis` coordinate replaced by
    `indices[i..]` (wrapped once and clamped, as `relax.take`) becomes
    `updates[i..]`. Updates are applied in row-major order, so the last of
    duplicate indices wins.

    ```mlir
    %s = relax.scatter_elements %x, %idx, %u axis 0 : !relax.tensor<[8, 4], f32>, !relax.tensor<[n, 4], i32>, !relax.tensor<[n, 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_AnyTensor:$indices,
                       Relax_AnyTensor:$updates,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `,` $indices `,` $updates (`axis` $axis^)? attr-dict `:`
    qualified(type($input)) `,` qualified(type($indices)) `,`
    qualified(type($updates))
  }];
}

def Relax_GatherNDOp : Relax_ShapeRuleOp<"gather_nd", [Relax_PatternKind<"Injective">]> {
  let summary = "Gather slices by index tuples";
  let description = [{
    ONNX's `GatherND` (batch_dims 0): the last dimension of `indices`, `m`
    (a constant, at most the input's rank), holds index tuples into the
    input's first `m` dimensions; the result is `indices.shape[:-1] +
    input.shape[m:]`. Each index wraps once when negative and clamps.

    ```mlir
    %g = relax.gather_nd %x, %idx : !relax.tensor<[n, m, 4], f32>, !relax.tensor<[k, 2], i64>
    // %g : !relax.tensor<[k, 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_AnyTensor:$indices);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `,` $indices attr-dict `:` qualified(type($input)) `,`
    qualified(type($indices))
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXMANIPULATIONOPS_TD
