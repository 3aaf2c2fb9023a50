// RUN: mlc-opt %s --mlc-compile="target=cpu" | FileCheck %s
// RUN: mlc-opt %s --mlc-compile | mlc-translate --mlc-to-shared-library -o %t.so
// RUN: mlc-opt %s --mlc-compile="arch=x86-64 features=+sse2" | FileCheck %s --check-prefix=EXPLICIT
// RUN: llvm-readobj --dyn-symbols %t.so | FileCheck %s --check-prefix=LIBRARY

// relax and tir in, the LLVM dialect out: the kernel, the host function, its
// packed entry point and the metadata.

/// Only the target stays, for code generation.
// CHECK: module attributes {mlc.target = #mlc.target<cpu, triple = "{{.+}}", arch = "{{.+}}"{{.*}}>}
// CHECK-NOT: relax.
// CHECK-NOT: tir.
// CHECK-LABEL: llvm.func @add(
// CHECK-LABEL: llvm.func @main(%{{.*}}: !llvm.ptr,
// CHECK: llvm.call @mlcContextAlloc
// CHECK: llvm.call @add(
// CHECK-LABEL: llvm.func @__mlc_packed_main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK: llvm.mlir.global external constant @__mlc_metadata("mlc-module 2\0Afunc main\0Adevice cpu 0\0Aarg arg0 f32 [n]\0Aarg arg1 f32 [n]\0Aret f32 [n]\0A\00")

// EXPLICIT: module attributes {mlc.target = #mlc.target<cpu, triple = "{{.+}}", arch = "x86-64", features = "+sse2">}

// LIBRARY-DAG: Name: __mlc_packed_main
// LIBRARY-DAG: Name: __mlc_metadata
// LIBRARY-DAG: Name: mlcContextAlloc

tir.prim_func @add(%A: memref<?xf32>, %B: memref<?xf32>, %C: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  tir.for parallel %i = %c0 to %n {
    tir.block "C" (%vi: spatial[%n] = %i) reads(%A[%vi], %B[%vi] : memref<?xf32>, memref<?xf32>)
        writes(%C[%vi] : memref<?xf32>) {
      %a = memref.load %A[%vi] : memref<?xf32>
      %b = memref.load %B[%vi] : memref<?xf32>
      %s = arith.addf %a, %b : f32
      memref.store %s, %C[%vi] : memref<?xf32>
    }
  }
  tir.return
}

func.func @main(%x: !relax.tensor<[n], f32>, %y: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %z = relax.call_tir @add(%x, %y) tir_vars [n] : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %z : !relax.tensor<[n], f32>
}
