//===- RelaxNNOps.td - relax neural-network operators ------*- tablegen -*-===//
//
// Normalizations, softmax, log_softmax, attention and rotary embeddings.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXNNOPS_TD
#define MLC_DIALECT_RELAX_RELAXNNOPS_TD

def Relax_RMSNormOp
    : Relax_ShapeRuleOp<"rms_norm", [Relax_PatternKind<"CommReduce">]> {
  let summary = "Root-mean-square normalization over the last axis";
  let description = [{
    `x / sqrt(mean(x * x, -1) + epsilon) * weight` (Llama's RMSNorm, TVM's
    `R.nn.rms_norm` over the last axis). `weight` has one element per
    element of the last axis; a provable mismatch is an error. The input is
    floating-point; the result has its type. `epsilon` defaults to 1e-5.

    ```mlir
    %y = relax.rms_norm %x, %w epsilon 1.0e-06 : !relax.tensor<[n, 4096], f16>, !relax.tensor<[4096], f16>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input, Relax_FloatTensor:$weight,
                       DefaultValuedAttr<F64Attr, "1e-5">:$epsilon);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`epsilon` $epsilon^)? attr-dict `:`
    qualified(type($input)) `,` qualified(type($weight))
  }];
}

def Relax_LayerNormOp
    : Relax_ShapeRuleOp<"layer_norm", [Relax_PatternKind<"CommReduce">]> {
  let summary = "Layer normalization over the last axis";
  let description = [{
    `(x - mean(x, -1)) / sqrt(var(x, -1) + epsilon) * weight + bias`, the
    variance being the biased one (divided by the length), as in PyTorch's
    `LayerNorm` and TVM's `R.nn.layer_norm` over the last axis. `weight`
    and `bias` have one element per element of the last axis; a provable
    mismatch is an error. The input is floating-point; the result has its
    type. `epsilon` defaults to 1e-5.

    ```mlir
    %y = relax.layer_norm %x, %w, %b epsilon 1.0e-06 : !relax.tensor<[n, 768], f32>, !relax.tensor<[768], f32>, !relax.tensor<[768], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input, Relax_FloatTensor:$weight,
                       Relax_FloatTensor:$bias,
                       DefaultValuedAttr<F64Attr, "1e-5">:$epsilon);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight `,` $bias (`epsilon` $epsilon^)? attr-dict `:`
    qualified(type($input)) `,` qualified(type($weight)) `,`
    qualified(type($bias))
  }];
}

def Relax_GroupNormOp
    : Relax_ShapeRuleOp<"group_norm", [Relax_PatternKind<"CommReduce">]> {
  let summary = "Group normalization over channel groups";
  let description = [{
    PyTorch's `group_norm`: the channels (axis 1) of `[n, c, ...]` are split
    into `num_groups` groups (dividing `c`); each group of each sample is
    normalized over its channels and all trailing dims (biased variance),
    then scaled and shifted per channel by `weight` and `bias` (`[c]`).
    `epsilon` defaults to 1e-5; f16 and bf16 compute in f32.

    ```mlir
    %y = relax.group_norm %x, %w, %b num_groups 32 : !relax.tensor<[n, 256, h, w], f32>, !relax.tensor<[256], f32>, !relax.tensor<[256], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input, Relax_FloatTensor:$weight,
                       Relax_FloatTensor:$bias, I64Attr:$num_groups,
                       DefaultValuedAttr<F64Attr, "1e-5">:$epsilon);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight `,` $bias `num_groups` $num_groups
    (`epsilon` $epsilon^)? attr-dict `:` qualified(type($input)) `,`
    qualified(type($weight)) `,` qualified(type($bias))
  }];
}

def Relax_SoftmaxOp
    : Relax_ShapeRuleOp<"softmax", [Relax_PatternKind<"CommReduce">]> {
  let summary = "Softmax along one axis";
  let description = [{
    `exp(x) / sum(exp(x), axis)` along `axis` (default `-1`, the last
    dimension; TVM's `R.nn.softmax`). The input must have a floating-point
    element type; the result has the input's type.

    ```mlir
    %p = relax.softmax %x : !relax.tensor<[b, n, n], f32>
    %q = relax.softmax %x axis 1 : !relax.tensor<[b, n, n], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`axis` $axis^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_LogSoftmaxOp
    : Relax_ShapeRuleOp<"log_softmax", [Relax_PatternKind<"CommReduce">]> {
  let summary = "Logarithm of the softmax along one axis";
  let description = [{
    `x - max - log(sum(exp(x - max), axis))` along `axis` (default `-1`;
    TVM's `R.nn.log_softmax`), which stays finite where `log(softmax(x))`
    would underflow to `-inf`. The input must have a floating-point element
    type; the result has the input's type.

    ```mlir
    %l = relax.log_softmax %x : !relax.tensor<[n, 32000], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`axis` $axis^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_AttentionOp
    : Relax_ShapeRuleOp<"attention", [Relax_PatternKind<"Opaque">]> {
  let summary = "Scaled dot-product attention in the BSNH layout";
  let description = [{
    `softmax(q · kᵀ * scale [+ causal mask]) · v` per batch and head (TVM's
    `R.nn.attention`, PyTorch's `scaled_dot_product_attention`), with the
    operands in the BSNH layout:

    - `query`: `[b, s, h, d]` (batch, query sequence, heads, head dim);
    - `key`: `[b, t, hk, d]` and `value`: `[b, t, hk, dv]` (the key/value
      sequence `t` may differ from `s`, e.g. a KV cache);
    - result: `[b, s, h, dv]`.

    Grouped-query attention: `h` must be a multiple of `hk`; query head
    `i` reads key/value head `i / (h / hk)`. `scale` defaults to
    `1 / sqrt(d)`. With `causal`, query `i` sees keys `j <= i + t - s`
    (the mask aligned at the bottom right, as a decoder with a KV cache
    needs); a query that sees no key (only when `t < s`) gives NaN, as in
    PyTorch. Floating-point operands of one element type; f16 and bf16
    accumulate in f32.

    ```mlir
    %o = relax.attention %q, %k, %v causal : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>
    // %o : !relax.tensor<[1, n, 32, 128], f16>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$query, Relax_FloatTensor:$key,
                       Relax_FloatTensor:$value, OptionalAttr<F64Attr>:$scale,
                       UnitAttr:$causal);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $query `,` $key `,` $value (`scale` $scale^)? (`causal` $causal^)?
    attr-dict `:` qualified(type($query)) `,` qualified(type($key)) `,`
    qualified(type($value))
  }];
}

def Relax_RopeOp
    : Relax_ShapeRuleOp<"rope", [Relax_PatternKind<"Injective">]> {
  let summary = "Rotary position embedding (Llama's convention)";
  let description = [{
    Rotates each head's vector by its position, as Hugging Face's Llama
    does (the two halves of the head dimension pair up): for
    `k < d / 2`, with `f = theta ^ (-2k / d)` and `a = positions[i] * f`,

    ```
    y[.., i, .., k]         = x[.., i, .., k] * cos(a) - x[.., i, .., k + d/2] * sin(a)
    y[.., i, .., k + d/2]   = x[.., i, .., k + d/2] * cos(a) + x[.., i, .., k] * sin(a)
    ```

    `input` is `[b, s, h, d]` (BSNH, `d` even) and `positions` is `[s]`,
    integers (so a decoder passes the offsets of its new tokens). `theta`
    defaults to 10000. The result has the input's type.

    ```mlir
    %r = relax.rope %q, %pos theta 5.0e+05 : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[n], i64>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input, Relax_AnyTensor:$positions,
                       DefaultValuedAttr<F64Attr, "10000.0">:$theta);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $positions (`theta` $theta^)? attr-dict `:`
    qualified(type($input)) `,` qualified(type($positions))
  }];
}

def Relax_DropoutOp : Relax_UnaryElementwiseOp<"dropout"> {
  let summary = "Dropout at inference: the identity";
  let description = [{
    TVM's `R.nn.dropout` as a model is run for inference: the input,
    unchanged (`rate`, in [0, 1), is kept for the importer's sake). It folds
    away.

    ```mlir
    %y = relax.dropout %x rate 1.000000e-01 : !relax.tensor<[n, 768], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input,
                   DefaultValuedAttr<F64Attr, "0.5">:$rate);
  let assemblyFormat = [{
    $input (`rate` $rate^)? attr-dict `:` qualified(type($input))
  }];
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      double rate = getRate().convertToDouble();
      if (!(rate >= 0 && rate < 1))
        return emitOpError("expects a rate in [0, 1), but got ") << rate;
      return verifyInRelaxFunction(*this);
    }
  }];
}

def Relax_PadOp : Relax_ShapeRuleOp<"pad", [Relax_PatternKind<"Injective">]> {
  let summary = "Pad a tensor";
  let description = [{
    numpy's `pad`: `pad_width` lists `before, after` (non-negative) for each
    dimension in order; `mode` is `constant` (default; `value`, default 0,
    converted to the element type), `edge` or `reflect` (whose widths must
    be smaller than the dimension: the mirror excludes the edge element).

    ```mlir
    %p = relax.pad %x pad_width [0, 0, 1, 2] mode reflect : !relax.tensor<[n, 8], f32>
    // %p : !relax.tensor<[n, 11], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, DenseI64ArrayAttr:$pad_width,
                       DefaultValuedAttr<Relax_PadMode,
                                         "::mlc::relax::PadMode::constant">:$mode,
                       DefaultValuedAttr<F64Attr, "0.0">:$value);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `pad_width` $pad_width (`mode` $mode^)? (`value` $value^)?
    attr-dict `:` qualified(type($input))
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXNNOPS_TD
