//===- RelaxNNOps.td - relax neural-network operators ------*- tablegen -*-===//
//
// Normalizations, softmax and log_softmax.
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

def Relax_LayerNormOp
    : Relax_TensorOp<"layer_norm", [InferTypeOpAdaptor,
                                    Relax_PatternKind<"CommReduce">]> {
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

def Relax_LogSoftmaxOp
    : Relax_TensorOp<"log_softmax", [InferTypeOpAdaptor,
                                     Relax_PatternKind<"CommReduce">]> {
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

#endif // MLC_DIALECT_RELAX_RELAXNNOPS_TD
