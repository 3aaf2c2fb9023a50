// RUN: mlc-opt %s | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// The explicit-memory form: storages, views, invocations, copies, kills.

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// CHECK-LABEL: func.func @explicit
// CHECK: %[[STORAGE:.*]] = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
// CHECK: %[[SUM:.*]] = relax.alloc_tensor %[[STORAGE]][0] : !relax.tensor<[n], f32>
// CHECK: relax.invoke_tir @add(%[[X:.*]], %[[X]] : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>) outs(%[[SUM]] : !relax.tensor<[n], f32>)
// CHECK: %[[GPU:.*]] = relax.alloc_storage size(8 * n + 64) align 128 on #relax.device<cuda : 1>
// CHECK: %[[VIEW:.*]] = relax.alloc_tensor %[[GPU]][64] : !relax.tensor<[n, 2], f32>
// CHECK: relax.invoke_packed "lib.pair"(%[[SUM]] : !relax.tensor<[n], f32>) outs(%[[VIEW]] : !relax.tensor<[n, 2], f32>)
// CHECK: relax.copy %[[X]] to %[[SUM]] : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
// CHECK: relax.kill_tensor %[[VIEW]] : !relax.tensor<[n, 2], f32>
// CHECK: relax.kill_storage %[[GPU]]
// GENERIC: "relax.alloc_storage"() <{align = 64 : i64, device = #relax.device<cpu>, size = #relax.shape<[4 * n]>}> : () -> !relax.storage
// GENERIC: "relax.alloc_tensor"(%{{.*}}) <{offset = #relax.shape<[0]>}> : (!relax.storage) -> !relax.tensor<[n], f32>
// GENERIC: "relax.invoke_tir"(%{{.*}}, %{{.*}}, %{{.*}}) <{callee = @add, operandSegmentSizes = array<i32: 2, 1>}>
func.func @explicit(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
  %sum = relax.alloc_tensor %s[0] : !relax.tensor<[n], f32>
  relax.invoke_tir @add(%x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>) outs(%sum : !relax.tensor<[n], f32>)
  %g = relax.alloc_storage size(8 * n + 64) align 128 on #relax.device<cuda:1>
  %v = relax.alloc_tensor %g[64] : !relax.tensor<[n, 2], f32>
  relax.invoke_packed "lib.pair"(%sum : !relax.tensor<[n], f32>) outs(%v : !relax.tensor<[n, 2], f32>)
  relax.copy %x to %sum : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  relax.kill_tensor %v : !relax.tensor<[n, 2], f32>
  relax.kill_storage %g
  return %sum : !relax.tensor<[n], f32>
}

// An in-place kernel writes its input.
func.func private @relu_(memref<?xf32>)

// CHECK-LABEL: func.func @inplace
// CHECK: relax.invoke_tir @relu_(%{{.*}} : !relax.tensor<[n], f32>) outs() inplace [0]
func.func @inplace(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  relax.invoke_tir @relu_(%x : !relax.tensor<[n], f32>) outs() inplace [0]
  return
}

// A kernel with symbolic arguments; the device of a function.
func.func private @tile(memref<?xf32>, memref<?xf32>, index)

// CHECK-LABEL: func.func @tir_vars
// CHECK-SAME: relax.device = #relax.device<vulkan>
// CHECK: relax.invoke_tir @tile(%{{.*}} : !relax.tensor<[n], f32>) outs(%{{.*}} : !relax.tensor<[2 * n], f32>) tir_vars [n]
func.func @tir_vars(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32>
    attributes {relax.function, relax.device = #relax.device<vulkan:0>} {
  %s = relax.alloc_storage size(8 * n) align 64 on #relax.device<vulkan>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[2 * n], f32>
  relax.invoke_tir @tile(%x : !relax.tensor<[n], f32>) outs(%t : !relax.tensor<[2 * n], f32>) tir_vars [n]
  return %t : !relax.tensor<[2 * n], f32>
}

// Data moves between devices only through relax.to_device.

// CHECK-LABEL: func.func @to_device
// CHECK: relax.to_device %{{.*}} : !relax.tensor<[n], f32> to #relax.device<cuda : 1>
// GENERIC-LABEL: "func.func"() <{function_type = (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>, sym_name = "to_device"}>
// GENERIC: "relax.to_device"(%{{.*}}) <{device = #relax.device<cuda : 1>}>
func.func @to_device(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %g = relax.to_device %x : !relax.tensor<[n], f32> to #relax.device<cuda:1>
  return %g : !relax.tensor<[n], f32>
}

// Kills of what region ops and loops own, and of an object.
// CHECK-LABEL: func.func @owned_kills
// CHECK: %[[PICK:.*]] = scf.if
// CHECK: relax.kill_tensor %[[PICK]] : !relax.tensor<[4], f32>
// CHECK: scf.for {{.*}} iter_args(%[[ACC:.*]] = %{{.*}})
// CHECK:   relax.kill_tensor %[[ACC]] : !relax.tensor<[4], f32>
// CHECK: %[[OBJECT:.*]] = relax.call_packed "user.make"() : () -> !relax.object
// CHECK: relax.kill_object %[[OBJECT]]
// GENERIC: "relax.kill_object"(%{{.*}}) : (!relax.object) -> ()
func.func @owned_kills(%c: i1, %k: index) attributes {relax.function} {
  %p = scf.if %c -> !relax.tensor<[4], f32> {
    %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
    %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
    scf.yield %t : !relax.tensor<[4], f32>
  } else {
    %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
    %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
    scf.yield %t : !relax.tensor<[4], f32>
  }
  relax.kill_tensor %p : !relax.tensor<[4], f32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s0 = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  %t0 = relax.alloc_tensor %s0[0] : !relax.tensor<[4], f32>
  %r = scf.for %i = %c0 to %k step %c1 iter_args(%acc = %t0) -> !relax.tensor<[4], f32> {
    %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
    %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
    relax.kill_tensor %acc : !relax.tensor<[4], f32>
    scf.yield %t : !relax.tensor<[4], f32>
  }
  relax.kill_tensor %r : !relax.tensor<[4], f32>
  %o = relax.call_packed "user.make"() : () -> !relax.object
  relax.kill_object %o
  return
}
