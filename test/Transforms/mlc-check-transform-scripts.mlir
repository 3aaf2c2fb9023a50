// RUN: mlc-opt %s --split-input-file --mlc-check-transform-scripts -verify-diagnostics | FileCheck %s
// RUN: mlc-opt %s --split-input-file --transform-interpreter -verify-diagnostics

/// A named sequence of transform ops passes unchanged (and mlc-opt's own
/// check before --transform-interpreter lets it through: the schedule runs).

// CHECK-LABEL: tir.prim_func @f
// CHECK: transform.named_sequence @__transform_main
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) writes(%A[%vi] : memref<8xf32>) {
        %z = arith.constant 0.0 : f32
        memref.store %z, %A[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// Another op in a named sequence is an error, not a crash of the
/// interpreter (found by mlc-schedule-fuzzer: MLIR 22 verifies this for
/// transform.sequence only).
module attributes {transform.with_named_sequence} {
  // expected-note @below {{in this named sequence}}
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // expected-error @below {{'arith.constant' op is not a transform op, but the body of a 'transform.named_sequence' holds only transform ops (the interpreter applies each)}}
    %c = arith.constant 0 : index
    transform.yield
  }
}

