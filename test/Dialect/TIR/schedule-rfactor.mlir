// RUN: mlc-opt %s --transform-interpreter --split-input-file | FileCheck %s

/// rfactor of the whole reduction loop k of a row sum (TVM's example): k
/// becomes the spatial variable of the rf block, which has no reduce
/// variable left, so it stores the product directly; the write-back block
/// reduces the rf buffer over k with the original init.
// CHECK-LABEL: tir.prim_func @rfactor_all
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32>, %[[S:.*]]: memref<4xf32>)
// CHECK: %[[RF:.*]] = tir.alloc_buffer : memref<8x4xf32>
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "S_rf" (%[[VK:.*]]: spatial[8] = %[[K]], %[[VI:.*]]: spatial[4] = %[[I]])
// CHECK-NEXT: reads(%[[A]][%[[VI]], %[[VK]]] : memref<4x8xf32>)
// CHECK-NEXT: writes(%[[RF]][%[[VK]], %[[VI]]] : memref<8x4xf32>) {
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][%[[VI]], %[[VK]]]
// CHECK-NEXT: memref.store %[[X]], %[[RF]][%[[VK]], %[[VI]]]
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: tir.for %[[I2:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K2:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "S" (%[[WI:.*]]: spatial[4] = %[[I2]], %[[WK:.*]]: reduce[8] = %[[K2]])
// CHECK-NEXT: reads(%[[RF]][%[[WK]], %[[WI]]], %[[S]][%[[WI]]] : memref<8x4xf32>, memref<4xf32>)
// CHECK-NEXT: writes(%[[S]][%[[WI]]] : memref<4xf32>) init {
// CHECK-NEXT: memref.store %{{.*}}, %[[S]][%[[WI]]]
// CHECK-NEXT: } {
// CHECK-NEXT: %[[ACC:.*]] = memref.load %[[S]][%[[WI]]]
// CHECK-NEXT: %[[PART:.*]] = memref.load %[[RF]][%[[WK]], %[[WI]]]
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[ACC]], %[[PART]] : f32
// CHECK-NEXT: memref.store %[[SUM]], %[[S]][%[[WI]]]
module attributes {transform.with_named_sequence} {
  tir.prim_func @rfactor_all(%A: memref<4x8xf32>, %S: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %c8 {
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk], %S[%vi] : memref<4x8xf32>, memref<4xf32>)
            writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x8xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %k factor_axis = 0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// rfactor of the inner loop ki of a split max-reduction over a symbolic
/// row length, at the last axis: the rf block reduces over ko (a new reduce
/// variable with the symbolic extent) with vk recomputed as ko * 4 + ki,
/// keeps the init (any init value is fine for max), and the write-back
/// block runs over i and ki.
// CHECK-LABEL: tir.prim_func @rfactor_split_max
// CHECK-SAME: (%[[A:.*]]: memref<?x?xf32>, %[[M:.*]]: memref<?xf32>, %[[N:.*]]: index, %[[KO_N:.*]]: index)
// CHECK: %[[D0:.*]] = memref.dim %[[M]], %{{.*}} : memref<?xf32>
// CHECK-NEXT: %[[RF:.*]] = tir.alloc_buffer(%[[D0]]) : memref<?x4xf32>
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.for %[[KO:.*]] = %{{.*}} to %[[KO_N]] {
// CHECK-NEXT: tir.for %[[KI:.*]] = %{{.*}} to %[[C4:.*]] {
// CHECK: tir.block "M_rf" (%[[RKI:.*]]: spatial[4] = %[[KI]], %[[RI:.*]]: spatial[%[[N]]] = %[[I]], %[[RKO:.*]]: reduce[%[[KO_N]]] = %[[KO]])
// CHECK-NEXT: reads(%[[A]][%[[RI]], %[[RKO]] * 4 + %[[RKI]]], %[[RF]][%[[RI]], %[[RKI]]] : memref<?x?xf32>, memref<?x4xf32>)
// CHECK-NEXT: writes(%[[RF]][%[[RI]], %[[RKI]]] : memref<?x4xf32>) init {
// CHECK-NEXT: memref.store %{{.*}}, %[[RF]][%{{.*}}, %{{.*}}] : memref<?x4xf32>
// CHECK-NEXT: } {
// CHECK-NEXT: %[[FOUR:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[MUL:.*]] = arith.muli %[[RKO]], %[[FOUR]] overflow<nsw> : index
// CHECK-NEXT: %[[VK:.*]] = arith.addi %[[MUL]], %[[RKI]] : index
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][%[[RI]], %[[VK]]]
// CHECK-NEXT: %[[OLD:.*]] = memref.load %[[RF]][%[[RI]], %[[RKI]]]
// CHECK-NEXT: %[[MAX:.*]] = arith.maximumf %[[OLD]], %[[X]] : f32
// CHECK-NEXT: memref.store %[[MAX]], %[[RF]][%[[RI]], %[[RKI]]]
// CHECK: tir.for %[[I2:.*]] = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.for %[[KI2:.*]] = %{{.*}} to %[[C4]] {
// CHECK-NEXT: tir.block "M" (%[[WI:.*]]: spatial[%[[N]]] = %[[I2]], %[[WK:.*]]: reduce[4] = %[[KI2]])
// CHECK-NEXT: reads(%[[RF]][%[[WI]], %[[WK]]], %[[M]][%[[WI]]] : memref<?x4xf32>, memref<?xf32>)
// CHECK: arith.maximumf
module attributes {transform.with_named_sequence} {
  tir.prim_func @rfactor_split_max(%A: memref<?x?xf32>, %M: memref<?xf32>,
                                   %n: index, %ko_n: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %ninf = arith.constant 0xFF800000 : f32
    %m = arith.muli %ko_n, %c4 : index
    tir.for %i = %c0 to %n {
      tir.for %ko = %c0 to %ko_n {
        tir.for %ki = %c0 to %c4 {
          %base = arith.muli %ko, %c4 : index
          %k = arith.addi %base, %ki : index
          tir.block "M" (%vi: spatial[%n] = %i, %vk: reduce[%m] = %k)
              reads(%A[%vi, %vk], %M[%vi] : memref<?x?xf32>, memref<?xf32>)
              writes(%M[%vi] : memref<?xf32>) init {
            memref.store %ninf, %M[%vi] : memref<?xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<?x?xf32>
            %old = memref.load %M[%vi] : memref<?xf32>
            %new = arith.maximumf %old, %a : f32
            memref.store %new, %M[%vi] : memref<?xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "M" in %root : (!transform.any_op) -> !transform.any_op
    %i, %ko, %ki = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %ki factor_axis = -1 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
