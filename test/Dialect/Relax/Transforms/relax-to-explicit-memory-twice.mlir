// RUN: mlc-opt %s --relax-to-explicit-memory --relax-to-explicit-memory | FileCheck %s
// Every case of the pass's own test (regions, loops, blocks, tuples,
// objects) is a fixed point too.
// RUN: mlc-opt %S/relax-to-explicit-memory.mlir -split-input-file \
// RUN:   --relax-to-explicit-memory > %t.once
// RUN: mlc-opt %t.once -split-input-file --relax-to-explicit-memory \
// RUN:   | diff %t.once -

// The pass is idempotent: a function already in explicit form is left as
// it is, so nothing is killed twice.

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

func.func private @callee(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %s : !relax.tensor<[n], f32>
}

// CHECK-LABEL: func.func @caller
// CHECK: call @callee
// CHECK: call @callee
// CHECK-COUNT-1: relax.kill_tensor
// CHECK-NOT: relax.kill_tensor
// CHECK: return
func.func @caller(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %a = func.call @callee(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %b = func.call @callee(%a) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %b : !relax.tensor<[n], f32>
}
