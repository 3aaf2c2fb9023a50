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

// -----

// fuse: the same loop twice.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{cannot fuse a loop with itself}}
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %f = transform.tir.fuse %i, %i : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: the loops are not adjacent (a loop between them).
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<4x4x4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    // expected-error @below {{cannot fuse loops that are not directly nested: the second loop must be directly inside the first}}
    tir.for %i = %c0 to %c4 {
      tir.for %j = %c0 to %c4 {
        // expected-note @below {{second loop}}
        tir.for %k = %c0 to %c4 {
          tir.block "B" (%vi: spatial[4] = %i, %vj: spatial[4] = %j, %vk: spatial[4] = %k)
              writes(%B[%vi, %vj, %vk] : memref<4x4x4xf32>) {
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %f = transform.tir.fuse %i, %k : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: the loops in the wrong order (the first is inside the second).
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<4x4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    // expected-note @below {{second loop}}
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot fuse loops that are not directly nested: the second loop must be directly inside the first}}
      tir.for %j = %c0 to %c4 {
        tir.block "B" (%vi: spatial[4] = %i, %vj: spatial[4] = %j)
            writes(%B[%vi, %vj] : memref<4x4xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f = transform.tir.fuse %j, %i : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: a block between the loops.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{cannot fuse loops that are not perfectly nested}}
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
    %f = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: a thread-bound loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot fuse this loop: it is bound to thread axis 'threadIdx.x'}}
      tir.for thread_binding("threadIdx.x") %j = %c0 to %c8 {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[8] = %j) writes(%B[%vi, %vj] : memref<8x8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: a loop that does not start at 0.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{can only fuse loops that start at 0 with step 1}}
    tir.for %i = %c1 to %c8 {
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
    %f = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: the inner extent depends on the outer loop (a triangular nest).
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      %e = arith.addi %i, %c0 : index
      // expected-error @below {{cannot fuse: the bounds of this loop are computed inside the outer loop}}
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
    %f = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: a handle to a block instead of a loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{payload op}}
      tir.block "B" (%vi: spatial[8] = %i) writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{expects a handle to exactly one tir.for, but it holds 1 payload ops}}
    %f = transform.tir.fuse %i, %b : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// decompose_reduction: a block without init.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %S: memref<f32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      // expected-error @below {{cannot decompose the reduction of block "S": it has no init region}}
      tir.block "S" (%vk: reduce[8] = %k) reads(%A[%vk] : memref<8xf32>)
          writes(%S[] : memref<f32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %k = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %init = transform.tir.decompose_reduction %b, %k : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// decompose_reduction: the loop does not enclose the block.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %S: memref<f32>, %B: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %k = %c0 to %c8 {
      // expected-note @below {{block "S"}}
      tir.block "S" (%vk: reduce[8] = %k) reads(%A[%vk] : memref<8xf32>)
          writes(%S[] : memref<f32>) init {
        memref.store %zero, %S[] : memref<f32>
      } {
      }
    }
    // expected-error @below {{cannot decompose the reduction of block "S" at this loop: it does not enclose the block (inside the block's scope)}}
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %init = transform.tir.decompose_reduction %s, %i : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// decompose_reduction: the reduce loop k is outside the given loop j.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %S: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    // expected-note @below {{loop outside}}
    tir.for %k = %c0 to %c8 {
      // expected-error @below {{cannot decompose the reduction of block "S" at this loop: reduce iteration variable #1 depends on a loop outside it}}
      tir.for %j = %c0 to %c8 {
        tir.block "S" (%vj: spatial[8] = %j, %vk: reduce[8] = %k)
            reads(%A[%vj, %vk] : memref<8x8xf32>) writes(%S[%vj] : memref<8xf32>) init {
          memref.store %zero, %S[%vj] : memref<8xf32>
        } {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %k, %j = transform.tir.get_loops %s : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %init = transform.tir.decompose_reduction %s, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// decompose_reduction: the init region uses the reduce variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %S: memref<f32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      // expected-error @below {{cannot decompose the reduction of block "S": its init region or write regions use the 'reduce' iteration variable #0}}
      tir.block "S" (%vk: reduce[8] = %k) reads(%A[%vk] : memref<8xf32>)
          writes(%S[] : memref<f32>) init {
        %a = memref.load %A[%vk] : memref<8xf32>
        memref.store %a, %S[] : memref<f32>
      } {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %k = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %init = transform.tir.decompose_reduction %b, %k : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// decompose_reduction: the extent of a copied loop is loaded inside the
// given loop, so it cannot be recomputed in front of it.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %S: memref<8xf32>, %N: memref<index>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %k = %c0 to %c8 {
      // expected-note @below {{value defined here}}
      %n = memref.load %N[] : memref<index>
      // expected-error @below {{cannot decompose the reduction of block "S": this op uses a value that cannot be recomputed in front of the loop}}
      tir.for %j = %c0 to %n {
        tir.block "S" (%vj: spatial[8] = %j, %vk: reduce[8] = %k)
            reads(%A[%vj, %vk] : memref<8x8xf32>) writes(%S[%vj] : memref<8xf32>) init {
          memref.store %zero, %S[%vj] : memref<8xf32>
        } {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %k, %j = transform.tir.get_loops %s : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %init = transform.tir.decompose_reduction %s, %k : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// decompose_reduction: a handle to a loop instead of a block.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %S: memref<f32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    // expected-note @below {{payload op}}
    tir.for %k = %c0 to %c8 {
      tir.block "S" (%vk: reduce[8] = %k) reads(%A[%vk] : memref<8xf32>)
          writes(%S[] : memref<f32>) init {
        memref.store %zero, %S[] : memref<f32>
      } {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %k = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{expects a handle to exactly one tir.block, but it holds 1 payload ops}}
    %init = transform.tir.decompose_reduction %k, %k : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// fuse: a fused extent that overflows int64 is refused (it used to wrap to a
// negative bound, a loop that silently never runs).
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<?x?xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %huge = arith.constant 9223372036854775807 : index
    // expected-error @below {{cannot fuse: the fused extent 8 * 9223372036854775807 overflows int64}}
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %huge {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[9223372036854775807] = %j)
            writes(%B[%vi, %vj] : memref<?x?xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// split: factors whose product overflows int64.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%B: memref<?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{the product of the factors overflows int64}}
    tir.for %i = %c0 to %n {
      tir.block "B" (%vi: spatial[%n] = %i) writes(%B[%vi] : memref<?xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o, %m, %in = transform.tir.split %i factors [4611686018427387904, 4, ?] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// reorder_block_iter_var: not a permutation.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x4xf32>, %i: index, %j: index) {
    // expected-error @below {{cannot reorder the iteration variables of block "S": the order must be a permutation of its 2 variables}}
    tir.block "S" (%vi: spatial[8] = %i, %vj: spatial[4] = %j) writes(%A[%vi, %vj] : memref<8x4xf32>) {
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %nb = transform.tir.reorder_block_iter_var %b [1, 1] : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// A script may leave IR that does not verify (an attribute name that the
/// relax dialect reserves): mlc-opt reports it after the interpreter (found
/// by mlc-schedule-fuzzer, which checks the same way).
module attributes {transform.with_named_sequence} {
  func.func @g(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
    return
  }
  tir.prim_func @f(%A: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      // expected-error-re @below {{unknown relax attribute 'relax.mine'{{$}}}}
      tir.block "B" (%vi: spatial[8] = %i) writes(%A[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.annotate %b "relax.mine" : !transform.any_op
    transform.yield
  }
}
