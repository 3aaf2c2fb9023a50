// RUN: mlc-opt %s --transform-interpreter --split-input-file -verify-diagnostics

/// Every rejection of the transform.tir primitives: the diagnostic points at
/// the payload op that breaks the rule (or at the transform op for static
/// errors), and the payload IR stays unchanged.

// expected-error @below {{contains no tir.block named "missing"}}
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<4xf32>) {
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "missing" in %root : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// expected-error @below {{contains 2 tir.blocks named "B"}}
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<4xf32>) {
    // expected-note @below {{block named "B"}}
    tir.block "B" {
    }
    // expected-note @below {{block named "B"}}
    tir.block "B" {
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    tir.for %i = %c0 to %c4 {
      // expected-note @below {{block "B"}}
      tir.block "B" (%vi: spatial[4] = %i) writes(%B[%vi] : memref<4xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{expects 2 results, one per loop, but the block has 1 enclosing loop(s)}}
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %B: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot make this loop parallel: iteration variable #1 of block "sum" is 'reduce' and its binding depends on the loop variable}}
      tir.for %k = %c0 to %c8 {
        // expected-note @below {{block "sum"}}
        tir.block "sum" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>) writes(%B[%vi] : memref<4xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "sum" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.parallel %k : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %B: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot make this loop vectorized: iteration variable #1 of block "sum" is 'reduce' and its binding depends on the loop variable}}
      tir.for %k = %c0 to %c4 {
        %k2 = arith.muli %k, %c2 : index
        // expected-note @below {{block "sum"}}
        tir.block "sum" (%vi: spatial[4] = %i, %vk: reduce[8] = %k2)
            reads(%A[%vi, %vk] : memref<4x8xf32>) writes(%B[%vi] : memref<4xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "sum" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.vectorize %k : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<32xf32>) {
    %c0 = arith.constant 0 : index
    %c32 = arith.constant 32 : index
    // expected-error @below {{cannot make this loop unrolled: it is bound to thread axis 'threadIdx.x'}}
    tir.for thread_binding("threadIdx.x") %i = %c0 to %c32 {
      tir.block "B" (%vi: spatial[32] = %i) writes(%B[%vi] : memref<32xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.unroll %i : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<32xf32>) {
    %c0 = arith.constant 0 : index
    %c32 = arith.constant 32 : index
    // expected-error @below {{cannot bind a loop that is already bound to thread axis 'threadIdx.x'}}
    tir.for thread_binding("threadIdx.x") %i = %c0 to %c32 {
      tir.block "B" (%vi: spatial[32] = %i) writes(%B[%vi] : memref<32xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.bind %i "threadIdx.y" : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<32x32xf32>) {
    %c0 = arith.constant 0 : index
    %c32 = arith.constant 32 : index
    // expected-note @below {{enclosing loop}}
    tir.for thread_binding("threadIdx.x") %i = %c0 to %c32 {
      // expected-error @below {{cannot bind thread axis 'threadIdx.x': an enclosing loop already binds it}}
      tir.for %j = %c0 to %c32 {
        tir.block "B" (%vi: spatial[32] = %i, %vj: spatial[32] = %j)
            writes(%B[%vi, %vj] : memref<32x32xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.bind %j "threadIdx.x" : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<32x32xf32>) {
    %c0 = arith.constant 0 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    // expected-note @below {{other loop}}
    tir.for thread_binding("threadIdx.x") %i = %c0 to %c32 {
      tir.block "A" (%vi: spatial[32] = %i) writes(%B[%vi, %vi] : memref<32x32xf32>) {
      }
    }
    // expected-error @below {{cannot bind thread axis 'threadIdx.x' with extent 64: another loop in the prim_func binds it with extent 32}}
    tir.for %j = %c0 to %c64 {
      tir.block "B" (%vj: spatial[64] = %j) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.bind %j "threadIdx.x" : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %B: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot bind this loop to 'blockIdx.x': iteration variable #1 of block "sum" is 'reduce' and its binding depends on the loop variable}}
      tir.for %k = %c0 to %c8 {
        // expected-note @below {{block "sum"}}
        tir.block "sum" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>) writes(%B[%vi] : memref<4xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "sum" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.bind %k "blockIdx.x" : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{'transform.tir.bind' op unknown thread tag 'warp.x'}}
    transform.tir.bind %root "warp.x" : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<32xf32>) {
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    // expected-error @below {{can only split a loop that starts at 0 with step 1}}
    tir.for %i = %c1 to %c32 {
      tir.block "B" (%vi: spatial[32] = %i) writes(%B[%vi] : memref<32xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o, %in = transform.tir.split %i factors [?, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{the loop extent is not a constant, so one factor must be inferred ('?')}}
    tir.for %i = %c0 to %n {
      tir.block "B" (%vi: spatial[%n] = %i) writes(%B[%vi] : memref<?xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o, %in = transform.tir.split %i factors [8, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<64xf32>) {
    %c0 = arith.constant 0 : index
    %c64 = arith.constant 64 : index
    // expected-error @below {{the product of the factors (32) is smaller than the loop extent (64)}}
    tir.for %i = %c0 to %c64 {
      tir.block "B" (%vi: spatial[64] = %i) writes(%B[%vi] : memref<64xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o, %in = transform.tir.split %i factors [8, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{'transform.tir.split' op expects at most one inferred factor '?'}}
    %o, %in = transform.tir.split %root factors [?, ?] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{'transform.tir.split' op expects positive factors, but got 0}}
    %o, %in = transform.tir.split %root factors [0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{'transform.tir.split' op expects one result per factor (2), but has 1}}
    %o = transform.tir.split %root factors [?, 4] : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    // expected-note @below {{loop to reorder}}
    tir.for %i = %c0 to %c8 {
      tir.block "A" (%vi: spatial[8] = %i) writes(%B[%vi, %vi] : memref<8x8xf32>) {
      }
    }
    // expected-error @below {{cannot reorder loops that are not nested in one another}}
    tir.for %j = %c0 to %c8 {
      tir.block "B" (%vj: spatial[8] = %j) writes(%B[%vj, %vj] : memref<8x8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.tir.get_block "A" in %root : (!transform.any_op) -> !transform.any_op
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %a : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reorder %j, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{cannot reorder loops that are not perfectly nested}}
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{this op is between the loops}}
      tir.block "A" (%vi: spatial[8] = %i) writes(%B[%vi, %vi] : memref<8x8xf32>) {
      }
      tir.for %j = %c0 to %c8 {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j) writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %j, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      %e = arith.addi %i, %c0 : index
      // expected-error @below {{cannot reorder: the bounds of this loop depend on the loop nest being reordered}}
      tir.for %j = %c0 to %e {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j) writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %j, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{cannot reorder: this loop is given more than once}}
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reorder %i, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}
