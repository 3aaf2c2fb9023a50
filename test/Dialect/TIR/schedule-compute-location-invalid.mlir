// RUN: mlc-opt %s --transform-interpreter --split-input-file -verify-diagnostics

/// Every rejection of compute_at and reverse_compute_at: the diagnostic
/// points at the payload op that breaks the rule, and the payload IR stays
/// unchanged.

// compute_at: the loop already encloses the block.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    // expected-error @below {{cannot compute_at block "B" at this loop: the loop already encloses the block}}
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{block "B"}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the producer comes after the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    // expected-error @below {{cannot compute_at block "B" at this loop: the block must come before the loop}}
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{block "B"}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the loop is inside another block.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{block "B"}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.block "outer" {
      // expected-error @below {{cannot compute_at block "B" at this loop: it is not in the block's scope}}
      tir.for %j = %c0 to %c8 {
        tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
            writes(%C[%vj] : memref<8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the producer's loop nest holds another block.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": its loop nest holds another op}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
      // expected-note @below {{op in the loop nest}}
      tir.block "D" {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the producer has a predicate.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %true = arith.constant true
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": it has a predicate}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) where(%true) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: an opaque iteration variable.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": iteration variable #0 is 'opaque'}}
      tir.block "B" (%vi: opaque[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the producer writes two buffers.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    %B2 = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": it must write exactly one buffer}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi], %B2[%vi] : memref<8xf32>, memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the producer writes a prim_func parameter (an output).
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": it writes a buffer that is not a tir.alloc_buffer (an output of the scope)}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%C[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%C[%vj] : memref<8xf32>)
          writes(%A[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the write region is not indexed by the iteration variables.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": its write region must index each dimension by a distinct spatial iteration variable, using all of them}}
      tir.block "B" (%vi: spatial[4] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi * 2] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: another block writes the buffer.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": it is not the only writer of its buffer}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{other writer}}
      tir.block "B2" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: a consumer is not under the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": a consumer is not under the loop in the block's scope}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.for %k = %c0 to %c8 {
      // expected-note @below {{consumer}}
      tir.block "D" (%vj: spatial[8] = %k) reads(%B[%vj] : memref<8xf32>)
          writes(%A[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: no block under the loop reads the buffer.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": no block under the loop reads its buffer}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%A[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: a block between the producer and the loop writes its input.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": block "D" between the block and the loop accesses a buffer that the block depends on}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %k = %c0 to %c8 {
      // expected-note @below {{block "D"}}
      tir.block "D" (%vj: spatial[8] = %k) reads(%C[%vj] : memref<8xf32>)
          writes(%A[%vj] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: a block in the loop's nest writes the producer's input.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": block "C" in the loop's nest accesses a buffer that the block depends on}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      // expected-note @below {{block "C"}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%A[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: a block beside the loop in its nest writes the producer's input.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": block "D" in the loop's nest accesses a buffer that the block depends on}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %k = %c0 to %c8 {
      // expected-note @below {{block "D"}}
      tir.block "D" (%vk: spatial[8] = %k) reads(%C[%vk] : memref<8xf32>)
          writes(%A[%vk] : memref<8xf32>) {
      }
      tir.for %j = %c0 to %c8 {
        tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
            writes(%C[%vj] : memref<8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %j = transform.tir.get_loops %c : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the consumer's region is not linear in the loops inside the target loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": the region of the buffer that block "C" accesses is not an affine function of the loops, linear in the loops inside the target loop with constant bounds}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        %x = arith.floordivsi %k, %c2 : index
        // expected-note @below {{block "C"}}
        tir.block "C" (%vj: spatial[4] = %j, %vk: spatial[4] = %x) reads(%B[%vj + %vk] : memref<8xf32>)
            writes(%C[%vj + %vk] : memref<8xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j, %k = transform.tir.get_loops %c : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: two consumers read regions that are not a constant distance apart.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": the regions that the blocks under the loop access in dimension 0 are not a constant distance apart}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
      // expected-note @below {{block "D"}}
      tir.block "D" (%vj: spatial[4] = %j) reads(%B[%vj * 2] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: the consumer's binding uses a value computed inside the loop (not hoisted).
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>, %m: index) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot compute_at block "B": a region bound uses a value that is not available at the loop}}
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      // expected-note @below {{value defined here}}
      %n = arith.addi %m, %c0 : index
      tir.block "C" (%vj: spatial[8] = %n) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %b, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: the consumer comes before the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %j = %c0 to %c8 {
      // expected-note @below {{block "C"}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    // expected-error @below {{cannot reverse_compute_at block "C" at this loop: the block must come after the loop}}
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: the consumer reads no buffer written under the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      // expected-error @below {{cannot reverse_compute_at block "C": it reads no buffer written under the loop}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%A[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: the consumer reads two buffers written under the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    %B2 = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi], %B2[%vi] : memref<8xf32>, memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      // expected-error @below {{cannot reverse_compute_at block "C": it reads more than one buffer written under the loop}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj], %B2[%vj] : memref<8xf32>, memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: the consumer's read region is not indexed by its iteration variables.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c4 = arith.constant 4 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c4 {
      // expected-error @below {{cannot reverse_compute_at block "C": its read region of the produced buffer must index each dimension by a distinct iteration variable}}
      tir.block "C" (%vj: spatial[4] = %j) reads(%B[%vj * 2] [2] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: another producer of the buffer is outside the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{producer}}
      tir.block "B2" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      // expected-error @below {{cannot reverse_compute_at block "C": a producer of its input is not under the loop in the block's scope}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: a block under the loop reads what the consumer writes.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
      // expected-note @below {{block "D"}}
      tir.block "D" (%vi: spatial[8] = %i) reads(%C[%vi] : memref<8xf32>)
          writes(%A[%vi] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      // expected-error @below {{cannot reverse_compute_at block "C": block "D" in the loop's nest accesses a buffer that the block depends on}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: a block between the loop and the consumer writes what it writes.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %k = %c0 to %c8 {
      // expected-note @below {{block "D"}}
      tir.block "D" (%vj: spatial[8] = %k) reads(%A[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.for %j = %c0 to %c8 {
      // expected-error @below {{cannot reverse_compute_at block "C": block "D" between the loop and the block accesses a buffer that the block depends on}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_at: the consumer uses a value defined after the loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    // expected-note @below {{value defined here}}
    %one = arith.constant 1.0 : f32
    tir.for %j = %c0 to %c8 {
      // expected-error @below {{cannot reverse_compute_at block "C": it uses a value that is not available at the loop}}
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
        memref.store %one, %C[%vj] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: a handle to a loop instead of a block.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    // expected-note @below {{payload op}}
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vj: spatial[8] = %j) reads(%B[%vj] : memref<8xf32>)
          writes(%C[%vj] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %j = transform.tir.get_loops %c : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{expects a handle to exactly one tir.block, but it holds 1 payload ops}}
    transform.tir.compute_at %j, %j : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

// compute_at: a consumer that reads the buffer with a symbolic extent.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<16xf32>, %C: memref<8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c16 = arith.constant 16 : index
    %B = tir.alloc_buffer : memref<16xf32>
    tir.for %i = %c0 to %c16 {
      // expected-error @below {{cannot compute_at block "B": block "C" accesses the buffer with a symbolic region extent}}
      tir.block "B" (%vi: spatial[16] = %i)
          reads(%A[%vi] : memref<16xf32>) writes(%B[%vi] : memref<16xf32>) {
        %a = memref.load %A[%vi] : memref<16xf32>
        memref.store %a, %B[%vi] : memref<16xf32>
      }
    }
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{block "C"}}
      tir.block "C" (%vi: spatial[8] = %i)
          reads(%B[0] [%n] : memref<16xf32>) writes(%C[%vi] : memref<8xf32>) {
        %b = memref.load %B[%vi] : memref<16xf32>
        memref.store %b, %C[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %c : (!transform.any_op) -> (!transform.any_op)
    transform.tir.compute_at %b, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}
