// RUN: mlc-opt %s -split-input-file --tir-default-schedule | FileCheck %s
// RUN: not mlc-opt %s --tir-default-schedule=target=gpu 2>&1 | FileCheck %s --check-prefix=TARGET

// TARGET: tir-default-schedule: unknown target 'gpu' (known: cpu)

/// A matmul: the reduce loop moves outside the innermost spatial loop, so
/// the innermost loop walks C and B contiguously; the outer loop stays
/// parallel.

// CHECK-LABEL: tir.prim_func @matmul
// CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %[[C64:.*]] {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %[[C32:.*]] {
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[%{{.*}}] = %[[I]], %{{.*}}: spatial[32] = %[[J]], %{{.*}}: reduce[64] = %[[K]])
tir.prim_func @matmul(%A: memref<?x64xf32>, %B: memref<64x32xf32>, %C: memref<?x32xf32>, %m: index) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  tir.for parallel %i = %c0 to %m {
    tir.for %j = %c0 to %c32 {
      tir.for %k = %c0 to %c64 {
        tir.block "C" (%vi: spatial[%m] = %i, %vj: spatial[32] = %j, %vk: reduce[64] = %k)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<?x64xf32>, memref<64x32xf32>)
            writes(%C[%vi, %vj] : memref<?x32xf32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<?x32xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<?x64xf32>
          %b = memref.load %B[%vk, %vj] : memref<64x32xf32>
          %c = memref.load %C[%vi, %vj] : memref<?x32xf32>
          %p = arith.mulf %a, %b : f32
          %s = arith.addf %c, %p : f32
          memref.store %s, %C[%vi, %vj] : memref<?x32xf32>
        }
      }
    }
  }
  tir.return
}

// -----

/// A row sum has one spatial loop: moving the reduction outside it would put
/// a serial loop around the parallel one, so it stays.

// CHECK-LABEL: tir.prim_func @row_sum
// CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "S"
tir.prim_func @row_sum(%A: memref<?x64xf32>, %S: memref<?xf32>, %m: index) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  tir.for parallel %i = %c0 to %m {
    tir.for %k = %c0 to %c64 {
      tir.block "S" (%vi: spatial[%m] = %i, %vk: reduce[64] = %k)
          reads(%A[%vi, %vk] : memref<?x64xf32>) writes(%S[%vi] : memref<?xf32>) init {
        memref.store %zero, %S[%vi] : memref<?xf32>
      } {
        %a = memref.load %A[%vi, %vk] : memref<?x64xf32>
        %s = memref.load %S[%vi] : memref<?xf32>
        %t = arith.addf %s, %a : f32
        memref.store %t, %S[%vi] : memref<?xf32>
      }
    }
  }
  tir.return
}

// -----

/// A transposed output (the innermost spatial variable is not the last index
/// written) gains nothing from the rule and stays as it is.

// CHECK-LABEL: tir.prim_func @transposed_out
// CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
tir.prim_func @transposed_out(%A: memref<8x4xf32>, %C: memref<8x8xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  tir.for parallel %i = %c0 to %c8 {
    tir.for %j = %c0 to %c8 {
      tir.for %k = %c0 to %c4 {
        tir.block "C" (%vi: spatial[8] = %i, %vj: spatial[8] = %j, %vk: reduce[4] = %k)
            reads(%A[%vi, %vk], %A[%vj, %vk] : memref<8x4xf32>, memref<8x4xf32>)
            writes(%C[%vj, %vi] : memref<8x8xf32>) init {
          memref.store %zero, %C[%vj, %vi] : memref<8x8xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<8x4xf32>
          %b = memref.load %A[%vj, %vk] : memref<8x4xf32>
          %c = memref.load %C[%vj, %vi] : memref<8x8xf32>
          %p = arith.mulf %a, %b : f32
          %s = arith.addf %c, %p : f32
          memref.store %s, %C[%vj, %vi] : memref<8x8xf32>
        }
      }
    }
  }
  tir.return
}
