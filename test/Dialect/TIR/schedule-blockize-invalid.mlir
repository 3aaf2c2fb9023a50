// RUN: mlc-opt %s --transform-interpreter --split-input-file -verify-diagnostics

/// Every rejection of blockize: the diagnostic points at the payload op that
/// breaks the rule, and the payload IR stays unchanged.

// blockize: the loop holds two blocks.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot blockize this loop: it must hold exactly one block, but it holds 2}}
      tir.for %j = %c0 to %c8 {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
        tir.block "other" {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: a predicate.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %true = arith.constant true
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c8 {
        // expected-error @below {{cannot blockize block "B": it has a predicate}}
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) where(%true) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: a loop under the blockized loop with a symbolic extent.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot blockize block "B": this loop inside the blockized loop must have constant bounds}}
      tir.for %j = %c0 to %n {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: a binding that scales the inner loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c4 {
        %j2 = arith.muli %j, %c2 : index
        // expected-error @below {{cannot blockize block "B": the binding of iteration variable #1 is not of the form `outer`, `inner` or `outer * c + inner` (inner a loop from 0 under the blockized loop)}}
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j2)
            reads(%A[%vi, %vj] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: a binding uses a value computed inside the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c8 {
        // expected-note @below {{value defined here}}
        %x = arith.addi %n, %c0 : index
        %ix = arith.addi %i, %x : index
        // expected-error @below {{cannot blockize block "B": a binding uses a value computed inside the blockized loop}}
        tir.block "B" (%vi: spatial[8] = %ix, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: a region that is not linear in the inner loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c8 {
        // expected-error @below {{cannot blockize block "B": a region is not linear in the loops under the blockized loop}}
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj floordiv 2] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: the extent of an outer variable is computed inside the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c8 {
        // expected-note @below {{value defined here}}
        %e = arith.addi %n, %c0 : index
        // expected-error @below {{cannot blockize block "B": the extent of iteration variable #0 is computed inside the blockized loop}}
        tir.block "B" (%vi: spatial[%e] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: a handle to a block.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c8 {
        // expected-note @below {{payload op}}
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<8x8xf32>)
            writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    // expected-error @below {{expects a handle to exactly one tir.for, but it holds 1 payload ops}}
    %o = transform.tir.blockize %b : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// blockize: a region symbol computed inside the blockized loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    tir.for %i = %c0 to %c4 {
      // expected-note @below {{value defined here}}
      %past = arith.addi %n, %c1 : index
      // expected-error @below {{cannot blockize block "B": a region symbol is computed inside the blockized loop}}
      tir.block "B" (%vi: spatial[4] = %i) writes(%A[%past + %vi] : memref<?xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o = transform.tir.blockize %i : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
