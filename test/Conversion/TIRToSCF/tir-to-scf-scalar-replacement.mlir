// RUN: mlc-opt %s --split-input-file --convert-tir-to-scf | FileCheck %s

/// A row sum into a buffer the kernel allocates: the accumulator becomes a
/// loop-carried value that starts at the init (when the loop runs, else the
/// element as it was) and is stored once after the loop; the next nest's
/// load of the sum moves in front of its loop.
// CHECK-LABEL: func.func @row_sum_then_scale
// CHECK: %[[SUMS:.*]] = memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: %[[OLD:.*]] = memref.load %[[SUMS]][%[[I]]] : memref<?xf32>
// CHECK: %[[RUNS:.*]] = arith.cmpi slt, %{{.*}}, %[[N:.*]] : index
// CHECK: %[[START:.*]] = arith.select %[[RUNS]], %{{.*}}, %[[OLD]] : f32
// CHECK: %[[SUM:.*]] = scf.for %{{.*}} = %{{.*}} to %[[N]] step %{{.*}} iter_args(%[[ACC:.*]] = %[[START]]) -> (f32) {
// CHECK-NOT: memref.store
// CHECK: %[[NEXT:.*]] = arith.addf %[[ACC]], %{{.*}} : f32
// CHECK-NEXT: scf.yield %[[NEXT]] : f32
// CHECK: memref.store %[[SUM]], %[[SUMS]][%[[I]]] : memref<?xf32>
// CHECK: %[[HOISTED:.*]] = memref.load %[[SUMS]][%[[I]]] : memref<?xf32>
// CHECK-NEXT: scf.for
// CHECK: arith.divf %{{.*}}, %[[HOISTED]] : f32
tir.prim_func @row_sum_then_scale(%X: memref<?x?xf32>, %Y: memref<?x?xf32>, %m: index, %n: index) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %sums = tir.alloc_buffer(%m) : memref<?xf32>
  tir.for %i = %c0 to %m {
    tir.for %k = %c0 to %n {
      tir.block "sum" (%vi: spatial[%m] = %i, %vk: reduce[%n] = %k)
          reads(%X[%vi, %vk] : memref<?x?xf32>) writes(%sums[%vi] : memref<?xf32>) init {
        memref.store %zero, %sums[%vi] : memref<?xf32>
      } {
        %x = memref.load %X[%vi, %vk] : memref<?x?xf32>
        %s = memref.load %sums[%vi] : memref<?xf32>
        %t = arith.addf %s, %x : f32
        memref.store %t, %sums[%vi] : memref<?xf32>
      }
    }
    tir.for %j = %c0 to %n {
      tir.block "scale" (%vi: spatial[%m] = %i, %vj: spatial[%n] = %j)
          reads(%X[%vi, %vj], %sums[%vi] : memref<?x?xf32>, memref<?xf32>)
          writes(%Y[%vi, %vj] : memref<?x?xf32>) {
        %x = memref.load %X[%vi, %vj] : memref<?x?xf32>
        %s = memref.load %sums[%vi] : memref<?xf32>
        %y = arith.divf %x, %s : f32
        memref.store %y, %Y[%vi, %vj] : memref<?x?xf32>
      }
    }
  }
  tir.return
}

// -----

/// Parameters may alias each other, so an accumulator in a parameter stays
/// in memory.
// CHECK-LABEL: func.func @parameter_accumulator
// CHECK: scf.for
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: memref.load %{{.*}} : memref<?xf32>
// CHECK: memref.store %{{.*}} : memref<?xf32>
tir.prim_func @parameter_accumulator(%X: memref<?x?xf32>, %S: memref<?xf32>, %m: index, %n: index) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %m {
    tir.for %k = %c0 to %n {
      tir.block "sum" (%vi: spatial[%m] = %i, %vk: reduce[%n] = %k)
          reads(%X[%vi, %vk] : memref<?x?xf32>) writes(%S[%vi] : memref<?xf32>) init {
        memref.store %zero, %S[%vi] : memref<?xf32>
      } {
        %x = memref.load %X[%vi, %vk] : memref<?x?xf32>
        %s = memref.load %S[%vi] : memref<?xf32>
        %t = arith.addf %s, %x : f32
        memref.store %t, %S[%vi] : memref<?xf32>
      }
    }
  }
  tir.return
}
