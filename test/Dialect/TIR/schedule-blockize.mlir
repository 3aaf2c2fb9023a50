// RUN: mlc-opt %s --transform-interpreter --split-input-file | FileCheck %s

/// blockize of the inner tile loops of a split matmul (the shape tensorize
/// expects): the outer block takes io, jo and ko (bindings `i * 4`, ...
/// divided by the tile sizes), the inner bindings become `vo * 4 + inner`,
/// and the outer regions cover 4x4 / 4x2 tiles. The index computations of
/// the old bindings are gone; the inner block keeps its init.
// CHECK-LABEL: tir.prim_func @blockize_tile
// CHECK-SAME: (%[[A:.*]]: memref<8x8xf32>, %[[B:.*]]: memref<8x8xf32>, %[[C:.*]]: memref<8x8xf32>)
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: tir.for %[[IO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[JO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[KO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C_o" (%[[VIO:.*]]: spatial[2] = %[[IO]], %[[VJO:.*]]: spatial[2] = %[[JO]], %[[VKO:.*]]: reduce[4] = %[[KO]])
// CHECK-NEXT: reads(%[[A]][%[[VIO]] * 4, %[[VKO]] * 2] [4, 2], %[[B]][%[[VKO]] * 2, %[[VJO]] * 4] [2, 4], %[[C]][%[[VIO]] * 4, %[[VJO]] * 4] [4, 4] : memref<8x8xf32>, memref<8x8xf32>, memref<8x8xf32>)
// CHECK-NEXT: writes(%[[C]][%[[VIO]] * 4, %[[VJO]] * 4] [4, 4] : memref<8x8xf32>) {
// CHECK-NEXT: tir.for %[[II:.*]] = %{{.*}} to %[[C4]] {
// CHECK-NEXT: tir.for %[[JI:.*]] = %{{.*}} to %[[C4]] {
// CHECK-NEXT: tir.for %[[KI:.*]] = %{{.*}} to %[[C2]] {
// CHECK-NEXT: %[[MI:.*]] = arith.muli %[[VIO]], %[[C4]] : index
// CHECK-NEXT: %[[I:.*]] = arith.addi %[[MI]], %[[II]] : index
// CHECK-NEXT: %[[MJ:.*]] = arith.muli %[[VJO]], %[[C4]] : index
// CHECK-NEXT: %[[J:.*]] = arith.addi %[[MJ]], %[[JI]] : index
// CHECK-NEXT: %[[MK:.*]] = arith.muli %[[VKO]], %[[C2]] : index
// CHECK-NEXT: %[[K:.*]] = arith.addi %[[MK]], %[[KI]] : index
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[8] = %[[I]], %{{.*}}: spatial[8] = %[[J]], %{{.*}}: reduce[8] = %[[K]])
// CHECK: init {
module attributes {transform.with_named_sequence} {
  tir.prim_func @blockize_tile(%A: memref<8x8xf32>, %B: memref<8x8xf32>,
                               %C: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %zero = arith.constant 0.0 : f32
    tir.for %io = %c0 to %c2 {
      tir.for %jo = %c0 to %c2 {
        tir.for %ko = %c0 to %c4 {
          tir.for %ii = %c0 to %c4 {
            tir.for %ji = %c0 to %c4 {
              tir.for %ki = %c0 to %c2 {
                %i0 = arith.muli %io, %c4 : index
                %i = arith.addi %i0, %ii : index
                %j0 = arith.muli %jo, %c4 : index
                %j = arith.addi %j0, %ji : index
                %k0 = arith.muli %ko, %c2 : index
                %k = arith.addi %k0, %ki : index
                tir.block "C" (%vi: spatial[8] = %i, %vj: spatial[8] = %j,
                               %vk: reduce[8] = %k)
                    reads(%A[%vi, %vk], %B[%vk, %vj], %C[%vi, %vj]
                          : memref<8x8xf32>, memref<8x8xf32>, memref<8x8xf32>)
                    writes(%C[%vi, %vj] : memref<8x8xf32>) init {
                  memref.store %zero, %C[%vi, %vj] : memref<8x8xf32>
                } {
                  %a = memref.load %A[%vi, %vk] : memref<8x8xf32>
                  %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
                  %c = memref.load %C[%vi, %vj] : memref<8x8xf32>
                  %p = arith.mulf %a, %b : f32
                  %s = arith.addf %c, %p : f32
                  memref.store %s, %C[%vi, %vj] : memref<8x8xf32>
                }
              }
            }
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %io, %jo, %ko, %ii, %ji, %ki = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op,
                                  !transform.any_op, !transform.any_op, !transform.any_op)
    %outer = transform.tir.blockize %ii : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// blockize of the inner loop of a row-wise copy: i (outside) becomes the
/// outer variable, the inner binding j stays a loop variable of the inner
/// loop, and the outer regions cover whole rows.
// CHECK-LABEL: tir.prim_func @blockize_row
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "B_o" (%[[VI:.*]]: spatial[4] = %[[I]])
// CHECK-NEXT: reads(%{{.*}}[%[[VI]], 0] [1, 16] : memref<4x16xf32>)
// CHECK-NEXT: writes(%{{.*}}[%[[VI]], 0] [1, 16] : memref<4x16xf32>) {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[4] = %[[VI]], %{{.*}}: spatial[16] = %[[J]])
module attributes {transform.with_named_sequence} {
  tir.prim_func @blockize_row(%A: memref<4x16xf32>, %B: memref<4x16xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c16 = arith.constant 16 : index
    tir.for %i = %c0 to %c4 {
      tir.for %j = %c0 to %c16 {
        tir.block "B" (%vi: spatial[4] = %i, %vj: spatial[16] = %j)
            reads(%A[%vi, %vj] : memref<4x16xf32>) writes(%B[%vi, %vj] : memref<4x16xf32>) {
          %a = memref.load %A[%vi, %vj] : memref<4x16xf32>
          memref.store %a, %B[%vi, %vj] : memref<4x16xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %outer = transform.tir.blockize %j : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// blockize keeps region symbols: the gather's symbolic extent `%rows` and
/// the offset `%past` stay in the outer block's regions, which cover the
/// four columns of the inner loop.
// CHECK-LABEL: tir.prim_func @blockize_symbolic
// CHECK-SAME: %[[ROWS:[a-z0-9]+]]: index, %[[PAST:[a-z0-9]+]]: index)
// CHECK: tir.block "g_o" (%[[VI:.*]]: spatial[4] = %{{.*}}, %[[VJO:.*]]: spatial[2] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[0, %[[VJO]] * 4] [%[[ROWS]], 4] : memref<?x8xf32>)
// CHECK-NEXT: writes(%{{.*}}[%[[VI]] + %[[PAST]], %[[VJO]] * 4] [1, 4] : memref<?x8xf32>)
module attributes {transform.with_named_sequence} {
  tir.prim_func @blockize_symbolic(%T: memref<?x8xf32>, %O: memref<?x8xf32>,
                                   %rows: index, %past: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    tir.for %i = %c0 to %c4 {
      tir.for %jo = %c0 to %c2 {
        tir.for %ji = %c0 to %c4 {
          %j0 = arith.muli %jo, %c4 : index
          %j = arith.addi %j0, %ji : index
          tir.block "g" (%vi: spatial[4] = %i, %vj: spatial[8] = %j)
              reads(%T[0, %vj] [%rows, 1] : memref<?x8xf32>)
              writes(%O[%past + %vi, %vj] : memref<?x8xf32>) {
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "g" in %root : (!transform.any_op) -> !transform.any_op
    %i, %jo, %ji = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %o = transform.tir.blockize %ji : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
