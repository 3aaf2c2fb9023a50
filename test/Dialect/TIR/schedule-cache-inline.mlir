// RUN: mlc-opt %s --transform-interpreter --split-input-file | FileCheck %s

/// get_producers / get_consumers: the blocks of the scope that write what a
/// block reads / read what it writes, each once, in program order.
// CHECK-LABEL: tir.prim_func @producers_consumers
// CHECK: tir.block "A" (
// CHECK-NEXT: writes({{.*}}) {
// CHECK: tir.block "B" (
// CHECK-NEXT: reads(
// CHECK-NEXT: writes({{.*}}) attributes {consumer_of_a, producer_of_d} {
// CHECK: tir.block "C" (
// CHECK-NEXT: reads(
// CHECK-NEXT: writes({{.*}}) attributes {consumer_of_b, producer_of_d} {
// CHECK: tir.block "D" (
// CHECK-NEXT: reads(
// CHECK-NEXT: writes({{.*}}) attributes {consumer_of_b} {
module attributes {transform.with_named_sequence} {
  tir.prim_func @producers_consumers(%A: memref<8xf32>, %B: memref<8xf32>,
                                     %C: memref<8xf32>, %D: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.block "A" (%vi: spatial[8] = %i) writes(%A[%vi] : memref<8xf32>) {
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.block "C" (%vi: spatial[8] = %i) reads(%B[%vi] : memref<8xf32>)
          writes(%C[%vi] : memref<8xf32>) {
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.block "D" (%vi: spatial[8] = %i)
          reads(%B[%vi], %C[%vi] : memref<8xf32>, memref<8xf32>)
          writes(%D[%vi] : memref<8xf32>) {
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.tir.get_block "A" in %root : (!transform.any_op) -> !transform.any_op
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %d = transform.tir.get_block "D" in %root : (!transform.any_op) -> !transform.any_op
    %of_d = transform.tir.get_producers %d : (!transform.any_op) -> !transform.any_op
    transform.annotate %of_d "producer_of_d" : !transform.any_op
    %of_b = transform.tir.get_consumers %b : (!transform.any_op) -> !transform.any_op
    transform.annotate %of_b "consumer_of_b" : !transform.any_op
    %of_a = transform.tir.get_consumers %a : (!transform.any_op) -> !transform.any_op
    transform.annotate %of_a "consumer_of_a" : !transform.any_op
    transform.yield
  }
}

// -----

/// compute_inline through a transposed read: C[i, j] = B[j, i] + 1 with
/// B[i, j] = A[i, j] * 2 becomes C[i, j] = A[j, i] * 2 + 1; the producer's
/// loops and the buffer disappear.
// CHECK-LABEL: tir.prim_func @inline_transpose
// CHECK-SAME: (%[[A:.*]]: memref<16x8xf32>, %[[C:.*]]: memref<8x16xf32>)
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.0
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.0
// CHECK-NOT: tir.alloc_buffer
// CHECK-NOT: tir.block "B"
// CHECK: tir.block "C" (%[[VI:.*]]: spatial[8] = %{{.*}}, %[[VJ:.*]]: spatial[16] = %{{.*}})
// CHECK-NEXT: reads(%[[A]][%[[VJ]], %[[VI]]] : memref<16x8xf32>)
// CHECK-NEXT: writes(%[[C]][%[[VI]], %[[VJ]]] : memref<8x16xf32>) {
// CHECK-NEXT: %[[LOADED:.*]] = memref.load %[[A]][%[[VJ]], %[[VI]]] : memref<16x8xf32>
// CHECK-NEXT: %[[DOUBLED:.*]] = arith.mulf %[[LOADED]], %[[TWO]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[DOUBLED]], %[[ONE]] : f32
// CHECK-NEXT: memref.store %[[SUM]], %[[C]][%[[VI]], %[[VJ]]] : memref<8x16xf32>
module attributes {transform.with_named_sequence} {
  tir.prim_func @inline_transpose(%A: memref<16x8xf32>, %C: memref<8x16xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c16 = arith.constant 16 : index
    %two = arith.constant 2.0 : f32
    %one = arith.constant 1.0 : f32
    %B = tir.alloc_buffer : memref<16x8xf32, #tir.scope<global>>
    tir.for %i = %c0 to %c16 {
      tir.for %j = %c0 to %c8 {
        tir.block "B" (%vi: spatial[16] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<16x8xf32>)
            writes(%B[%vi, %vj] : memref<16x8xf32, #tir.scope<global>>) {
          %a = memref.load %A[%vi, %vj] : memref<16x8xf32>
          %b = arith.mulf %a, %two : f32
          memref.store %b, %B[%vi, %vj] : memref<16x8xf32, #tir.scope<global>>
        }
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c16 {
        tir.block "C" (%vi: spatial[8] = %i, %vj: spatial[16] = %j)
            reads(%B[%vj, %vi] : memref<16x8xf32, #tir.scope<global>>)
            writes(%C[%vi, %vj] : memref<8x16xf32>) {
          %b = memref.load %B[%vj, %vi] : memref<16x8xf32, #tir.scope<global>>
          %c = arith.addf %b, %one : f32
          memref.store %c, %C[%vi, %vj] : memref<8x16xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

/// compute_inline with a symbolic size and a consumer that reads a window of
/// two elements: each load gets its own copy of the producer's computation,
/// and the consumer's region of A is the window too.
// CHECK-LABEL: tir.prim_func @inline_window
// CHECK-SAME: (%[[A:.*]]: memref<?xf32>, %[[C:.*]]: memref<?xf32>, %[[N:.*]]: index)
// CHECK-NOT: tir.alloc_buffer
// CHECK: tir.block "C" (%[[VI:.*]]: spatial[%{{.*}}] = %{{.*}})
// CHECK-NEXT: reads(%[[A]][%[[VI]]] [2] : memref<?xf32>)
// CHECK-NEXT: writes(%[[C]][%[[VI]]] : memref<?xf32>) {
// CHECK-NEXT: %[[NEXT:.*]] = arith.addi %[[VI]], %{{.*}} : index
// CHECK-NEXT: %[[A0:.*]] = memref.load %[[A]][%[[VI]]] : memref<?xf32>
// CHECK-NEXT: %[[E0:.*]] = math.exp %[[A0]] : f32
// CHECK-NEXT: %[[A1:.*]] = memref.load %[[A]][%[[NEXT]]] : memref<?xf32>
// CHECK-NEXT: %[[E1:.*]] = math.exp %[[A1]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[E0]], %[[E1]] : f32
// CHECK-NEXT: memref.store %[[SUM]], %[[C]][%[[VI]]] : memref<?xf32>
module attributes {transform.with_named_sequence} {
  tir.prim_func @inline_window(%A: memref<?xf32>, %C: memref<?xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %m = arith.subi %n, %c1 : index
    %B = tir.alloc_buffer(%n) : memref<?xf32, #tir.scope<global>>
    tir.for %i = %c0 to %n {
      tir.block "B" (%vi: spatial[%n] = %i) reads(%A[%vi] : memref<?xf32>)
          writes(%B[%vi] : memref<?xf32, #tir.scope<global>>) {
        %a = memref.load %A[%vi] : memref<?xf32>
        %e = math.exp %a : f32
        memref.store %e, %B[%vi] : memref<?xf32, #tir.scope<global>>
      }
    }
    tir.for %i = %c0 to %m {
      tir.block "C" (%vi: spatial[%m] = %i)
          reads(%B[%vi] [2] : memref<?xf32, #tir.scope<global>>)
          writes(%C[%vi] : memref<?xf32>) {
        %next = arith.addi %vi, %c1 : index
        %b0 = memref.load %B[%vi] : memref<?xf32, #tir.scope<global>>
        %b1 = memref.load %B[%next] : memref<?xf32, #tir.scope<global>>
        %s = arith.addf %b0, %b1 : f32
        memref.store %s, %C[%vi] : memref<?xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

/// reverse_compute_inline: C[i, j] = B[j, i] * D[j] folds into the producer
/// B[i, j] = A[i, j] + 1, which now stores C[j, i] = (A[i, j] + 1) * D[i]
/// and reads A and D, in the producer's iteration variables.
// CHECK-LABEL: tir.prim_func @reverse_inline
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32>, %[[D:.*]]: memref<4xf32>, %[[C:.*]]: memref<8x4xf32>)
// CHECK-NOT: tir.alloc_buffer
// CHECK: tir.block "B" (%[[VI:.*]]: spatial[4] = %{{.*}}, %[[VJ:.*]]: spatial[8] = %{{.*}})
// CHECK-NEXT: reads(%[[A]][%[[VI]], %[[VJ]]], %[[D]][%[[VI]]] : memref<4x8xf32>, memref<4xf32>)
// CHECK-NEXT: writes(%[[C]][%[[VJ]], %[[VI]]] : memref<8x4xf32>) {
// CHECK-NEXT: %[[LOADED:.*]] = memref.load %[[A]][%[[VI]], %[[VJ]]]
// CHECK-NEXT: %[[PLUS:.*]] = arith.addf %[[LOADED]], %{{.*}} : f32
// CHECK-NEXT: %[[SCALE:.*]] = memref.load %[[D]][%[[VI]]] : memref<4xf32>
// CHECK-NEXT: %[[PROD:.*]] = arith.mulf %[[PLUS]], %[[SCALE]] : f32
// CHECK-NEXT: memref.store %[[PROD]], %[[C]][%[[VJ]], %[[VI]]] : memref<8x4xf32>
// CHECK-NEXT: }
// CHECK-NOT: tir.block "C"
// CHECK: tir.return
module attributes {transform.with_named_sequence} {
  tir.prim_func @reverse_inline(%A: memref<4x8xf32>, %D: memref<4xf32>,
                                %C: memref<8x4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %one = arith.constant 1.0 : f32
    %B = tir.alloc_buffer : memref<4x8xf32, #tir.scope<local>>
    tir.for %i = %c0 to %c4 {
      tir.for %j = %c0 to %c8 {
        tir.block "B" (%vi: spatial[4] = %i, %vj: spatial[8] = %j)
            reads(%A[%vi, %vj] : memref<4x8xf32>)
            writes(%B[%vi, %vj] : memref<4x8xf32, #tir.scope<local>>) {
          %a = memref.load %A[%vi, %vj] : memref<4x8xf32>
          %b = arith.addf %a, %one : f32
          memref.store %b, %B[%vi, %vj] : memref<4x8xf32, #tir.scope<local>>
        }
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.for %j = %c0 to %c4 {
        tir.block "C" (%vi: spatial[8] = %i, %vj: spatial[4] = %j)
            reads(%B[%vj, %vi], %D[%vj] : memref<4x8xf32, #tir.scope<local>>, memref<4xf32>)
            writes(%C[%vi, %vj] : memref<8x4xf32>) {
          %b = memref.load %B[%vj, %vi] : memref<4x8xf32, #tir.scope<local>>
          %d = memref.load %D[%vj] : memref<4xf32>
          %c = arith.mulf %b, %d : f32
          memref.store %c, %C[%vi, %vj] : memref<8x4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.reverse_compute_inline %c : !transform.any_op
    transform.yield
  }
}

// -----

/// cache_read of a matmul operand into shared memory: the cache and a whole
/// copy go right before the matmul's loop nest; the matmul reads the cache.
// CHECK-LABEL: tir.prim_func @cache_read_matmul
// CHECK-SAME: (%[[A:.*]]: memref<8x4xf32>, %[[B:.*]]: memref<4x8xf32>, %[[C:.*]]: memref<8x8xf32>)
// CHECK: %[[AS:.*]] = tir.alloc_buffer : memref<8x4xf32, #tir.scope<shared>>
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C_read0_shared" (%[[VI:.*]]: spatial[8] = %[[I]], %[[VK:.*]]: spatial[4] = %[[K]])
// CHECK-NEXT: reads(%[[A]][%[[VI]], %[[VK]]] : memref<8x4xf32>)
// CHECK-NEXT: writes(%[[AS]][%[[VI]], %[[VK]]] : memref<8x4xf32, #tir.scope<shared>>) {
// CHECK-NEXT: %[[ELEM:.*]] = memref.load %[[A]][%[[VI]], %[[VK]]] : memref<8x4xf32>
// CHECK-NEXT: memref.store %[[ELEM]], %[[AS]][%[[VI]], %[[VK]]] : memref<8x4xf32, #tir.scope<shared>>
// CHECK: tir.block "C"
// CHECK-NEXT: reads(%[[AS]][%{{.*}}, %{{.*}}], %[[B]][%{{.*}}, %{{.*}}] : memref<8x4xf32, #tir.scope<shared>>, memref<4x8xf32>)
// CHECK: memref.load %[[AS]][
// CHECK-NOT: memref.load %[[A]][
// CHECK: tir.return
module attributes {transform.with_named_sequence} {
  tir.prim_func @cache_read_matmul(%A: memref<8x4xf32>, %B: memref<4x8xf32>,
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
            %p = arith.mulf %a, %b : f32
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<8x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %c, 0, "shared"
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// cache_read of a buffer with a symbolic size: the cache and the copy take
/// it from memref.dim.
// CHECK-LABEL: tir.prim_func @cache_read_symbolic
// CHECK-SAME: (%[[A:.*]]: memref<?x4xf32>, %[[B:.*]]: memref<?x4xf32>, %[[N:.*]]: index)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[DIM:.*]] = memref.dim %[[A]], %[[C0]] : memref<?x4xf32>
// CHECK-NEXT: %[[AL:.*]] = tir.alloc_buffer(%[[DIM]]) : memref<?x4xf32, #tir.scope<local>>
// CHECK-NEXT: tir.for %[[I:.*]] = %[[C0]] to %[[DIM]] {
// CHECK-NEXT: tir.for %[[J:.*]] = %[[C0]] to %[[C4]] {
// CHECK-NEXT: tir.block "B_read0_local" (%{{.*}}: spatial[%[[DIM]]] = %[[I]], %{{.*}}: spatial[4] = %[[J]])
// CHECK: tir.block "B"
// CHECK-NEXT: reads(%[[AL]][
// CHECK: memref.load %[[AL]][
module attributes {transform.with_named_sequence} {
  tir.prim_func @cache_read_symbolic(%A: memref<?x4xf32>, %B: memref<?x4xf32>,
                                     %n: index) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    tir.for %i = %c0 to %n {
      tir.for %j = %c0 to %c4 {
        tir.block "B" (%vi: spatial[%n] = %i, %vj: spatial[4] = %j)
            reads(%A[%vi, %vj] : memref<?x4xf32>)
            writes(%B[%vi, %vj] : memref<?x4xf32>) {
          %a = memref.load %A[%vi, %vj] : memref<?x4xf32>
          memref.store %a, %B[%vi, %vj] : memref<?x4xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %b, 0, "local"
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// cache_write of a reduction with an init region into a local buffer over a
/// symbolic size: init and update work on the cache, which a block after the
/// nest copies back.
// CHECK-LABEL: tir.prim_func @cache_write_reduce
// CHECK-SAME: (%[[A:.*]]: memref<?x8xf32>, %[[S:.*]]: memref<?xf32>, %[[N:.*]]: index)
// CHECK: %[[DIM:.*]] = memref.dim %[[S]], %{{.*}} : memref<?xf32>
// CHECK-NEXT: %[[SL:.*]] = tir.alloc_buffer(%[[DIM]]) : memref<?xf32, #tir.scope<local>>
// CHECK-NEXT: tir.for
// CHECK: tir.block "sum"
// CHECK-NEXT: reads(%[[A]][{{.*}}], %[[SL]][{{.*}}] : memref<?x8xf32>, memref<?xf32, #tir.scope<local>>)
// CHECK-NEXT: writes(%[[SL]][{{.*}}] : memref<?xf32, #tir.scope<local>>) init {
// CHECK-NEXT: memref.store %{{.*}}, %[[SL]][
// CHECK: memref.load %[[SL]][
// CHECK: memref.store %{{.*}}, %[[SL]][
// CHECK: tir.for %[[I:.*]] = %{{.*}} to %[[DIM]] {
// CHECK-NEXT: tir.block "sum_write0_local" (%[[V:.*]]: spatial[%[[DIM]]] = %[[I]])
// CHECK-NEXT: reads(%[[SL]][%[[V]]] : memref<?xf32, #tir.scope<local>>)
// CHECK-NEXT: writes(%[[S]][%[[V]]] : memref<?xf32>) {
// CHECK-NEXT: %[[ELEM:.*]] = memref.load %[[SL]][%[[V]]]
// CHECK-NEXT: memref.store %[[ELEM]], %[[S]][%[[V]]] : memref<?xf32>
module attributes {transform.with_named_sequence} {
  tir.prim_func @cache_write_reduce(%A: memref<?x8xf32>, %S: memref<?xf32>,
                                    %n: index) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %n {
      tir.for %k = %c0 to %c8 {
        tir.block "sum" (%vi: spatial[%n] = %i, %vk: reduce[8] = %k)
            reads(%A[%vi, %vk], %S[%vi] : memref<?x8xf32>, memref<?xf32>)
            writes(%S[%vi] : memref<?xf32>) init {
          memref.store %zero, %S[%vi] : memref<?xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<?x8xf32>
          %s = memref.load %S[%vi] : memref<?xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<?xf32>
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "sum" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_write %b, 0, "local"
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// storage_align pads the allocation so that the stride of the axis is
/// offset modulo factor: 16x16 with axis 0, factor 32, offset 8 needs rows of
/// 40; 4x8x4 with axis -2 (stride 4), factor 8, offset 1 needs 9 in the last
/// dimension. Accesses are unchanged.
// CHECK-LABEL: tir.prim_func @align
// CHECK: %[[S:.*]] = tir.alloc_buffer : memref<16x40xf32, #tir.scope<shared>>
// CHECK: %[[T:.*]] = tir.alloc_buffer : memref<4x8x9xf32, #tir.scope<shared>>
// CHECK: tir.block "S"
// CHECK-NEXT: writes(%[[S]][%{{.*}}, %{{.*}}] : memref<16x40xf32, #tir.scope<shared>>)
// CHECK-NEXT: memref.store %{{.*}}, %[[S]][%{{.*}}, %{{.*}}] : memref<16x40xf32, #tir.scope<shared>>
// CHECK: tir.block "T"
// CHECK-NEXT: writes(%[[T]][%{{.*}}, %{{.*}}, %{{.*}}] : memref<4x8x9xf32, #tir.scope<shared>>)
module attributes {transform.with_named_sequence} {
  tir.prim_func @align() {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %zero = arith.constant 0.0 : f32
    %S = tir.alloc_buffer : memref<16x16xf32, #tir.scope<shared>>
    %T = tir.alloc_buffer : memref<4x8x4xf32, #tir.scope<shared>>
    tir.for %i = %c0 to %c16 {
      tir.block "S" (%vi: spatial[16] = %i, %vj: spatial[16] = %i)
          writes(%S[%vi, %vj] : memref<16x16xf32, #tir.scope<shared>>) {
        memref.store %zero, %S[%vi, %vj] : memref<16x16xf32, #tir.scope<shared>>
      }
    }
    tir.block "T" (%v: spatial[4] = %c0)
        writes(%T[%v, %v, %v] : memref<4x8x4xf32, #tir.scope<shared>>) {
      memref.store %zero, %T[%v, %v, %v] : memref<4x8x4xf32, #tir.scope<shared>>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %s, 0, axis = 0, factor = 32, offset = 8
        : !transform.any_op
    %t = transform.tir.get_block "T" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.storage_align %t, 0, axis = -2, factor = 8, offset = 1
        : !transform.any_op
    transform.yield
  }
}

// -----

/// compute_inline into two consumers: D already reads A where the inlined
/// computation does, so its read list keeps one entry for A.
// CHECK-LABEL: tir.prim_func @inline_two_consumers
// CHECK-SAME: (%[[A:.*]]: memref<8xf32>, %[[C:.*]]: memref<8xf32>, %[[D:.*]]: memref<8xf32>)
// CHECK-NOT: tir.alloc_buffer
// CHECK: tir.block "C" (%[[CV:.*]]: spatial[8] = %{{.*}})
// CHECK-NEXT: reads(%[[A]][%[[CV]]] : memref<8xf32>)
// CHECK-NEXT: writes(%[[C]][%[[CV]]] : memref<8xf32>) {
// CHECK-NEXT: %[[CA:.*]] = memref.load %[[A]][%[[CV]]]
// CHECK-NEXT: %[[CNEG:.*]] = arith.negf %[[CA]] : f32
// CHECK-NEXT: memref.store %[[CNEG]], %[[C]][%[[CV]]]
// CHECK: tir.block "D" (%[[DV:.*]]: spatial[8] = %{{.*}})
// CHECK-NEXT: reads(%[[A]][%[[DV]]] : memref<8xf32>)
// CHECK-NEXT: writes(%[[D]][%[[DV]]] : memref<8xf32>) {
// CHECK-NEXT: %[[DA:.*]] = memref.load %[[A]][%[[DV]]]
// CHECK-NEXT: %[[DNEG:.*]] = arith.negf %[[DA]] : f32
// CHECK-NEXT: %[[DSELF:.*]] = memref.load %[[A]][%[[DV]]]
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[DNEG]], %[[DSELF]] : f32
// CHECK-NEXT: memref.store %[[SUM]], %[[D]][%[[DV]]]
module attributes {transform.with_named_sequence} {
  tir.prim_func @inline_two_consumers(%A: memref<8xf32>, %C: memref<8xf32>,
                                      %D: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
        %a = memref.load %A[%vi] : memref<8xf32>
        %n = arith.negf %a : f32
        memref.store %n, %B[%vi] : memref<8xf32, #tir.scope<global>>
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.block "C" (%vi: spatial[8] = %i)
          reads(%B[%vi] : memref<8xf32, #tir.scope<global>>)
          writes(%C[%vi] : memref<8xf32>) {
        %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
        memref.store %b, %C[%vi] : memref<8xf32>
      }
    }
    tir.for %i = %c0 to %c8 {
      tir.block "D" (%vi: spatial[8] = %i)
          reads(%B[%vi], %A[%vi] : memref<8xf32, #tir.scope<global>>, memref<8xf32>)
          writes(%D[%vi] : memref<8xf32>) {
        %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
        %a = memref.load %A[%vi] : memref<8xf32>
        %s = arith.addf %b, %a : f32
        memref.store %s, %D[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    transform.yield
  }
}

// -----

/// cache_read of an intermediate buffer with a symbolic size: the cache
/// reuses the size operand of its tir.alloc_buffer, and the copy goes between
/// the producer's nest and the consumer's. The result handle is a block that
/// later primitives can schedule.
// CHECK-LABEL: tir.prim_func @cache_read_intermediate
// CHECK-SAME: (%[[A:.*]]: memref<?xf32>, %[[C:.*]]: memref<?xf32>, %[[N:.*]]: index)
// CHECK: %[[B:.*]] = tir.alloc_buffer(%[[N]]) : memref<?xf32, #tir.scope<global>>
// CHECK: tir.block "B"
// CHECK: %[[BS:.*]] = tir.alloc_buffer(%[[N]]) : memref<?xf32, #tir.scope<shared>>
// CHECK-NEXT: tir.for parallel %[[I:.*]] = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.block "C_read0_shared" (%[[V:.*]]: spatial[%[[N]]] = %[[I]])
// CHECK-NEXT: reads(%[[B]][%[[V]]] : memref<?xf32, #tir.scope<global>>)
// CHECK-NEXT: writes(%[[BS]][%[[V]]] : memref<?xf32, #tir.scope<shared>>) {
// CHECK: tir.block "C"
// CHECK-NEXT: reads(%[[BS]][
module attributes {transform.with_named_sequence} {
  tir.prim_func @cache_read_intermediate(%A: memref<?xf32>, %C: memref<?xf32>,
                                         %n: index) {
    %c0 = arith.constant 0 : index
    %B = tir.alloc_buffer(%n) : memref<?xf32, #tir.scope<global>>
    tir.for %i = %c0 to %n {
      tir.block "B" (%vi: spatial[%n] = %i) reads(%A[%vi] : memref<?xf32>)
          writes(%B[%vi] : memref<?xf32, #tir.scope<global>>) {
        %a = memref.load %A[%vi] : memref<?xf32>
        memref.store %a, %B[%vi] : memref<?xf32, #tir.scope<global>>
      }
    }
    tir.for %i = %c0 to %n {
      tir.block "C" (%vi: spatial[%n] = %i)
          reads(%B[%vi] : memref<?xf32, #tir.scope<global>>)
          writes(%C[%vi] : memref<?xf32>) {
        %b = memref.load %B[%vi] : memref<?xf32, #tir.scope<global>>
        memref.store %b, %C[%vi] : memref<?xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %c, 0, "shared"
        : (!transform.any_op) -> !transform.any_op
    %i = transform.tir.get_loops %copy : (!transform.any_op) -> !transform.any_op
    transform.tir.parallel %i : !transform.any_op
    transform.yield
  }
}

// -----

/// A rejected primitive leaves the IR unchanged: compute_inline fails only
/// once it composes C's region (A[vi floordiv 2] over a window of two), and
/// the failure is suppressed here.
// CHECK-LABEL: tir.prim_func @rejected_unchanged
// CHECK-SAME: (%[[A:.*]]: memref<4xf32>, %[[C:.*]]: memref<7xf32>)
// CHECK: %[[B:.*]] = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
// CHECK: tir.block "B" (%[[BV:.*]]: spatial[8] = %{{.*}})
// CHECK-NEXT: reads(%[[A]][%[[BV]] floordiv 2] : memref<4xf32>)
// CHECK: tir.block "C" (%[[CV:.*]]: spatial[7] = %{{.*}})
// CHECK-NEXT: reads(%[[B]][%[[CV]]] [2] : memref<8xf32, #tir.scope<global>>)
// CHECK-NEXT: writes(%[[C]][%[[CV]]] : memref<7xf32>) {
// CHECK-NEXT: %[[LOADED:.*]] = memref.load %[[B]][%[[CV]]]
// CHECK-NEXT: memref.store %[[LOADED]], %[[C]][%[[CV]]]
module attributes {transform.with_named_sequence} {
  tir.prim_func @rejected_unchanged(%A: memref<4xf32>, %C: memref<7xf32>) {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %B = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
    tir.block "B" (%vi: spatial[8] = %c0) reads(%A[%vi floordiv 2] : memref<4xf32>)
        writes(%B[%vi] : memref<8xf32, #tir.scope<global>>) {
      %h = arith.floordivsi %vi, %c2 : index
      %a = memref.load %A[%h] : memref<4xf32>
      memref.store %a, %B[%vi] : memref<8xf32, #tir.scope<global>>
    }
    tir.block "C" (%vi: spatial[7] = %c0)
        reads(%B[%vi] [2] : memref<8xf32, #tir.scope<global>>)
        writes(%C[%vi] : memref<7xf32>) {
      %b = memref.load %B[%vi] : memref<8xf32, #tir.scope<global>>
      memref.store %b, %C[%vi] : memref<7xf32>
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    transform.sequence %root : !transform.any_op failures(suppress) {
    ^bb0(%arg: !transform.any_op):
      %b = transform.tir.get_block "B" in %arg : (!transform.any_op) -> !transform.any_op
      transform.tir.compute_inline %b : !transform.any_op
    }
    transform.yield
  }
}
