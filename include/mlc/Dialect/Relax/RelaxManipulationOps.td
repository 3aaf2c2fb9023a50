//===- RelaxManipulationOps.td - relax shape manipulation -*- tablegen -*-===//
//
// Operators that move elements without computing: permute_dims, reshape
// and its special cases.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXMANIPULATIONOPS_TD
#define MLC_DIALECT_RELAX_RELAXMANIPULATIONOPS_TD

def Relax_PermuteDimsOp
    : Relax_TensorOp<"permute_dims", [InferTypeOpAdaptor,
                                      Relax_PatternKind<"Injective">]> {
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
    : Relax_TensorOp<"reshape", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"Injective">]> {
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
    : Relax_TensorOp<"expand_dims", [InferTypeOpAdaptor,
                                     Relax_PatternKind<"Injective">]> {
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
    : Relax_TensorOp<"squeeze", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"Injective">]> {
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
    : Relax_TensorOp<"flatten", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"Injective">]> {
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

#endif // MLC_DIALECT_RELAX_RELAXMANIPULATIONOPS_TD
