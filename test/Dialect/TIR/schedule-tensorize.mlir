// RUN: mlc-opt %s --transform-interpreter --split-input-file | FileCheck %s

/// A matmul over symbolic sizes, tiled 6 x 16 x 64 and tensorized with the
/// AVX2-sized FMA micro-kernel: the tile loops become one block over the tile
/// origins with regions widened to the tile; the split predicates become the
/// kernel's trip counts (edge tiles take the masked kernel).

// CHECK-LABEL: tir.prim_func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<?x?xf32>, %[[B:.*]]: memref<?x?xf32>, %[[C:.*]]: memref<?x?xf32>, %[[M:.*]]: index, %[[N:.*]]: index, %[[K:.*]]: index)
// CHECK: tir.block "C_init"
// CHECK: tir.for %[[KO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[IO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[JO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NOT: tir.for
// CHECK: tir.block "C_cpu.f32_fma_6x16" (%[[VI:.*]]: spatial[%[[M]]] = %{{.*}}, %[[VJ:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VK:.*]]: reduce[%[[K]]] = %{{.*}})
// CHECK-NEXT: reads(%[[A]][%[[VI]], %[[VK]]] [6, 64], %[[B]][%[[VK]], %[[VJ]]] [64, 16] : memref<?x?xf32>, memref<?x?xf32>)
// CHECK-NEXT: writes(%[[C]][%[[VI]], %[[VJ]]] [6, 16] : memref<?x?xf32>) {
// CHECK-DAG: %[[ROWS_LEFT:.*]] = arith.subi %[[M]], %[[VI]] : index
// CHECK-DAG: %[[COLS_LEFT:.*]] = arith.subi %[[N]], %[[VJ]] : index
// CHECK-DAG: %[[STEPS_LEFT:.*]] = arith.subi %[[K]], %[[VK]] : index
// CHECK: scf.if
// CHECK-COUNT-6: memref.prefetch %[[C]][{{.*}}], write, locality<3>, data : memref<?x?xf32>
// CHECK: scf.for {{.*}} iter_args
// CHECK: memref.prefetch %[[B]][{{.*}}], read, locality<3>, data : memref<?x?xf32>
// CHECK-COUNT-6: vector.fma {{.*}} : vector<16xf32>
// CHECK: %[[C_ROW:.*]] = vector.load %[[C]][{{.*}}] : memref<?x?xf32>, vector<16xf32>
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[C_ROW]], %{{.*}} : vector<16xf32>
// CHECK-NEXT: vector.store %[[SUM]], %[[C]][{{.*}}] : memref<?x?xf32>, vector<16xf32>
// CHECK: } else {
// CHECK: vector.create_mask
// CHECK: vector.maskedload
// CHECK: vector.maskedstore
// CHECK-NOT: tir.block "C"
// CHECK: tir.return
module attributes {transform.with_named_sequence} {
  tir.prim_func @matmul(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>,
                        %m: index, %n: index, %k: index) {
    %c0 = arith.constant 0 : index
    tir.for %i = %c0 to %m {
      tir.for %j = %c0 to %n {
        tir.for %r = %c0 to %k {
          tir.block "C" (%vi: spatial[%m] = %i, %vj: spatial[%n] = %j, %vk: reduce[%k] = %r)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<?x?xf32>, memref<?x?xf32>)
              writes(%C[%vi, %vj] : memref<?x?xf32>) init {
            %zero = arith.constant 0.0 : f32
            memref.store %zero, %C[%vi, %vj] : memref<?x?xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<?x?xf32>
            %b = memref.load %B[%vk, %vj] : memref<?x?xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<?x?xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<?x?xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %io, %ii = transform.tir.split %i factors [?, 6] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %jo, %ji = transform.tir.split %j factors [?, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %ko, %ki = transform.tir.split %k factors [?, 64] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %ko, %io, %jo, %ki, %ii, %ji
        : !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op
    %init = transform.tir.decompose_reduction %b, %ko : (!transform.any_op, !transform.any_op) -> !transform.any_op
    %tile = transform.tir.tensorize %ki "cpu.f32_fma_6x16" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// Constant sizes that the tile divides: no predicate, so only the unmasked
/// kernel, with the full 8-step reduction.

// CHECK-LABEL: tir.prim_func @exact
// CHECK: tir.block "C_cpu.f32_fma_6x8"
// CHECK-NOT: scf.if
// CHECK-NOT: vector.maskedload
// CHECK: %[[STEPS:.*]] = arith.constant 8 : index
// CHECK-NOT: scf.if
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[STEPS]] step
// CHECK-COUNT-6: vector.fma {{.*}} : vector<8xf32>
// CHECK-COUNT-6: vector.store
module attributes {transform.with_named_sequence} {
  tir.prim_func @exact(%A: memref<12x8xf32>, %B: memref<8x16xf32>, %C: memref<12x16xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c12 = arith.constant 12 : index
    %c16 = arith.constant 16 : index
    tir.for %i = %c0 to %c12 {
      tir.for %j = %c0 to %c16 {
        tir.for %r = %c0 to %c8 {
          tir.block "C" (%vi: spatial[12] = %i, %vj: spatial[16] = %j, %vk: reduce[8] = %r)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<12x8xf32>, memref<8x16xf32>)
              writes(%C[%vi, %vj] : memref<12x16xf32>) {
            %a = memref.load %A[%vi, %vk] : memref<12x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x16xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<12x16xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<12x16xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %io, %ii = transform.tir.split %i factors [2, 6] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %jo, %ji = transform.tir.split %j factors [2, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %io, %jo, %k, %ii, %ji
        : !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op
    %tile = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// Region symbols survive split, reorder, decompose_reduction and tensorize: B
/// is declared as read over all of its `%k` rows (a symbolic extent), which
/// the tile keeps while its column range widens to the 16 columns.
// CHECK-LABEL: tir.prim_func @symbolic_region
// CHECK-SAME: %[[K:[a-z0-9]+]]: index)
// CHECK: tir.block "C_cpu.f32_fma_6x16"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}}] [6, 64], %{{.*}}[0, %{{.*}}] [%[[K]], 16] : memref<?x?xf32>, memref<?x?xf32>)
module attributes {transform.with_named_sequence} {
  tir.prim_func @symbolic_region(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>,
                                 %m: index, %n: index, %k: index) {
    %c0 = arith.constant 0 : index
    tir.for %i = %c0 to %m {
      tir.for %j = %c0 to %n {
        tir.for %r = %c0 to %k {
          tir.block "C" (%vi: spatial[%m] = %i, %vj: spatial[%n] = %j, %vk: reduce[%k] = %r)
              reads(%A[%vi, %vk], %B[0, %vj] [%k, 1] : memref<?x?xf32>, memref<?x?xf32>)
              writes(%C[%vi, %vj] : memref<?x?xf32>) init {
            %zero = arith.constant 0.0 : f32
            memref.store %zero, %C[%vi, %vj] : memref<?x?xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<?x?xf32>
            %b = memref.load %B[%vk, %vj] : memref<?x?xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<?x?xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<?x?xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %io, %ii = transform.tir.split %i factors [?, 6] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %jo, %ji = transform.tir.split %j factors [?, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %ko, %ki = transform.tir.split %k factors [?, 64] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %ko, %io, %jo, %ki, %ii, %ji
        : !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op
    %init = transform.tir.decompose_reduction %b, %ko : (!transform.any_op, !transform.any_op) -> !transform.any_op
    %tile = transform.tir.tensorize %ki "cpu.f32_fma_6x16" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
