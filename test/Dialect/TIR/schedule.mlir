// RUN: mlc-opt %s --transform-interpreter --split-input-file | FileCheck %s

/// get_block, get_loops and the loop kinds on the TVM matmul: i and j are
/// spatial, k feeds the reduce variable and can only be unrolled.
// CHECK-LABEL: tir.prim_func @kinds
// CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK: tir.for vectorized %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK: tir.for unrolled %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK: tir.block "C" (%{{.*}}: spatial[128] = %[[I]], %{{.*}}: spatial[128] = %[[J]], %{{.*}}: reduce[64] = %[[K]])
module attributes {transform.with_named_sequence} {
  tir.prim_func @kinds(%A: memref<128x64xf32>, %B: memref<64x128xf32>,
                       %C: memref<128x128xf32>) {
    %c0 = arith.constant 0 : index
    %c64 = arith.constant 64 : index
    %c128 = arith.constant 128 : index
    tir.for %i = %c0 to %c128 {
      tir.for %j = %c0 to %c128 {
        tir.for %k = %c0 to %c64 {
          tir.block "C" (%vi: spatial[128] = %i, %vj: spatial[128] = %j,
                         %vk: reduce[64] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<128x64xf32>, memref<64x128xf32>)
              writes(%C[%vi, %vj] : memref<128x128xf32>) {
            %a = memref.load %A[%vi, %vk] : memref<128x64xf32>
            %b = memref.load %B[%vk, %vj] : memref<64x128xf32>
            %c = memref.load %C[%vi, %vj] : memref<128x128xf32>
            %prod = arith.mulf %a, %b : f32
            %sum = arith.addf %c, %prod : f32
            memref.store %sum, %C[%vi, %vj] : memref<128x128xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["tir.prim_func"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %b = transform.tir.get_block "C" in %f : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.tir.parallel %i : !transform.any_op
    transform.tir.vectorize %j : !transform.any_op
    transform.tir.unroll %k : !transform.any_op
    transform.yield
  }
}

// -----

/// bind: block and thread axes; a reduce variable may be bound to threadIdx
/// (a cross-thread reduction). annotate merges into existing annotations.
// CHECK-LABEL: tir.prim_func @bind_annotate
// CHECK: tir.for thread_binding("blockIdx.x") %{{.*}} = %{{.*}} to %{{.*}} {
// CHECK: tir.for thread_binding("threadIdx.x") %{{.*}} = %{{.*}} to %{{.*}} annotations {keep = "a", pragma_unroll_explicit = 0 : i64, unroll = 4 : i64} {
module attributes {transform.with_named_sequence} {
  tir.prim_func @bind_annotate(%A: memref<64x32xf32>, %B: memref<64xf32>) {
    %c0 = arith.constant 0 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    tir.for %i = %c0 to %c64 {
      tir.for %k = %c0 to %c32 annotations {keep = "a", pragma_unroll_explicit = 1} {
        tir.block "sum" (%vi: spatial[64] = %i, %vk: reduce[32] = %k)
            reads(%A[%vi, %vk] : memref<64x32xf32>) writes(%B[%vi] : memref<64xf32>) {
          %a = memref.load %A[%vi, %vk] : memref<64x32xf32>
          %b = memref.load %B[%vi] : memref<64xf32>
          %s = arith.addf %a, %b : f32
          memref.store %s, %B[%vi] : memref<64xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "sum" in %root : (!transform.any_op) -> !transform.any_op
    %i, %k = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.bind %i "blockIdx.x" : !transform.any_op
    transform.tir.bind %k "threadIdx.x" : !transform.any_op
    transform.tir.annotate %k {pragma_unroll_explicit = 0, unroll = 4}
        : !transform.any_op
    transform.yield
  }
}

// -----

/// split by an exact factor: no predicate; three factors nest three loops.
// CHECK-LABEL: tir.prim_func @split_exact
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK: tir.for %[[L0:.*]] = %{{.*}} to %[[C2]] {
// CHECK-NEXT: tir.for %[[L1:.*]] = %{{.*}} to %[[C8]] {
// CHECK-NEXT: tir.for vectorized %[[L2:.*]] = %{{.*}} to %[[C4]] {
// CHECK-NEXT: %[[M0:.*]] = arith.muli %[[L0]], %[[C8]] : index
// CHECK-NEXT: %[[A0:.*]] = arith.addi %[[M0]], %[[L1]] : index
// CHECK-NEXT: %[[M1:.*]] = arith.muli %[[A0]], %[[C4]] : index
// CHECK-NEXT: %[[A1:.*]] = arith.addi %[[M1]], %[[L2]] : index
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[64] = %[[A1]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes(%{{.*}}[%{{.*}}] : memref<64xf32>) {
module attributes {transform.with_named_sequence} {
  tir.prim_func @split_exact(%A: memref<64xf32>, %B: memref<64xf32>) {
    %c0 = arith.constant 0 : index
    %c64 = arith.constant 64 : index
    tir.for parallel %i = %c0 to %c64 {
      tir.block "B" (%vi: spatial[64] = %i) reads(%A[%vi] : memref<64xf32>)
          writes(%B[%vi] : memref<64xf32>) {
        %a = memref.load %A[%vi] : memref<64xf32>
        memref.store %a, %B[%vi] : memref<64xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %l0, %l1, %l2 = transform.tir.split %i factors [?, 8, 4]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.tir.vectorize %l2 : !transform.any_op
    transform.yield
  }
}

// -----

/// split of a constant extent that is not a multiple of the factor: the
/// block gets the predicate `outer * 5 + inner < 64`.
// CHECK-LABEL: tir.prim_func @split_guard
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG: %[[C13:.*]] = arith.constant 13 : index
// CHECK-DAG: %[[C5:.*]] = arith.constant 5 : index
// CHECK: tir.for %[[O:.*]] = %{{.*}} to %[[C13]] {
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %[[C5]] {
// CHECK-NEXT: %[[M:.*]] = arith.muli %[[O]], %[[C5]] : index
// CHECK-NEXT: %[[F:.*]] = arith.addi %[[M]], %[[I]] : index
// CHECK-NEXT: %[[P:.*]] = arith.cmpi slt, %[[F]], %[[C64]] : index
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[64] = %[[F]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes(%{{.*}}[%{{.*}}] : memref<64xf32>) where(%[[P]]) {
module attributes {transform.with_named_sequence} {
  tir.prim_func @split_guard(%A: memref<64xf32>, %B: memref<64xf32>) {
    %c0 = arith.constant 0 : index
    %c64 = arith.constant 64 : index
    tir.for %i = %c0 to %c64 {
      tir.block "B" (%vi: spatial[64] = %i) reads(%A[%vi] : memref<64xf32>)
          writes(%B[%vi] : memref<64xf32>) {
        %a = memref.load %A[%vi] : memref<64xf32>
        memref.store %a, %B[%vi] : memref<64xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o, %in = transform.tir.split %i factors [?, 5]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

/// split of a symbolic extent: the outer extent is ceildiv(n, 4), and the
/// new guard is combined with the block's predicate by arith.andi.
// CHECK-LABEL: tir.prim_func @split_symbolic
// CHECK-SAME: (%{{.*}}: memref<?xf32>, %{{.*}}: memref<?xf32>, %[[N:.*]]: index)
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[E:.*]] = arith.ceildivsi %[[N]], %[[C4]] : index
// CHECK: %[[Q:.*]] = arith.cmpi sgt, %[[N]]
// CHECK: tir.for %[[O:.*]] = %{{.*}} to %[[E]] {
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %[[C4]] {
// CHECK-NEXT: %[[M:.*]] = arith.muli %[[O]], %[[C4]] : index
// CHECK-NEXT: %[[F:.*]] = arith.addi %[[M]], %[[I]] : index
// CHECK-NEXT: %[[P:.*]] = arith.cmpi slt, %[[F]], %[[N]] : index
// CHECK-NEXT: %[[AND:.*]] = arith.andi %[[Q]], %[[P]] : i1
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[%[[N]]] = %[[F]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes(%{{.*}}[%{{.*}}] : memref<?xf32>) where(%[[AND]]) {
module attributes {transform.with_named_sequence} {
  tir.prim_func @split_symbolic(%A: memref<?xf32>, %B: memref<?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %q = arith.cmpi sgt, %n, %c16 : index
    tir.for %i = %c0 to %n {
      tir.block "B" (%vi: spatial[%n] = %i) reads(%A[%vi] : memref<?xf32>)
          writes(%B[%vi] : memref<?xf32>) where(%q) {
        %a = memref.load %A[%vi] : memref<?xf32>
        memref.store %a, %B[%vi] : memref<?xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o, %in = transform.tir.split %i factors [?, 4]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

/// split of a symbolic extent with the inner factor inferred.
// CHECK-LABEL: tir.prim_func @split_symbolic_inner
// CHECK-SAME: (%{{.*}}: memref<?xf32>, %{{.*}}: memref<?xf32>, %[[N:.*]]: index)
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK: %[[E:.*]] = arith.ceildivsi %[[N]], %[[C8]] : index
// CHECK: tir.for %[[O:.*]] = %{{.*}} to %[[C8]] {
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %[[E]] {
// CHECK-NEXT: %[[M:.*]] = arith.muli %[[O]], %[[E]] : index
// CHECK-NEXT: %[[F:.*]] = arith.addi %[[M]], %[[I]] : index
// CHECK-NEXT: %[[P:.*]] = arith.cmpi slt, %[[F]], %[[N]] : index
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[%[[N]]] = %[[F]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes(%{{.*}}[%{{.*}}] : memref<?xf32>) where(%[[P]]) {
module attributes {transform.with_named_sequence} {
  tir.prim_func @split_symbolic_inner(%A: memref<?xf32>, %B: memref<?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    tir.for %i = %c0 to %n {
      tir.block "B" (%vi: spatial[%n] = %i) reads(%A[%vi] : memref<?xf32>)
          writes(%B[%vi] : memref<?xf32>) {
        %a = memref.load %A[%vi] : memref<?xf32>
        memref.store %a, %B[%vi] : memref<?xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %b : (!transform.any_op) -> !transform.any_op
    %o, %in = transform.tir.split %i factors [8, ?]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

/// reorder: the given loops permute among the positions they occupy (0 and
/// 2 here); j stays in the middle. The handles follow their loops: after the
/// reorder, %i is the innermost loop and gets vectorized.
// CHECK-LABEL: tir.prim_func @reorder
// CHECK-DAG: %[[C16:.*]] = arith.constant 16 : index
// CHECK-DAG: %[[C32:.*]] = arith.constant 32 : index
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK: tir.for %[[K:.*]] = %{{.*}} to %[[C16]] {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %[[C32]] {
// CHECK-NEXT: tir.for vectorized %[[I:.*]] = %{{.*}} to %[[C64]] {
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[64] = %[[I]], %{{.*}}: spatial[32] = %[[J]], %{{.*}}: reduce[16] = %[[K]])
module attributes {transform.with_named_sequence} {
  tir.prim_func @reorder(%A: memref<64x16xf32>, %C: memref<64x32xf32>) {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    tir.for %i = %c0 to %c64 {
      tir.for %j = %c0 to %c32 {
        tir.for %k = %c0 to %c16 {
          tir.block "C" (%vi: spatial[64] = %i, %vj: spatial[32] = %j,
                         %vk: reduce[16] = %k)
              reads(%A[%vi, %vk] : memref<64x16xf32>)
              writes(%C[%vi, %vj] : memref<64x32xf32>) {
            %a = memref.load %A[%vi, %vk] : memref<64x16xf32>
            %c = memref.load %C[%vi, %vj] : memref<64x32xf32>
            %s = arith.addf %a, %c : f32
            memref.store %s, %C[%vi, %vj] : memref<64x32xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.tir.reorder %k, %i : !transform.any_op, !transform.any_op
    transform.tir.vectorize %i : !transform.any_op
    transform.yield
  }
}

// -----

/// split then reorder (TVM's tiling): the handles to the block and to the
/// other loops stay valid across split; the index computations that split
/// put between the loops move with the innermost body.
// CHECK-LABEL: tir.prim_func @tile
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK: tir.for parallel %[[IO:.*]] = %{{.*}} to %[[C8]] {
// CHECK-NEXT: tir.for %[[JO:.*]] = %{{.*}} to %[[C8]] {
// CHECK-NEXT: tir.for %[[II:.*]] = %{{.*}} to %[[C4]] {
// CHECK-NEXT: %[[MI:.*]] = arith.muli %[[IO]], %[[C4]] : index
// CHECK-NEXT: %[[FI:.*]] = arith.addi %[[MI]], %[[II]] : index
// CHECK-NEXT: tir.for vectorized %[[JI:.*]] = %{{.*}} to %[[C4]] {
// CHECK-NEXT: %[[MJ:.*]] = arith.muli %[[JO]], %[[C4]] : index
// CHECK-NEXT: %[[FJ:.*]] = arith.addi %[[MJ]], %[[JI]] : index
// CHECK-NEXT: tir.block "T" (%{{.*}}: spatial[32] = %[[FI]], %{{.*}}: spatial[32] = %[[FJ]])
module attributes {transform.with_named_sequence} {
  tir.prim_func @tile(%A: memref<32x32xf32>, %B: memref<32x32xf32>) {
    %c0 = arith.constant 0 : index
    %c32 = arith.constant 32 : index
    tir.for %i = %c0 to %c32 {
      tir.for %j = %c0 to %c32 {
        tir.block "T" (%vi: spatial[32] = %i, %vj: spatial[32] = %j)
            reads(%A[%vj, %vi] : memref<32x32xf32>)
            writes(%B[%vi, %vj] : memref<32x32xf32>) {
          %a = memref.load %A[%vj, %vi] : memref<32x32xf32>
          memref.store %a, %B[%vi, %vj] : memref<32x32xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "T" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %io, %ii = transform.tir.split %i factors [?, 4]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %jo, %ji = transform.tir.split %j factors [?, 4]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %jo, %ii : !transform.any_op, !transform.any_op
    transform.tir.parallel %io : !transform.any_op
    transform.tir.vectorize %ji : !transform.any_op
    transform.yield
  }
}

// -----

/// fuse: constant extents give a constant product at the prim_func entry;
/// two parallel loops stay parallel; an index computation between the loops
/// moves into the fused body; annotations are dropped.
// CHECK-LABEL: tir.prim_func @fuse_const
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C32:.*]] = arith.constant 32 : index
// CHECK: tir.for parallel %[[F:.*]] = %{{.*}} to %[[C32]] {
// CHECK-NEXT: %[[I:.*]] = arith.floordivsi %[[F]], %[[C4]] : index
// CHECK-NEXT: %[[J:.*]] = arith.remsi %[[F]], %[[C4]] : index
// CHECK-NEXT: %[[I2:.*]] = arith.addi %[[I]], %[[I]] : index
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[8] = %[[I]], %{{.*}}: spatial[4] = %[[J]], %{{.*}}: spatial[16] = %[[I2]])
// CHECK-NOT: annotations
// CHECK: tir.return
module attributes {transform.with_named_sequence} {
  tir.prim_func @fuse_const(%B: memref<8x4x16xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for parallel %i = %c0 to %c8 annotations {keep = 1} {
      %i2 = arith.addi %i, %i : index
      tir.for parallel %j = %c0 to %c4 {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[4] = %j, %vk: spatial[16] = %i2)
            writes(%B[%vi, %vj, %vk] : memref<8x4x16xf32>) {
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// fuse: symbolic extents give an arith.muli right after their definitions
/// (here, the prim_func entry); different kinds give a serial loop. The
/// fused loop can be fused again (a handle to it is returned).
// CHECK-LABEL: tir.prim_func @fuse_symbolic
// CHECK-SAME: (%{{.*}}: memref<?x?x2xf32>, %[[N:.*]]: index, %[[M:.*]]: index)
// CHECK-NEXT: %[[NM:.*]] = arith.muli %[[N]], %[[M]] : index
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[NM2:.*]] = arith.muli %[[NM]], %[[C2]] : index
// CHECK: tir.for %[[F:.*]] = %{{.*}} to %[[NM2]] {
// CHECK-NEXT: %[[IJ:.*]] = arith.floordivsi %[[F]], %[[C2]] : index
// CHECK-NEXT: %[[K:.*]] = arith.remsi %[[F]], %[[C2]] : index
// CHECK-NEXT: %[[I:.*]] = arith.floordivsi %[[IJ]], %[[M]] : index
// CHECK-NEXT: %[[J:.*]] = arith.remsi %[[IJ]], %[[M]] : index
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[%[[N]]] = %[[I]], %{{.*}}: spatial[%[[M]]] = %[[J]], %{{.*}}: spatial[2] = %[[K]])
module attributes {transform.with_named_sequence} {
  tir.prim_func @fuse_symbolic(%B: memref<?x?x2xf32>, %n: index, %m: index) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    tir.for parallel %i = %c0 to %n {
      tir.for %j = %c0 to %m {
        tir.for unrolled %k = %c0 to %c2 {
          tir.block "B" (%vi: spatial[%n] = %i, %vj: spatial[%m] = %j, %vk: spatial[2] = %k)
              writes(%B[%vi, %vj, %vk] : memref<?x?x2xf32>) {
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %ij = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    %ijk = transform.tir.fuse %ij, %k : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// decompose_reduction at the reduce loop k: no loop is copied, the init
/// block goes right before k, with the spatial variables and the writes.
// CHECK-LABEL: tir.prim_func @decompose_at_k
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C_init" (%[[VI:.*]]: spatial[8] = %[[I]], %[[VJ:.*]]: spatial[8] = %[[J]])
// CHECK-NEXT: writes(%[[C:.*]][%[[VI]], %[[VJ]]] : memref<8x8xf32>) {
// CHECK-NEXT: memref.store %{{.*}}, %[[C]][%[[VI]], %[[VJ]]] : memref<8x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[8] = %[[I]], %{{.*}}: spatial[8] = %[[J]], %{{.*}}: reduce[4] = %[[K]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes({{.*}}) {
// CHECK-NEXT: memref.load
module attributes {transform.with_named_sequence} {
  tir.prim_func @decompose_at_k(%A: memref<8x4xf32>, %B: memref<4x8xf32>,
                                %C: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c8 {
        tir.for %k = %c0 to %c4 {
          tir.block "C" (%vi: spatial[8] = %i, %vj: spatial[8] = %j,
                         %vk: reduce[4] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<8x4xf32>, memref<4x8xf32>)
              writes(%C[%vi, %vj] : memref<8x8xf32>) init {
            memref.store %zero, %C[%vi, %vj] : memref<8x8xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<8x4xf32>
            %b = memref.load %B[%vk, %vj] : memref<4x8xf32>
            %c = memref.load %C[%vi, %vj] : memref<8x8xf32>
            %prod = arith.mulf %a, %b : f32
            %sum = arith.addf %c, %prod : f32
            memref.store %sum, %C[%vi, %vj] : memref<8x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %init = transform.tir.decompose_reduction %b, %k : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// decompose_reduction at the outer loop of a row sum over a split,
/// predicated i: the copies of io and ii keep their kinds (not their
/// annotations), the binding io * 4 + ii is recomputed over the copies, the
/// predicate conjunct on i carries over and the one on k (a dropped loop)
/// does not. The dynamic extent and the parameter buffer stay as they are.
// CHECK-LABEL: tir.prim_func @decompose_outer
// CHECK-SAME: (%[[A:.*]]: memref<?x?xf32>, %[[S:.*]]: memref<?xf32>, %[[N:.*]]: index, %[[M:.*]]: index)
// CHECK: tir.for parallel %[[IO0:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for vectorized %[[II0:.*]] = %{{.*}} to %[[C4:.*]] {
// CHECK-NEXT: %[[MUL0:.*]] = arith.muli %[[IO0]], %[[C4]] : index
// CHECK-NEXT: %[[I0:.*]] = arith.addi %[[MUL0]], %[[II0]] : index
// CHECK-NEXT: %[[P0:.*]] = arith.cmpi slt, %[[I0]], %[[N]] : index
// CHECK-NEXT: tir.block "S_init" (%[[VI0:.*]]: spatial[%[[N]]] = %[[I0]])
// CHECK-NEXT: writes(%[[S]][%[[VI0]]] : memref<?xf32>) where(%[[P0]]) {
// CHECK-NEXT: memref.store %{{.*}}, %[[S]][%[[VI0]]] : memref<?xf32>
// CHECK: tir.for parallel %[[IO:.*]] = %{{.*}} to %{{.*}} annotations {keep = 1 : i64} {
// CHECK-NEXT: tir.for vectorized %[[II:.*]] = %{{.*}} to %[[C4]] {
// CHECK: tir.for %[[K:.*]] = %{{.*}} to %[[M]] {
// CHECK: tir.block "S" (
// CHECK-NOT: init
// CHECK: tir.return
module attributes {transform.with_named_sequence} {
  tir.prim_func @decompose_outer(%A: memref<?x?xf32>, %S: memref<?xf32>,
                                 %n: index, %m: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c5 = arith.constant 5 : index
    %zero = arith.constant 0.0 : f32
    %tiles = arith.ceildivsi %n, %c4 : index
    tir.for parallel %io = %c0 to %tiles annotations {keep = 1} {
      tir.for vectorized %ii = %c0 to %c4 {
        %base = arith.muli %io, %c4 : index
        %i = arith.addi %base, %ii : index
        %in_i = arith.cmpi slt, %i, %n : index
        tir.for %k = %c0 to %m {
          %in_k = arith.cmpi slt, %k, %c5 : index
          %p = arith.andi %in_i, %in_k : i1
          tir.block "S" (%vi: spatial[%n] = %i, %vk: reduce[%m] = %k)
              reads(%A[%vi, %vk] : memref<?x?xf32>)
              writes(%S[%vi] : memref<?xf32>) where(%p) init {
            memref.store %zero, %S[%vi] : memref<?xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<?x?xf32>
            %s = memref.load %S[%vi] : memref<?xf32>
            %sum = arith.addf %s, %a : f32
            memref.store %sum, %S[%vi] : memref<?xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %io, %ii, %k = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %init = transform.tir.decompose_reduction %b, %io : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// reorder_block_iter_var [1, 0] turns (k, i) into (i, k): kinds, extents,
/// bindings, regions and the init follow; the loops are then reordered.
// CHECK-LABEL: tir.prim_func @reorder_block_iter_var
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "S" (%[[VI:.*]]: spatial[8] = %[[I]], %[[VK:.*]]: reduce[4] = %[[K]])
// CHECK-NEXT: reads(%{{.*}}[%[[VI]], %[[VK]]] : memref<8x4xf32>)
// CHECK-NEXT: writes(%{{.*}}[%[[VI]]] : memref<8xf32>) init {
// CHECK-NEXT: memref.store %{{.*}}, %{{.*}}[%[[VI]]] : memref<8xf32>
// CHECK: memref.load %{{.*}}[%[[VI]], %[[VK]]] : memref<8x4xf32>
module attributes {transform.with_named_sequence} {
  tir.prim_func @reorder_block_iter_var(%A: memref<8x4xf32>, %C: memref<8xf32>, %past: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %k = %c0 to %c4 {
      tir.for %i = %c0 to %c8 {
        tir.block "S" (%vk: reduce[4] = %k, %vi: spatial[8] = %i)
            reads(%A[%vi, %vk] : memref<8x4xf32>) writes(%C[%vi] : memref<8xf32>) init {
          memref.store %zero, %C[%vi] : memref<8xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<8x4xf32>
          %c = memref.load %C[%vi] : memref<8xf32>
          %s = arith.addf %c, %a : f32
          memref.store %s, %C[%vi] : memref<8xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %nb = transform.tir.reorder_block_iter_var %b [1, 0] : (!transform.any_op) -> !transform.any_op
    %k, %i = transform.tir.get_loops %nb : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %i, %k : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

/// fuse leaves a block's regions alone, region symbols included.
// CHECK-LABEL: tir.prim_func @fuse_symbolic_region
// CHECK-SAME: %[[PAST:[a-z0-9]+]]: index)
// CHECK: tir.for %{{.*}} = %{{.*}} to %{{.*}} {
// CHECK-NOT: tir.for
// CHECK: tir.block "append"
// CHECK-NEXT: reads(
// CHECK-NEXT: writes(%{{.*}}[%{{.*}} + %[[PAST]], %{{.*}}] : memref<?x8xf32>)
module attributes {transform.with_named_sequence} {
  tir.prim_func @fuse_symbolic_region(%x: memref<4x8xf32>, %cache: memref<?x8xf32>, %past: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c4 {
      tir.for %j = %c0 to %c8 {
        tir.block "append" (%vi: spatial[4] = %i, %vj: spatial[8] = %j)
            reads(%x[%vi, %vj] : memref<4x8xf32>)
            writes(%cache[%past + %vi, %vj] : memref<?x8xf32>) {
          %v = memref.load %x[%vi, %vj] : memref<4x8xf32>
          %row = arith.addi %past, %vi : index
          memref.store %v, %cache[%row, %vj] : memref<?x8xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "append" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f = transform.tir.fuse %i, %j : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.yield
  }
}
