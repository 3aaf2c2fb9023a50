//===- RelaxQuantizeOps.td - relax weight quantization -----*- tablegen -*-===//
//
// 4-bit group quantization of weights in MLC-LLM's `q4f16_1` layout.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXQUANTIZEOPS_TD
#define MLC_DIALECT_RELAX_RELAXQUANTIZEOPS_TD

def Relax_Q4QuantizeOp
    : Relax_TensorOp<"q4_quantize", [InferTypeOpAdaptor,
                                     Relax_PatternKind<"CommReduce">]> {
  let summary = "Symmetric 4-bit group quantization (MLC-LLM's q4f16_1)";
  let description = [{
    Quantizes `weight` (`[.., k]`, floats) along its last axis in groups of
    `group_size` (default 32, a multiple of 8 that divides `k`), as MLC-LLM's
    `q4f16_1` (`q4f32_1`, `q4bf16_1` for other float types) does:

    - `scale = max(|w|) / 7` per group, in the weight's element type;
    - `q = clamp(roundeven(w / scale) + 7, 0, 14)` computed in f32 (7 where
      the scale is 0), an integer in [0, 15);
    - eight `q`s per 32-bit word, element `e` of the word in bits
      `[4e, 4e + 4)`.

    Results: the packed words `[.., k / 8]` as `i32` (the bits of MLC-LLM's
    `uint32` storage) and the scales `[.., k / group_size]`.

    ```mlir
    %q, %s = relax.q4_quantize %w : !relax.tensor<[4096, 4096], f16>
    // %q : !relax.tensor<[4096, 512], i32>, %s : !relax.tensor<[4096, 128], f16>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$weight,
                       DefaultValuedAttr<I64Attr, "32">:$group_size);
  let results = (outs Relax_AnyTensor:$packed, Relax_FloatTensor:$scale);
  let assemblyFormat = [{
    $weight (`group_size` $group_size^)? attr-dict `:` qualified(type($weight))
  }];
}

def Relax_Q4DequantizeOp
    : Relax_ShapeRuleOp<"q4_dequantize", [Relax_PatternKind<"Broadcast">]> {
  let summary = "Dequantization of q4_quantize's layout";
  let description = [{
    `(q - 7) * scale` for each 4-bit `q` of `packed` (`[.., p]`, `i32`
    words of eight elements each), with the scale of its group of
    `group_size` (default 32) along the last axis: `scale` is
    `[.., k / group_size]` where `k = 8 * p`. The result is `[.., 8 * p]`
    in the scale's element type.

    ```mlir
    %w = relax.q4_dequantize %q, %s : !relax.tensor<[4096, 512], i32>, !relax.tensor<[4096, 128], f16>
    // %w : !relax.tensor<[4096, 4096], f16>
    ```

    relax-legalize fuses a dequantization whose only use is
    `relax.matmul %x, (relax.permute_dims %w)` (a linear layer with an
    `[n, k]` weight) into one kernel that dequantizes inside the matmul.
  }];
  let arguments = (ins Relax_AnyTensor:$packed, Relax_FloatTensor:$scale,
                       DefaultValuedAttr<I64Attr, "32">:$group_size);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $packed `,` $scale (`group_size` $group_size^)? attr-dict `:`
    qualified(type($packed)) `,` qualified(type($scale))
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXQUANTIZEOPS_TD
