//===- RelaxLinalgOps.td - relax linear algebra operators -*- tablegen -*-===//
//
// matmul.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXLINALGOPS_TD
#define MLC_DIALECT_RELAX_RELAXLINALGOPS_TD

def Relax_MatmulOp
    : Relax_BinaryTensorOp<"matmul", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "Matrix product with numpy semantics";
  let description = [{
    The matrix product of the last two dimensions of `lhs` and `rhs`, as in
    `numpy.matmul`: a 1-D `lhs` is a row vector (a 1 is prepended to its
    shape, then removed from the result), a 1-D `rhs` a column vector (a 1
    is appended, then removed), and the leading "batch" dimensions broadcast
    against each other.

    ```mlir
    %c = relax.matmul %a, %b : !relax.tensor<[b, n, k], f32>, !relax.tensor<[k, m], f32>
    // %c : !relax.tensor<[b, n, m], f32>
    %v = relax.matmul %a, %x : !relax.tensor<[n, k], f32>, !relax.tensor<[k], f32>
    // %v : !relax.tensor<[n], f32>
    ```

    Both operands need at least one dimension and the same element type. A
    contraction length that provably differs (`k` against `k + 1`) is an
    error; one the prover cannot decide is assumed equal. Batch dimensions
    broadcast as in `relax.add`. An operand of unknown rank gives a result
    of unknown rank.
  }];
}

def Relax_LinearOp : Relax_ShapeRuleOp<"linear", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "A linear layer: x times the transposed weight, plus a bias";
  let description = [{
    PyTorch's `linear`: `x · wᵀ + b` with `x` `[.., k]`, `weight` `[n, k]`
    and an optional `bias` `[n]`, giving `[.., n]`. One element type; the
    sums are in it, as matmul's. The `k`s (and `n`s) may not provably
    differ.

    ```mlir
    %y = relax.linear %x, %w, %b : !relax.tensor<[t, 768], f32>, !relax.tensor<[3072, 768], f32>, !relax.tensor<[3072], f32>
    // %y : !relax.tensor<[t, 3072], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_AnyTensor:$weight,
                       Optional<Relax_AnyTensor>:$bias);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` qualified(type($input)) `,`
    qualified(type($weight)) (`,` qualified(type($bias))^)?
  }];
}

def Relax_EinsumOp : Relax_ShapeRuleOp<"einsum", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "Einstein summation over one or two operands";
  let description = [{
    numpy's `einsum` without ellipses: `subscripts` names each operand's
    dims with letters (`"bij,bjk->bik"`); the letters after `->` are the
    result's dims (without `->`, the letters that appear once, in
    alphabetical order); the other letters are summed over. A letter's dims
    may not provably differ; a letter repeated in one operand reads its
    diagonal. One element type; the sums are in it.

    ```mlir
    %c = relax.einsum "bij,bjk->bik" %a, %b : !relax.tensor<[n, 4, k], f32>, !relax.tensor<[n, k, 8], f32>
    // %c : !relax.tensor<[n, 4, 8], f32>
    %t = relax.einsum "ii" %m : !relax.tensor<[5, 5], f32>
    // %t : !relax.tensor<[], f32> (the trace)
    ```
  }];
  let arguments = (ins StrAttr:$subscripts,
                       Variadic<Relax_AnyTensor>:$inputs);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $subscripts $inputs attr-dict `:` qualified(type($inputs))
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXLINALGOPS_TD
