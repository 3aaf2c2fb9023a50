// RUN: mlc-opt %s -split-input-file --relax-lower-to-host | FileCheck %s

// Kernels here are func.func over memrefs: what convert-tir-to-scf produces.
func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)
func.func private @tile(memref<?xf32>, memref<?xf32>, index)

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: memref<?xf32>) -> (i32, memref<?xf32>)
// CHECK: %[[N:.*]] = memref.dim %[[X]], %{{.*}} : memref<?xf32>
// CHECK: %[[SUM:.*]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: call @add(%[[X]], %[[X]], %[[SUM]])
// CHECK: %[[TWICE:.*]] = arith.muli %{{.*}}, %[[N]] : index
// CHECK: %[[TILED:.*]] = memref.alloc(%[[TWICE]]) : memref<?xf32>
// CHECK: call @tile(%[[SUM]], %[[TILED]], %[[N]])
// CHECK: memref.dealloc %[[SUM]]
// CHECK: return %{{.*}}, %[[TILED]] : i32, memref<?xf32>

// The packed entry point reads argument descriptors and writes results.
// CHECK-LABEL: func.func @__mlc_packed_main(%{{.*}}: !llvm.ptr) -> i32
// CHECK: llvm.load %{{.*}} : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: %[[CALL:.*]]:2 = call @main
// CHECK: llvm.store
// CHECK: return %[[CALL]]#0 : i32

// CHECK: llvm.mlir.global external constant @__mlc_metadata("mlc-module 1\0Afunc main\0Aarg arg0 f32 [n]\0Aret f32 [2 * n]\0A\00")
func.func @main(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32> {
  %y = relax.dataflow -> !relax.tensor<[2 * n], f32> {
    %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    %t = relax.call_tir @tile(%s) tir_vars [n] : (!relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32>
    relax.output %t : !relax.tensor<[2 * n], f32>
  }
  return %y : !relax.tensor<[2 * n], f32>
}

// -----

// Returning an argument or a constant returns a copy the caller may free.
// CHECK: memref.global "private" constant @__mlc_constant : memref<2xf32> = dense<[1.000000e+00, 2.000000e+00]>
// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:.*]]: memref<?x4xi8>)
// CHECK: %[[CONST:.*]] = memref.get_global @__mlc_constant
// CHECK: %[[XCOPY:.*]] = memref.alloc
// CHECK: memref.copy %[[X]], %[[XCOPY]]
// CHECK: %[[CCOPY:.*]] = memref.alloc() : memref<2xf32>
// CHECK: memref.copy %[[CONST]], %[[CCOPY]]
// CHECK: return %{{.*}}, %[[XCOPY]], %[[CCOPY]]
func.func @identity(%x: !relax.tensor<[n, 4], i8>) -> (!relax.tensor<[n, 4], i8>, !relax.tensor<[2], f32>) {
  %c = relax.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %x, %c : !relax.tensor<[n, 4], i8>, !relax.tensor<[2], f32>
}

// -----

func.func private @k(memref<?x?xf32>, memref<?xf32>)

// match_cast binds `m` from the value and checks `2 * m` at run time.
// CHECK-LABEL: func.func @cast
// CHECK: %[[M:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?x?xf32>
// CHECK: %[[COLS:.*]] = memref.dim
// CHECK: %[[TWICE:.*]] = arith.muli %{{.*}}, %[[M]]
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[COLS]], %[[TWICE]]
// CHECK: cf.cond_br %[[OK]], ^[[CONTINUE:.*]], ^[[ERROR:.*]]
// CHECK: ^[[CONTINUE]]:
// CHECK: memref.alloc(%[[M]])
// CHECK: ^[[ERROR]]:
// CHECK: llvm.call @mlcRuntimeSetError
// CHECK: %[[FAIL:.*]] = arith.constant 1 : i32
// CHECK: return %[[FAIL]]
// CHECK: @__mlc_metadata("mlc-module 1\0Afunc cast\0Aarg arg0 f32 [?, ?]\0Aret f32 [?]\0A\00")
func.func @cast(%x: !relax.tensor<[?, ?], f32>) -> !relax.tensor<[m], f32> {
  %t = relax.match_cast %x : !relax.tensor<[?, ?], f32> to !relax.tensor<[m, 2 * m], f32>
  %r = relax.call_tir @k(%t) : (!relax.tensor<[m, 2 * m], f32>) -> !relax.tensor<[m], f32>
  return %r : !relax.tensor<[m], f32>
}
