// RUN: mlc-opt %s --transform-interpreter --split-input-file -verify-diagnostics

/// Every rejection of pad_einsum: the diagnostic points at the payload op
/// that breaks the rule, and the payload IR stays unchanged.

// pad_einsum: one padding factor per iteration variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": expects 2 padding factors, one per iteration variable, but got 1}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a zero padding factor.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": expects positive padding factors}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 0] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a predicate.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    %true = arith.constant true
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": it has a predicate}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) where(%true) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: two written buffers.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": it must write exactly one buffer}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%A[%vi, %vj], %B[%vi, %vj] : memref<10x10xf32>, memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: an opaque iteration variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": iteration variable #1 is 'opaque'}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: opaque[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a binding that is not a loop variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": iteration variable #1 is not bound to a loop variable of its own}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %i)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a loop that binds no iteration variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    // expected-error @below {{cannot pad_einsum block "B": this loop binds no iteration variable}}
    tir.for %o = %c0 to %c10 {
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a loop over less than the domain.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      // expected-error @below {{cannot pad_einsum block "B": this loop must run from 0 with step 1 over the domain of iteration variable #1}}
      tir.for %j = %c0 to %n {
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: the loops are not perfectly nested.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    // expected-error @below {{cannot pad_einsum block "B": the loops around the block must be perfectly nested}}
    tir.for %i = %c0 to %c10 {
      tir.block "other" {
      }
      tir.for %j = %c0 to %c10 {
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a read region indexed by an expression.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": a read region is not indexed by iteration variables}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj floordiv 2] [1, 1] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a write region indexed by a constant.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": its write region is not indexed by iteration variables}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, 0] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: padding a reduce variable of a body that is not a sum of products.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        // expected-error @below {{cannot pad_einsum block "B": padding a reduce iteration variable needs a body `C[v] = C[v] + X[..] * Y[..]` with each padded reduce variable indexing X or Y}}
        tir.block "B" (%vi: spatial[10] = %i, %vj: reduce[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vi] : memref<10x10xf32>) {
          %a = memref.load %A[%vi, %vj] : memref<10x10xf32>
          %e = math.exp %a : f32
          %b = memref.load %B[%vi, %vi] : memref<10x10xf32>
          %s = arith.addf %b, %e : f32
          memref.store %s, %B[%vi, %vi] : memref<10x10xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4, 4] : !transform.any_op
    transform.yield
  }
}

// -----

// pad_einsum: a handle to a loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<10x10xf32>, %B: memref<10x10xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    // expected-note @below {{payload op}}
    tir.for %i = %c0 to %c10 {
      tir.for %j = %c0 to %c10 {
        tir.block "B" (%vi: spatial[10] = %i, %vj: spatial[10] = %j)
            reads(%A[%vi, %vj] : memref<10x10xf32>)
            writes(%B[%vi, %vj] : memref<10x10xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %l, %m = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    // expected-error @below {{expects a handle to exactly one tir.block, but it holds 1 payload ops}}
    transform.tir.pad_einsum %l padding [4, 4] : !transform.any_op
    transform.yield
  }
}
