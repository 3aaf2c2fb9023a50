// RUN: mlc-opt %s --transform-interpreter --split-input-file -verify-diagnostics

/// Every rejection of rfactor: the diagnostic points at the payload op that
/// breaks the rule, and the payload IR stays unchanged.

// rfactor: the loop holds two blocks.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot rfactor this loop: it must hold exactly one block, but it holds 2}}
      tir.for %k = %c0 to %c8 {
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
        tir.block "T" {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: a predicate.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    %true = arith.constant true
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": it has a predicate}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) where(%true) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: an opaque iteration variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": iteration variable #0 is 'opaque'}}
        tir.block "S" (%vi: opaque[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: two written buffers.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>, %T: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": it must write exactly one buffer}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi], %T[%vi] : memref<4xf32>, memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the write region is not a single element.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": its write region must be a single element}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi * 2] [2] : memref<8xf32>) {

        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the factor axis is out of range.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot rfactor block "S": factor axis 2 is out of range for a buffer of rank 1}}
      tir.for %k = %c0 to %c8 {
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 2 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the loop does not start at 0.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot rfactor block "S": the loop must start at 0 with step 1 and have a constant extent}}
      tir.for %k = %c1 to %c8 {
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: a spatial binding depends on the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      // expected-error @below {{cannot rfactor block "S": the binding of spatial iteration variable #0 depends on the loop}}
      tir.for %k = %c0 to %c4 {
        tir.block "S" (%vi: spatial[4] = %k, %vk: reduce[8] = %i)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: a reduce binding is not affine in the loops.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        %ik = arith.muli %i, %k : index
        // expected-error @below {{cannot rfactor block "S": the binding of reduce iteration variable #1 is not an affine function of the loops}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %ik)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: no reduce binding uses the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": no reduce binding depends on the loop}}
        tir.for %u = %c0 to %c1 {
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k, %u = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %u factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: a loop used by both spatial and reduce bindings.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    // expected-error @below {{cannot rfactor block "S": this loop is used by both spatial and reduce bindings}}
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c4 {
        %ik = arith.addi %i, %k : index
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %ik)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the other reduction loop does not start at 0.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %S: memref<f32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    // expected-error @below {{cannot rfactor block "S": this reduction loop must start at 0 with step 1}}
    tir.for %i = %c1 to %c4 {
      tir.for %k = %c0 to %c4 {
        %ik = arith.addi %i, %k : index
        tir.block "S" (%vk: reduce[8] = %ik)
            reads(%A[%vk] : memref<8xf32>)
            writes(%S[] : memref<f32>) init {
          memref.store %zero, %S[] : memref<f32>
        } {
          %a = memref.load %A[%vk] : memref<8xf32>
          %s = memref.load %S[] : memref<f32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[] : memref<f32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the body does not end in a store.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": its body does not end in a store of `C[v] op expr` to the written buffer}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) {

        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: subtraction is not a reduction.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": the stored value is not a recognised reduction (arith.addf/addi/mulf/muli/maximumf/maxnumf/minimumf/minnumf/maxsi/minsi/maxui/minui)}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.subf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the combined element is not the stored one.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": the reduction does not combine the stored element `C[v]` with another value}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%c0] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: another access to the written buffer.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": it accesses the written buffer other than in `C[v] = C[v] op expr`}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %S[%c0] : memref<4xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: no init region.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": it has no init region}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: an add reduction whose init is not 0.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    %one = arith.constant 1.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": its init region does not store the identity of the reduction}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %one, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: a max reduction whose init reads with the reduce variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": its init region uses the reduce iteration variable #1}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          %a0 = memref.load %A[%vi, %vk] : memref<4x8xf32>
          memref.store %a0, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.maximumf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the extent of a spatial loop is loaded inside the nest, so the write-back nest cannot be rebuilt.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    %N = memref.alloc() : memref<index>
    tir.for %o = %c0 to %c1 {
    // expected-note @below {{value defined here}}
    %n = memref.load %N[] : memref<index>
    tir.for %i = %c0 to %n {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": the write-back block needs a value that cannot be recomputed after the loop nest}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %o, %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: the loop nest holds another block, which would see the partial result.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      // expected-note @below {{block "T"}}
      tir.block "T" {
      }
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": its loop nest holds another block}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: a handle to a block instead of a loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-note @below {{payload op}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{expects a handle to exactly one tir.for, but it holds 1 payload ops}}
    %rf = transform.tir.rfactor %b factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// rfactor: regions over region symbols.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4x8xf32>, %S: memref<?xf32>, %past: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        // expected-error @below {{cannot rfactor block "S": it has regions over region symbols, which rfactor does not handle yet}}
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk] : memref<4x8xf32>)
            writes(%S[%past + %vi] : memref<?xf32>) init {
          %r = arith.addi %past, %vi : index
          memref.store %zero, %S[%r] : memref<?xf32>
        } {
          %r = arith.addi %past, %vi : index
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%r] : memref<?xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%r] : memref<?xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
