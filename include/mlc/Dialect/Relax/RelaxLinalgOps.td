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

#endif // MLC_DIALECT_RELAX_RELAXLINALGOPS_TD
