// RUN: mlc-opt %s --transform-interpreter --split-input-file | FileCheck %s

/// compute_at of an elementwise producer under the outer loop of its
/// consumer: the consumer reads row i of B, so the producer iterates over
/// one row (no loop for the unit range) and all 16 columns.
// CHECK-LABEL: tir.prim_func @compute_at_row
// CHECK-SAME: (%[[A:.*]]: memref<8x16xf32>, %[[C:.*]]: memref<8x16xf32>)
// CHECK: %[[B:.*]] = tir.alloc_buffer : memref<8x16xf32>
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[AX:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "B" (%[[VI:.*]]: spatial[8] = %[[I]], %[[VJ:.*]]: spatial[16] = %[[AX]])
// CHECK-NEXT: reads(%[[A]][%[[VI]], %[[VJ]]] : memref<8x16xf32>)
// CHECK-NEXT: writes(%[[B]][%[[VI]], %[[VJ]]] : memref<8x16xf32>) {
// CHECK: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C" (
// CHECK-NOT: tir.for
// CHECK: tir.return
module attributes {transform.with_named_sequence} {
  tir.prim_func @compute_at_row(%A: memref<8x16xf32>, %C: memref<8x16xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c16 = arith.constant 16 : index
    %one = arith.constant 1.0 : f32
    %B = tir.alloc_buffer : memref<8x16xf32>
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c16 {
        tir.block "B" (%vi: spatial[8] = %i, %vj: spatial[16] = %j)
            reads(%A[%vi, %vj] : memref<8x16xf32>) writes(%B[%vi, %vj] : memref<8x16xf32>) {
          %a = memref.load %A[%vi, %vj] : memref<8x16xf32>
          %b = arith.addf %a, %one : f32
          memref.store %b, %B[%vi, %vj] : memref<8x16xf32>
        }
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c16 {
        tir.block "C" (%vi: spatial[8] = %i, %vj: spatial[16] = %j)
            reads(%B[%vi, %vj] : memref<8x16xf32>) writes(%C[%vi, %vj] : memref<8x16xf32>) {
          %b = memref.load %B[%vi, %vj] : memref<8x16xf32>
          %c = arith.mulf %b, %b : f32
          memref.store %c, %C[%vi, %vj] : memref<8x16xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %c : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.compute_at %b, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

/// compute_at of a 1-D producer under the inner loop of a 3-point stencil
/// over a ragged tiled loop (io * 4 + ii < 8): the consumer reads
/// B[io * 4 + ii + k] for k < 3, so at ii the producer computes the 3
/// elements from io * 4 + ii. The range may pass the end of the domain
/// (10), so the block is guarded by `where`; it cannot go below 0, so there
/// is no lower guard.
// CHECK-LABEL: tir.prim_func @compute_at_stencil
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG: %[[C10:.*]] = arith.constant 10 : index
// CHECK: tir.for %[[IO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[II:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: %[[FACTOR:.*]] = arith.constant
// CHECK-NEXT: %[[M:.*]] = arith.muli %[[IO]], %[[FACTOR]] overflow<nsw> : index
// CHECK-NEXT: %[[S:.*]] = arith.addi %[[M]], %[[II]] : index
// CHECK-NEXT: tir.for %[[AX:.*]] = %{{.*}} to %[[C3]] {
// CHECK-NEXT: %[[V:.*]] = arith.addi %[[S]], %[[AX]] : index
// CHECK-NEXT: %[[P:.*]] = arith.cmpi slt, %[[V]], %[[C10]] : index
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[10] = %[[V]])
// CHECK: writes({{.*}}) where(%[[P]]) {
// CHECK: tir.for %{{.*}} = %{{.*}} to %[[C3]] {
// CHECK: tir.block "C" (
module attributes {transform.with_named_sequence} {
  tir.prim_func @compute_at_stencil(%A: memref<10xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c3 = arith.constant 3 : index
    %c4 = arith.constant 4 : index
    %c10 = arith.constant 10 : index
    %zero = arith.constant 0.0 : f32
    %B = tir.alloc_buffer : memref<10xf32>
    tir.for %i = %c0 to %c10 {
      tir.block "B" (%vi: spatial[10] = %i) reads(%A[%vi] : memref<10xf32>)
          writes(%B[%vi] : memref<10xf32>) {
        %a = memref.load %A[%vi] : memref<10xf32>
        memref.store %a, %B[%vi] : memref<10xf32>
      }
    }
    tir.for %io = %c0 to %c3 {
      tir.for %ii = %c0 to %c4 {
        tir.for %k = %c0 to %c3 {
          %base = arith.muli %io, %c4 : index
          %i = arith.addi %base, %ii : index
          %in = arith.cmpi slt, %i, %c8 : index
          tir.block "C" (%vi: spatial[8] = %i, %vk: reduce[3] = %k)
              reads(%B[%vi + %vk] : memref<10xf32>) writes(%C[%vi] : memref<8xf32>)
              where(%in) init {
            memref.store %zero, %C[%vi] : memref<8xf32>
          } {
            %x = arith.addi %vi, %vk : index
            %b = memref.load %B[%x] : memref<10xf32>
            %c = memref.load %C[%vi] : memref<8xf32>
            %s = arith.addf %b, %c : f32
            memref.store %s, %C[%vi] : memref<8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %io, %ii, %k = transform.tir.get_loops %c : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.tir.compute_at %b, %ii : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

/// compute_at of a reduction producer (row sums) under the consumer's loop:
/// the reduce variable keeps its whole domain, the init region moves along.
// CHECK-LABEL: tir.prim_func @compute_at_reduction
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[AX:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "S" (%{{.*}}: spatial[4] = %[[I]], %{{.*}}: reduce[%{{.*}}] = %[[AX]])
// CHECK: init {
// CHECK: tir.block "D" (%{{.*}}: spatial[4] = %[[I]])
module attributes {transform.with_named_sequence} {
  tir.prim_func @compute_at_reduction(%A: memref<4x?xf32>, %D: memref<4xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %zero = arith.constant 0.0 : f32
    %S = tir.alloc_buffer : memref<4xf32>
    tir.for %i = %c0 to %c4 {
      tir.for %k = %c0 to %n {
        tir.block "S" (%vi: spatial[4] = %i, %vk: reduce[%n] = %k)
            reads(%A[%vi, %vk] : memref<4x?xf32>) writes(%S[%vi] : memref<4xf32>) init {
          memref.store %zero, %S[%vi] : memref<4xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x?xf32>
          %s = memref.load %S[%vi] : memref<4xf32>
          %t = arith.addf %a, %s : f32
          memref.store %t, %S[%vi] : memref<4xf32>
        }
      }
    }
    tir.for %i = %c0 to %c4 {
      tir.block "D" (%vi: spatial[4] = %i) reads(%S[%vi] : memref<4xf32>)
          writes(%D[%vi] : memref<4xf32>) {
        %s = memref.load %S[%vi] : memref<4xf32>
        memref.store %s, %D[%vi] : memref<4xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %d = transform.tir.get_block "D" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %d : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_at %s, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

/// reverse_compute_at of an elementwise consumer under the outer loop of a
/// matmul-like producer with a symbolic row count: the consumer iterates
/// over row i and all 16 columns that one iteration of i writes; its
/// domain is the symbolic %n, which i (a loop up to %n) cannot pass, so
/// there is no guard.
// CHECK-LABEL: tir.prim_func @reverse_compute_at_row
// CHECK-SAME: %[[N:[^:]*]]: index)
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.for %{{.*}} = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "B" (
// CHECK: tir.for %[[AX:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[%[[N]]] = %[[I]], %{{.*}}: spatial[16] = %[[AX]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes({{.*}}) {
// CHECK-NOT: tir.for
// CHECK: tir.return
module attributes {transform.with_named_sequence} {
  tir.prim_func @reverse_compute_at_row(%A: memref<?x16xf32>, %C: memref<?x16xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %B = tir.alloc_buffer(%n) : memref<?x16xf32>
    tir.for %i = %c0 to %n {
      tir.for %j = %c0 to %c16 {
        tir.block "B" (%vi: spatial[%n] = %i, %vj: spatial[16] = %j)
            reads(%A[%vi, %vj] : memref<?x16xf32>) writes(%B[%vi, %vj] : memref<?x16xf32>) {
          %a = memref.load %A[%vi, %vj] : memref<?x16xf32>
          memref.store %a, %B[%vi, %vj] : memref<?x16xf32>
        }
      }
    }
    tir.for %i = %c0 to %n {
      tir.for %j = %c0 to %c16 {
        tir.block "C" (%vi: spatial[%n] = %i, %vj: spatial[16] = %j)
            reads(%B[%vi, %vj] : memref<?x16xf32>) writes(%C[%vi, %vj] : memref<?x16xf32>) {
          %b = memref.load %B[%vi, %vj] : memref<?x16xf32>
          memref.store %b, %C[%vi, %vj] : memref<?x16xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reverse_compute_at %c, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

/// reverse_compute_at under the inner loop of a split producer: the
/// consumer reads exactly the element io * 4 + ii, with a constant domain
/// that the range provably stays in: no loop and no guard.
// CHECK-LABEL: tir.prim_func @reverse_compute_at_split
// CHECK: tir.for %[[IO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[II:.*]] = %{{.*}} to %{{.*}} {
// CHECK: tir.block "B" (
// CHECK: }
// CHECK-NEXT: %[[FACTOR:.*]] = arith.constant
// CHECK-NEXT: %[[M:.*]] = arith.muli %[[IO]], %[[FACTOR]] overflow<nsw> : index
// CHECK-NEXT: %[[V:.*]] = arith.addi %[[M]], %[[II]] : index
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[8] = %[[V]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes({{.*}}) {
module attributes {transform.with_named_sequence} {
  tir.prim_func @reverse_compute_at_split(%A: memref<8xf32>, %C: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32>
    tir.for %io = %c0 to %c2 {
      tir.for %ii = %c0 to %c4 {
        %base = arith.muli %io, %c4 : index
        %i = arith.addi %base, %ii : index
        tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
            writes(%B[%vi] : memref<8xf32>) {
          %a = memref.load %A[%vi] : memref<8xf32>
          memref.store %a, %B[%vi] : memref<8xf32>
        }
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.block "C" (%vi: spatial[8] = %i) reads(%B[%vi] : memref<8xf32>)
          writes(%C[%vi] : memref<8xf32>) {
        %b = memref.load %B[%vi] : memref<8xf32>
        memref.store %b, %C[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %io, %ii = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reverse_compute_at %c, %ii : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

/// compute_at with a symbolic row length: the consumer's loop j runs from 0
/// to %n, the producer's domain, so the producer spans its whole row with
/// a loop up to %n and needs no guard.
// CHECK-LABEL: tir.prim_func @compute_at_symbolic
// CHECK-SAME: %[[N:[^:]*]]: index)
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[AX:.*]] = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[4] = %[[I]], %{{.*}}: spatial[%[[N]]] = %[[AX]])
// CHECK-NEXT: reads(
// CHECK-NEXT: writes({{.*}}) {
// CHECK: tir.for %{{.*}} = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.block "C" (
module attributes {transform.with_named_sequence} {
  tir.prim_func @compute_at_symbolic(%A: memref<4x?xf32>, %C: memref<4x?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %B = tir.alloc_buffer(%n) : memref<4x?xf32>
    tir.for %i = %c0 to %c4 {
      tir.for %j = %c0 to %n {
        tir.block "B" (%vi: spatial[4] = %i, %vj: spatial[%n] = %j)
            reads(%A[%vi, %vj] : memref<4x?xf32>) writes(%B[%vi, %vj] : memref<4x?xf32>) {
          %a = memref.load %A[%vi, %vj] : memref<4x?xf32>
          memref.store %a, %B[%vi, %vj] : memref<4x?xf32>
        }
      }
    }
    tir.for %i = %c0 to %c4 {
      tir.for %j = %c0 to %n {
        tir.block "C" (%vi: spatial[4] = %i, %vj: spatial[%n] = %j)
            reads(%B[%vi, %vj] : memref<4x?xf32>) writes(%C[%vi, %vj] : memref<4x?xf32>) {
          %b = memref.load %B[%vi, %vj] : memref<4x?xf32>
          memref.store %b, %C[%vi, %vj] : memref<4x?xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %c : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.compute_at %b, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}

// -----

/// compute_at where the consumer reads B at a symbolic offset `%s + vi`:
/// the region symbol becomes part of the producer's binding, guarded to
/// the producer's domain since `s` is unknown.
// CHECK-LABEL: tir.prim_func @compute_at_symbolic_offset
// CHECK-SAME: %[[S:[a-z0-9]+]]: index)
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: %[[AT:.*]] = arith.addi %[[I]], %[[S]] : index
// CHECK: %[[GUARD:.*]] = arith.andi
// CHECK-NEXT: tir.block "B" (%{{.*}}: spatial[16] = %[[AT]])
// CHECK: where(%[[GUARD]])
// CHECK: tir.block "C"
module attributes {transform.with_named_sequence} {
  tir.prim_func @compute_at_symbolic_offset(%A: memref<16xf32>, %C: memref<8xf32>, %s: index) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c16 = arith.constant 16 : index
    %B = tir.alloc_buffer : memref<16xf32>
    tir.for %i = %c0 to %c16 {
      tir.block "B" (%vi: spatial[16] = %i)
          reads(%A[%vi] : memref<16xf32>) writes(%B[%vi] : memref<16xf32>) {
        %a = memref.load %A[%vi] : memref<16xf32>
        memref.store %a, %B[%vi] : memref<16xf32>
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.block "C" (%vi: spatial[8] = %i)
          reads(%B[%s + %vi] : memref<16xf32>) writes(%C[%vi] : memref<8xf32>) {
        %k = arith.addi %s, %vi : index
        %b = memref.load %B[%k] : memref<16xf32>
        memref.store %b, %C[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %c : (!transform.any_op) -> (!transform.any_op)
    transform.tir.compute_at %b, %i : !transform.any_op, !transform.any_op
    transform.yield
  }
}
