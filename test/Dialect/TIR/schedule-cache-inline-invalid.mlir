// RUN: mlc-opt %s --transform-interpreter --split-input-file -verify-diagnostics

/// Every rejection of get_producers, get_consumers, compute_inline,
/// reverse_compute_inline, cache_read, cache_write and storage_align: the
/// diagnostic points at the payload op that breaks the rule (or at the
/// transform op for static errors), and the payload IR stays unchanged.

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    // expected-note @below {{payload op}}
    %c0 = arith.constant 0 : index
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.structured.match ops{["arith.constant"]} in %root
        : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{expects a handle to tir.block ops}}
    %p = transform.tir.get_producers %c : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

//===----------------------------------------------------------------------===//
// compute_inline
//===----------------------------------------------------------------------===//

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x4xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": it has an init region}}
    tir.block "B" (%vi: spatial[8] = %c0, %vk: reduce[4] = %c0)
        reads(%A[%vi, %vk] : memref<8x4xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) init {
      memref.store %zero, %B[%vi] : memref<8xf32, #tir.scope<global>>
    } {
      %a = memref.load %A[%vi, %vk] : memref<8x4xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x4xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": iteration variable #1 is 'reduce', not spatial}}
    tir.block "B" (%vi: spatial[8] = %c0, %vk: reduce[4] = %c0)
        reads(%A[%vi, %vk] : memref<8x4xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi, %vk] : memref<8x4xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %p = arith.cmpi slt, %c0, %n : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": it has a predicate}}
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) where(%p) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    %D = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": it writes 2 buffers, not one}}
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi], %D[%vi] : memref<8xf32, #tir.scope<global>>, memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %a, %D[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": it reads the buffer it writes}}
    tir.block "B" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%n: index) {
    %c0 = arith.constant 0 : index
    %p = arith.cmpi slt, %c0, %n : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      // expected-error @below {{cannot inline block "B": the block body holds an op with regions}}
      scf.if %p {
        memref.store %zero, %B[%vi] : memref<8xf32, #tir.scope<global>>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      memref.store %zero, %B[%vi] : memref<8xf32, #tir.scope<global>>
      // expected-error @below {{cannot inline block "B": the block stores more than once}}
      memref.store %zero, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      // expected-error @below {{cannot inline block "B": the block loads the buffer it writes}}
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      // expected-error @below {{cannot inline block "B": the block body has memory effects other than loads and one store}}
      %t = memref.alloca() : memref<f32>
      memref.store %zero, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": it has no store}}
    tir.block "B" (%vi: spatial[8] = %c0)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8x8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0, %vj: spatial[8] = %c0)
        writes(%B[%vi, %vi] : memref<8x8xf32, #tir.scope<global>>) {
      // expected-error @below {{cannot inline block "B": the store indices are not distinct iteration variables, one per variable}}
      memref.store %zero, %B[%vi, %vi] : memref<8x8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %B: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot inline block "B": the intermediate buffer is parameter #1 of the prim_func (an input or output)}}
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %B = memref.alloc() : memref<8xf32>
    // expected-error @below {{cannot inline block "B": the intermediate buffer is not allocated by tir.alloc_buffer}}
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": another block writes its buffer}}
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    // expected-note @below {{other writer}}
    tir.block "B2" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": its buffer has a use that is not a load in a block that reads it}}
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    // expected-note @below {{use}}
    %b = memref.load %B[%c0] : memref<8xf32, #tir.scope<global>>
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  // expected-note @below {{buffer}}
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    // expected-error @below {{cannot inline block "B": this block accesses a buffer whose accesses would move across it}}
    tir.block "clobber" (%vi: spatial[8] = %c0) writes(%A[%vi] : memref<8xf32>) {
      memref.store %zero, %A[%vi] : memref<8xf32>
    }
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": this block comes before the block it depends on}}
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    // expected-note @below {{block "B"}}
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.for %i = %c0 to %c8 {
      %two = arith.constant 2.0 : f32
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
        %a = memref.load %A[%vi] : memref<8xf32>
        // expected-error @below {{cannot inline block "B": this op uses a value that is not available where it would be copied}}
        %d = arith.mulf %a, %two : f32
        memref.store %d, %B[%vi] : memref<8xf32, #tir.scope<global>>
      }
    }
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%vi] : memref<8xf32>) {
      // expected-note @below {{copied here}}
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  // expected-note @below {{buffer of the region}}
  tir.prim_func @f(%A: memref<4xf32>, %C: memref<7xf32>) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi floordiv 2] : memref<4xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %h = arith.floordivsi %vi, %c2 : index
      %a = memref.load %A[%h] : memref<4xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    // expected-error @below {{cannot inline block "B": a region is not linear in an iteration variable that ranges over more than one point}}
    tir.block "C" (%vi: spatial[7] = %c0)
        reads(%B[%vi] [2] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%vi] : memref<7xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %C[%vi] : memref<7xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

//===----------------------------------------------------------------------===//
// reverse_compute_inline
//===----------------------------------------------------------------------===//

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot reverse-inline block "C": it has 0 producer blocks, not one}}
    tir.block "C" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    %D = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    // expected-note @below {{producer}}
    tir.block "B" (%vi: spatial[8] = %c0)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) {
      memref.store %zero, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    // expected-note @below {{producer}}
    tir.block "D" (%vi: spatial[8] = %c0)
        writes(%D[%vi] : memref<8xf32, #tir.scope<local>>) {
      memref.store %zero, %D[%vi] : memref<8xf32, #tir.scope<local>>
    }
    // expected-error @below {{cannot reverse-inline block "C": it has 2 producer blocks, not one}}
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi], %D[%vi] : memref<8xf32, #tir.scope<local>>, memref<8xf32, #tir.scope<local>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<local>>
      %d = memref.load %D[%vi] : memref<8xf32, #tir.scope<local>>
      %s = arith.addf %b, %d : f32
      memref.store %s, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x4xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    // expected-error @below {{cannot reverse-inline block "C" into block "B": it has an init region}}
    tir.block "B" (%vi: spatial[8] = %c0, %vk: reduce[4] = %c0)
        reads(%A[%vi, %vk] : memref<8x4xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) init {
      memref.store %zero, %B[%vi] : memref<8xf32, #tir.scope<local>>
    } {
      %a = memref.load %A[%vi, %vk] : memref<8x4xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<local>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<local>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %B: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32>
    }
    // expected-error @below {{cannot reverse-inline block "C": the intermediate buffer is parameter #1 of the prim_func (an input or output)}}
    tir.block "C" (%vi: spatial[8] = %c0) reads(%B[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    tir.block "C" (%vi: spatial[4] = %c0)
        reads(%B[%vi * 2] : memref<8xf32, #tir.scope<local>>)
        writes(%C[%vi] : memref<4xf32>) {
      %twice = arith.muli %vi, %c2 : index
      // expected-error @below {{cannot reverse-inline block "C": the load indices are not distinct iteration variables, one per variable, the same in every load}}
      %b = memref.load %B[%twice] : memref<8xf32, #tir.scope<local>>
      memref.store %b, %C[%vi] : memref<4xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>, %D: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    // expected-error @below {{cannot reverse-inline block "C": the buffer it reads has another use}}
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<local>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<local>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    // expected-note @below {{use}}
    tir.block "D" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<local>>)
        writes(%D[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<local>>
      memref.store %b, %D[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    // expected-error @below {{cannot reverse-inline block "C": it does not load the buffer it reads}}
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<local>>)
        writes(%C[%vi] : memref<8xf32>) {
      memref.store %zero, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  // expected-note @below {{buffer}}
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>, %D: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    // expected-error @below {{cannot reverse-inline block "C": this block accesses a buffer whose accesses would move across it}}
    tir.block "peek" (%vi: spatial[8] = %c0) reads(%C[%vi] : memref<8xf32>)
        writes(%D[%vi] : memref<8xf32>) {
      %c = memref.load %C[%vi] : memref<8xf32>
      memref.store %c, %D[%vi] : memref<8xf32>
    }
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<local>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<local>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      // expected-note @below {{copied here}}
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    tir.for %i = %c0 to %c8 {
      %two = arith.constant 2.0 : f32
      tir.block "C" (%vi: spatial[8] = %i)
          reads(%B[%vi] : memref<8xf32, #tir.scope<local>>)
          writes(%C[%vi] : memref<8xf32>) {
        %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<local>>
        // expected-error @below {{cannot reverse-inline block "C": this op uses a value that is not available where it would be copied}}
        %d = arith.mulf %b, %two : f32
        memref.store %d, %C[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

//===----------------------------------------------------------------------===//
// cache_read
//===----------------------------------------------------------------------===//

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot cache read buffer #1 of block "C": the block has 1 read buffer(s)}}
    tir.block "C" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %c, 1, "shared" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot cache read buffer #0 of block "C": the block also writes the buffer}}
    tir.block "C" (%vi: spatial[8] = %c0) reads(%C[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %c = memref.load %C[%vi] : memref<8xf32>
      memref.store %c, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %c, 0, "shared" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot cache read buffer #0 of block "C": the block uses the buffer in an op that cannot be redirected to the cache}}
    tir.block "C" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      // expected-note @below {{use}}
      %view = memref.subview %A[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
      %a = memref.load %view[%c0] : memref<4xf32, strided<[1]>>
      memref.store %a, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %c, 0, "shared" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c8 {
      // expected-note @below {{other access}}
      tir.block "A" (%vi: spatial[8] = %i) writes(%A[%vi] : memref<8xf32>) {
        memref.store %zero, %A[%vi] : memref<8xf32>
      }
      // expected-error @below {{cannot cache read buffer #0 of block "C": another op in its loop nest accesses the buffer}}
      tir.block "C" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%C[%vi] : memref<8xf32>) {
        %a = memref.load %A[%vi] : memref<8xf32>
        memref.store %a, %C[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %c, 0, "shared" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      %T = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
      // expected-error @below {{cannot cache read buffer #0 of block "C": the buffer is not defined before the block's loop nest}}
      tir.block "C" (%vi: spatial[8] = %i)
          reads(%T[%vi] : memref<8xf32, #tir.scope<local>>)
          writes(%C[%vi] : memref<8xf32>) {
        %t = memref.load %T[%vi] : memref<8xf32, #tir.scope<local>>
        memref.store %t, %C[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %c, 0, "shared" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{unknown storage scope 'texture'}}
    %copy = transform.tir.cache_read %root, 0, "texture" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{expects a non-negative buffer index, but got -1}}
    %copy = transform.tir.cache_write %root, -1, "local" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

//===----------------------------------------------------------------------===//
// cache_write
//===----------------------------------------------------------------------===//

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot cache write buffer #1 of block "C": the block has 1 write buffer(s)}}
    tir.block "C" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_write %c, 1, "local" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x4xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot cache write buffer #0 of block "C": the block reads the buffer and has no init region, so it would read the cache before anything is written to it}}
    tir.block "C" (%vi: spatial[8] = %c0, %vk: reduce[4] = %c0)
        reads(%A[%vi, %vk], %C[%vi] : memref<8x4xf32>, memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi, %vk] : memref<8x4xf32>
      %c = memref.load %C[%vi] : memref<8xf32>
      %s = arith.addf %a, %c : f32
      memref.store %s, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_write %c, 0, "local" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot cache write buffer #0 of block "C": its write region does not cover dimension 0 of the buffer with one iteration variable over the whole dimension}}
    tir.block "C" (%vi: spatial[4] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_write %c, 0, "local" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<?xf32>, %C: memref<?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %m = arith.addi %n, %n : index
    // expected-error @below {{cannot cache write buffer #0 of block "C": its write region does not cover dimension 0 of the buffer with one iteration variable over the whole dimension}}
    tir.block "C" (%vi: spatial[%m] = %c0) reads(%A[%vi] : memref<?xf32>)
        writes(%C[%vi] : memref<?xf32>) {
      %a = memref.load %A[%vi] : memref<?xf32>
      memref.store %a, %C[%vi] : memref<?xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_write %c, 0, "local" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot cache write buffer #0 of block "C": the block uses the buffer in an op that cannot be redirected to the cache}}
    tir.block "C" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%C[%vi] : memref<8xf32>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      // expected-note @below {{use}}
      %view = memref.subview %C[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
      memref.store %a, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_write %c, 0, "local" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<8xf32>, %D: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      // expected-error @below {{cannot cache write buffer #0 of block "C": another op in its loop nest accesses the buffer}}
      tir.block "C" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%C[%vi] : memref<8xf32>) {
        %a = memref.load %A[%vi] : memref<8xf32>
        memref.store %a, %C[%vi] : memref<8xf32>
      }
      // expected-note @below {{other access}}
      tir.block "D" (%vi: spatial[8] = %i) reads(%C[%vi] : memref<8xf32>)
          writes(%D[%vi] : memref<8xf32>) {
        %c = memref.load %C[%vi] : memref<8xf32>
        memref.store %c, %D[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_write %c, 0, "local" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

//===----------------------------------------------------------------------===//
// storage_align
//===----------------------------------------------------------------------===//

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%C: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    // expected-error @below {{cannot align buffer #1 of block "C": the block has 1 write buffer(s)}}
    tir.block "C" (%vi: spatial[8] = %c0) writes(%C[%vi, %vi] : memref<8x8xf32>) {
      memref.store %zero, %C[%vi, %vi] : memref<8x8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %c, 1, axis = 0, factor = 8, offset = 1 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%C: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    // expected-error @below {{cannot align buffer #0 of block "C": only a buffer allocated by tir.alloc_buffer can be padded (not a prim_func parameter)}}
    tir.block "C" (%vi: spatial[8] = %c0) writes(%C[%vi, %vi] : memref<8x8xf32>) {
      memref.store %zero, %C[%vi, %vi] : memref<8x8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %c, 0, axis = 0, factor = 8, offset = 1 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %S = tir.alloc_buffer : memref<8x8xf32, #tir.scope<shared>>
    // expected-error @below {{cannot align buffer #0 of block "S": axis 2 is out of range for rank 2}}
    tir.block "S" (%vi: spatial[8] = %c0)
        writes(%S[%vi, %vi] : memref<8x8xf32, #tir.scope<shared>>) {
      memref.store %zero, %S[%vi, %vi] : memref<8x8xf32, #tir.scope<shared>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %s, 0, axis = 2, factor = 8, offset = 1 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %S = tir.alloc_buffer : memref<8x8xf32, #tir.scope<shared>>
    // expected-error @below {{cannot align buffer #0 of block "S": the stride of the innermost dimension is 1 and cannot be padded while the layout stays the identity}}
    tir.block "S" (%vi: spatial[8] = %c0)
        writes(%S[%vi, %vi] : memref<8x8xf32, #tir.scope<shared>>) {
      memref.store %zero, %S[%vi, %vi] : memref<8x8xf32, #tir.scope<shared>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %s, 0, axis = -1, factor = 8, offset = 1 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%n: index) {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %S = tir.alloc_buffer(%n) : memref<8x?xf32, #tir.scope<shared>>
    // expected-error @below {{cannot align buffer #0 of block "S": the dimensions inside axis 0 must have static sizes}}
    tir.block "S" (%vi: spatial[8] = %c0)
        writes(%S[%vi, %vi] : memref<8x?xf32, #tir.scope<shared>>) {
      memref.store %zero, %S[%vi, %vi] : memref<8x?xf32, #tir.scope<shared>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %s, 0, axis = 0, factor = 8, offset = 1 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %S = tir.alloc_buffer : memref<4x4x4xf32, #tir.scope<shared>>
    // expected-error @below {{cannot align buffer #0 of block "S": no size of dimension 1 makes the stride of axis 0 equal 1 modulo 8}}
    tir.block "S" (%vi: spatial[4] = %c0)
        writes(%S[%vi, %vi, %vi] : memref<4x4x4xf32, #tir.scope<shared>>) {
      memref.store %zero, %S[%vi, %vi, %vi] : memref<4x4x4xf32, #tir.scope<shared>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %s, 0, axis = 0, factor = 8, offset = 1 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f() {
    %c0 = arith.constant 0 : index
    %zero = arith.constant 0.0 : f32
    %S = tir.alloc_buffer : memref<8x8xf32, #tir.scope<shared>>
    // expected-note @below {{use}}
    %view = memref.subview %S[0, 0] [4, 4] [1, 1] : memref<8x8xf32, #tir.scope<shared>> to memref<4x4xf32, strided<[8, 1]>, #tir.scope<shared>>
    // expected-error @below {{cannot align buffer #0 of block "S": the buffer has a use whose type would change}}
    tir.block "S" (%vi: spatial[8] = %c0)
        writes(%S[%vi, %vi] : memref<8x8xf32, #tir.scope<shared>>) {
      memref.store %zero, %S[%vi, %vi] : memref<8x8xf32, #tir.scope<shared>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %s, 0, axis = 0, factor = 8, offset = 1 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{expects a positive factor, but got 0}}
    transform.tir.storage_align %root, 0, axis = 0, factor = 0, offset = 0 : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{expects an offset in [0, factor), but got 8}}
    transform.tir.storage_align %root, 0, axis = 0, factor = 8, offset = 8 : !transform.any_op
    transform.yield
  }
}

// -----

//===----------------------------------------------------------------------===//
// Region cover (compute_inline, reverse_compute_inline)
//===----------------------------------------------------------------------===//

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<4xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": iteration variable #0 does not range over the whole dimension 0 of the intermediate buffer}}
    tir.block "B" (%vi: spatial[4] = %c0) reads(%A[%vi] : memref<4xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<4xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.block "C" (%vi: spatial[8] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<local>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<local>>
    }
    // expected-error @below {{cannot reverse-inline block "C": iteration variable #0 does not range over the whole dimension 0 of the intermediate buffer}}
    tir.block "C" (%vi: spatial[4] = %c0)
        reads(%B[%vi] : memref<8xf32, #tir.scope<local>>)
        writes(%C[%vi] : memref<4xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<local>>
      memref.store %b, %C[%vi] : memref<4xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

// compute_inline: a block whose regions use region symbols.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<?xf32>, %C: memref<8xf32>, %i: index, %past: index) {
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    // expected-error @below {{cannot inline block "B": block "B" has regions over region symbols, which this primitive does not handle yet}}
    tir.block "B" (%vi: spatial[8] = %i) reads(%A[%past + %vi] : memref<?xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %p = arith.addi %past, %vi : index
      %a = memref.load %A[%p] : memref<?xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.block "C" (%vi: spatial[8] = %i) reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%vi] : memref<8xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %C[%vi] : memref<8xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

// reverse_compute_inline: a block whose regions use region symbols.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>, %C: memref<?xf32>, %i: index, %past: index) {
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %a = memref.load %A[%vi] : memref<8xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    // expected-error @below {{cannot reverse-inline block "C": block "C" has regions over region symbols, which this primitive does not handle yet}}
    tir.block "C" (%vi: spatial[8] = %i) reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%past + %vi] : memref<?xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      %p = arith.addi %past, %vi : index
      memref.store %b, %C[%p] : memref<?xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}
