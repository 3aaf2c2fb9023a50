//===- RelaxNNOps.td - relax neural-network operators ------*- tablegen -*-===//
//
// Normalizations and softmax.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXNNOPS_TD
#define MLC_DIALECT_RELAX_RELAXNNOPS_TD

def Relax_RMSNormOp
    : Relax_TensorOp<"rms_norm", [InferTypeOpAdaptor,
                                  Relax_PatternKind<"CommReduce">]> {
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

def Relax_SoftmaxOp
    : Relax_TensorOp<"softmax", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"CommReduce">]> {
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

#endif // MLC_DIALECT_RELAX_RELAXNNOPS_TD
