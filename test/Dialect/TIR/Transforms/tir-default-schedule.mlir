// RUN: mlc-opt %s -split-input-file --tir-default-schedule | FileCheck %s

/// An integer matmul (the f32 micro-kernel does not apply): the reduce loop moves outside the innermost spatial loop, so
/// the innermost loop walks C and B contiguously. The symbolic row loop is
/// then split into tiles of 8 rows (guarded by a predicate), whose outer loop
/// stays parallel; the reduction (64, no more than one tile) stays whole.

// CHECK-LABEL: tir.prim_func @matmul
// CHECK-SAME: (%{{.*}}: memref<?x64xi32>, %{{.*}}: memref<64x32xi32>, %{{.*}}: memref<?x32xi32>, %[[M:.*]]: index)
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK-DAG: %[[TILES:.*]] = arith.ceildivsi %[[M]], %[[C8]] : index
// CHECK: tir.for parallel %[[IO:.*]] = %{{.*}} to %[[TILES]] {
// CHECK-NEXT: tir.for %[[II:.*]] = %{{.*}} to %[[C8]] {
// CHECK-NEXT: %[[SCALED:.*]] = arith.muli %[[IO]], %[[C8]] : index
// CHECK-NEXT: %[[I:.*]] = arith.addi %[[SCALED]], %[[II]] : index
// CHECK-NEXT: %[[IN:.*]] = arith.cmpi slt, %[[I]], %[[M]] : index
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %[[C64:.*]] {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %[[C32:.*]] {
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[%[[M]]] = %[[I]], %{{.*}}: spatial[32] = %[[J]], %{{.*}}: reduce[64] = %[[K]])
// CHECK: where(%[[IN]])
tir.prim_func @matmul(%A: memref<?x64xi32>, %B: memref<64x32xi32>, %C: memref<?x32xi32>, %m: index) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0 : i32
  tir.for parallel %i = %c0 to %m {
    tir.for %j = %c0 to %c32 {
      tir.for %k = %c0 to %c64 {
        tir.block "C" (%vi: spatial[%m] = %i, %vj: spatial[32] = %j, %vk: reduce[64] = %k)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<?x64xi32>, memref<64x32xi32>)
            writes(%C[%vi, %vj] : memref<?x32xi32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<?x32xi32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<?x64xi32>
          %b = memref.load %B[%vk, %vj] : memref<64x32xi32>
          %c = memref.load %C[%vi, %vj] : memref<?x32xi32>
          %p = arith.muli %a, %b : i32
          %s = arith.addi %c, %p : i32
          memref.store %s, %C[%vi, %vj] : memref<?x32xi32>
        }
      }
    }
  }
  tir.return
}

// -----

/// With a symbolic reduction as well, both are tiled: tiles of 8 rows
/// (parallel), then tiles of 64 reduction steps, then the rows and steps of
/// one tile; the innermost loop is not split, so it carries no predicate of
/// its own and still vectorizes.

// CHECK-LABEL: tir.prim_func @matmul_symbolic
// CHECK-SAME: (%{{.*}}: memref<?x?xi32>, %{{.*}}: memref<?x?xi32>, %{{.*}}: memref<?x?xi32>, %[[M:[^:]*]]: index, %[[K:[^:]*]]: index, %[[N:[^:]*]]: index)
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG: %[[KTILES:.*]] = arith.ceildivsi %[[K]], %[[C64]] : index
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK-DAG: %[[MTILES:.*]] = arith.ceildivsi %[[M]], %[[C8]] : index
// CHECK: tir.for parallel %[[IO:.*]] = %{{.*}} to %[[MTILES]] {
// CHECK-NEXT: tir.for %[[KO:.*]] = %{{.*}} to %[[KTILES]] {
// CHECK-NEXT: tir.for %[[II:.*]] = %{{.*}} to %[[C8]] {
// CHECK: %[[IIN:.*]] = arith.cmpi slt, %{{.*}}, %[[M]] : index
// CHECK-NEXT: tir.for %[[KI:.*]] = %{{.*}} to %[[C64]] {
// CHECK: %[[KIN:.*]] = arith.cmpi slt, %{{.*}}, %[[K]] : index
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %[[N]] {
// CHECK-NEXT: %[[IN:.*]] = arith.andi %[[IIN]], %[[KIN]] : i1
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[%[[M]]] = %{{.*}}, %{{.*}}: spatial[%[[N]]] = %[[J]], %{{.*}}: reduce[%[[K]]] = %{{.*}})
// CHECK: where(%[[IN]])
tir.prim_func @matmul_symbolic(%A: memref<?x?xi32>, %B: memref<?x?xi32>, %C: memref<?x?xi32>, %m: index, %k: index, %n: index) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0 : i32
  tir.for parallel %i = %c0 to %m {
    tir.for %j = %c0 to %n {
      tir.for %r = %c0 to %k {
        tir.block "C" (%vi: spatial[%m] = %i, %vj: spatial[%n] = %j, %vk: reduce[%k] = %r)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<?x?xi32>, memref<?x?xi32>)
            writes(%C[%vi, %vj] : memref<?x?xi32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<?x?xi32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<?x?xi32>
          %b = memref.load %B[%vk, %vj] : memref<?x?xi32>
          %c = memref.load %C[%vi, %vj] : memref<?x?xi32>
          %p = arith.muli %a, %b : i32
          %s = arith.addi %c, %p : i32
          memref.store %s, %C[%vi, %vj] : memref<?x?xi32>
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

/// A transposed output `C[j, i] += A[i, k] * A[j, k]` is a matmul with the
/// roles of i and j exchanged and B transposed: the variables and loops are
/// put in C's order (j, i, k), the row loop parallel, and the reduction
/// stays innermost as dot products over rows of A.

// CHECK-LABEL: tir.prim_func @transposed_out
// CHECK: tir.for parallel %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[8] = %[[J]], %{{.*}}: spatial[8] = %[[I]], %{{.*}}: reduce[4] = %[[K]])
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
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

// -----

/// An f32 matmul in the form relax-legalize emits, on an AVX2 target without
/// cache sizes (taken as 32 KiB of L1, 1 MiB of L2): the GotoBLAS tiling
/// `k/256, i/192, j/16, i/6` with the 6 x 16 FMA micro-kernel
/// on the inner tile, the column-tile loop parallel, and the init in its own
/// nest in front. The row count is symbolic, so the nest is duplicated under
/// an scf.if: from 512 rows B is first packed into 16-column panels (full
/// panels, then the guarded partial one; the buffer has no panels when
/// unused), A into 6-row panels (rows past m skipped), and the kernel that
/// reads both packed runs; below, the plain one.

// CHECK-LABEL: tir.prim_func @matmul_avx2
// CHECK-SAME: %[[M:[a-z0-9]+]]: index, %{{.*}}: index, %{{.*}}: index)
// CHECK: %[[MANY:.*]] = arith.cmpi sge, %[[M]], %{{.*}} : index
// CHECK: %[[USED:.*]] = arith.select %[[MANY]]
// CHECK: %[[PANELS:.*]] = tir.alloc_buffer(%[[USED]], %{{.*}}) : memref<?x?x16xf32>
// CHECK: scf.if %[[MANY]] {
// CHECK: tir.block "B_pack"
// CHECK-NEXT: reads(
// CHECK-NEXT: writes(%[[PANELS]]{{.*}}) {
// CHECK: tir.block "B_pack_tail"
// CHECK: tir.block "A_pack"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}} * 6 + %{{.*}}, %{{.*}}] : memref<?x?xf32>)
// CHECK-NEXT: writes(%[[APANELS:.*]][{{.*}}] : memref<?x?x6xf32>) where
// CHECK: tir.block "C_init"
// CHECK: tir.for %[[KO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[IC:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for parallel %[[JO:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[IO:.*]] = %{{.*}} to %{{.*}} {
// CHECK: tir.block "C_cpu.f32_fma_6x16_packed_ab"
// CHECK-NEXT: reads(%[[APANELS]][%{{.*}} floordiv 6, %{{.*}}, %{{.*}} mod 6] [1, 256, 6], %[[PANELS]][%{{.*}} floordiv 16, %{{.*}}, %{{.*}} mod 16] [1, 256, 16]
// CHECK: vector.load %[[PANELS]]
// CHECK: } else {
// CHECK: tir.block "C_init"
// CHECK: tir.block "C_cpu.f32_fma_6x16"
// CHECK: vector.fma {{.*}} : vector<16xf32>
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "znver3", features = "+avx,+avx2,+fma">} {
  tir.prim_func @matmul_avx2(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>,
                             %m: index, %n: index, %k: index) {
    %c0 = arith.constant 0 : index
    tir.for parallel %i = %c0 to %m {
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
}

// -----

/// Without a target, the 128-bit baseline: 6 x 8 tiles of 4-lane vectors.
/// Few rows (a constant below 512): no packing, no duplicate.

// CHECK-LABEL: tir.prim_func @matmul_baseline
// CHECK-NOT: B_pack
// CHECK: tir.block "C_cpu.f32_fma_6x8"
// CHECK: vector.fma {{.*}} : vector<8xf32>
tir.prim_func @matmul_baseline(%A: memref<64x?xf32>, %B: memref<?x?xf32>, %C: memref<64x?xf32>,
                               %n: index, %k: index) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  tir.for parallel %i = %c0 to %c64 {
    tir.for %j = %c0 to %n {
      tir.for %r = %c0 to %k {
        tir.block "C" (%vi: spatial[64] = %i, %vj: spatial[%n] = %j, %vk: reduce[%k] = %r)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<64x?xf32>, memref<?x?xf32>)
            writes(%C[%vi, %vj] : memref<64x?xf32>) init {
          %zero = arith.constant 0.0 : f32
          memref.store %zero, %C[%vi, %vj] : memref<64x?xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<64x?xf32>
          %b = memref.load %B[%vk, %vj] : memref<?x?xf32>
          %p = arith.mulf %a, %b : f32
          %c = memref.load %C[%vi, %vj] : memref<64x?xf32>
          %s = arith.addf %c, %p : f32
          memref.store %s, %C[%vi, %vj] : memref<64x?xf32>
        }
      }
    }
  }
  tir.return
}

// -----

/// Softmax as relax-legalize emits it: four nests over the rows. The three
/// producers move under the normalization's parallel row loop (compute_at),
/// so each row stays in cache through the four passes; the intermediates
/// shrink to one row allocated per iteration (the exponentials: [1, n]
/// instead of [m, n]); the float sum may reassociate, so it vectorizes (max
/// needs no flag); the division by the row's sum may use its reciprocal.

// CHECK-LABEL: tir.prim_func @softmax
// CHECK: tir.for parallel %[[ROW:.*]] = %{{.*}} to %[[M:.*]] {
// CHECK-NEXT: %[[SUM:.*]] = tir.alloc_buffer : memref<1xf32>
// CHECK-NEXT: %[[EXP:.*]] = tir.alloc_buffer(%[[N:.*]]) : memref<1x?xf32>
// CHECK-NEXT: %[[MAX:.*]] = tir.alloc_buffer : memref<1xf32>
// CHECK-NEXT: tir.for %{{.*}} = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.block "T_softmax_maxelem" ({{.*}} = %[[ROW]], {{.*}})
// CHECK: arith.maximumf %{{.*}}, %{{.*}} : f32
// CHECK: tir.for %{{.*}} = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.block "T_softmax_exp" ({{.*}} = %[[ROW]], %[[VJ:[a-z0-9]+]]: {{.*}})
// CHECK-NEXT: reads(%{{.*}}, %[[MAX]][0] : memref<?x?xf32>, memref<1xf32>)
// CHECK-NEXT: writes(%[[EXP]][0, %[[VJ]]] : memref<1x?xf32>)
// CHECK: tir.for %{{.*}} = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.block "T_softmax_expsum" ({{.*}} = %[[ROW]], {{.*}})
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
// CHECK: tir.for %{{.*}} = %{{.*}} to %[[N]] {
// CHECK-NEXT: tir.block "T_softmax_norm" ({{.*}} = %[[ROW]], {{.*}})
// CHECK: arith.divf %{{.*}}, %{{.*}} fastmath<arcp> : f32
// CHECK-NOT: tir.for parallel
// CHECK: tir.return
  tir.prim_func @softmax(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>, %arg2: index, %arg3: index) {
    %0 = tir.alloc_buffer(%arg2) : memref<?xf32>
    %1 = tir.alloc_buffer(%arg2, %arg3) : memref<?x?xf32>
    %2 = tir.alloc_buffer(%arg2) : memref<?xf32>
    %c0 = arith.constant 0 : index
    tir.for parallel %arg4 = %c0 to %arg2 {
      tir.for %arg5 = %c0 to %arg3 {
        tir.block "T_softmax_maxelem" (%arg6: spatial[%arg2] = %arg4, %arg7: reduce[%arg3] = %arg5)
            reads(%arg0[%arg6, %arg7] : memref<?x?xf32>)
            writes(%0[%arg6] : memref<?xf32>) init {
          %cst = arith.constant 0xFF800000 : f32
          memref.store %cst, %0[%arg6] : memref<?xf32>
        } {
          %3 = memref.load %0[%arg6] : memref<?xf32>
          %4 = memref.load %arg0[%arg6, %arg7] : memref<?x?xf32>
          %5 = arith.maximumf %3, %4 : f32
          memref.store %5, %0[%arg6] : memref<?xf32>
        }
      }
    }
    tir.for parallel %arg4 = %c0 to %arg2 {
      tir.for %arg5 = %c0 to %arg3 {
        tir.block "T_softmax_exp" (%arg6: spatial[%arg2] = %arg4, %arg7: spatial[%arg3] = %arg5)
            reads(%arg0[%arg6, %arg7], %0[%arg6] : memref<?x?xf32>, memref<?xf32>)
            writes(%1[%arg6, %arg7] : memref<?x?xf32>) {
          %3 = memref.load %arg0[%arg6, %arg7] : memref<?x?xf32>
          %4 = memref.load %0[%arg6] : memref<?xf32>
          %5 = arith.subf %3, %4 : f32
          %6 = math.exp %5 : f32
          memref.store %6, %1[%arg6, %arg7] : memref<?x?xf32>
        }
      }
    }
    tir.for parallel %arg4 = %c0 to %arg2 {
      tir.for %arg5 = %c0 to %arg3 {
        tir.block "T_softmax_expsum" (%arg6: spatial[%arg2] = %arg4, %arg7: reduce[%arg3] = %arg5)
            reads(%1[%arg6, %arg7] : memref<?x?xf32>)
            writes(%2[%arg6] : memref<?xf32>) init {
          %cst = arith.constant 0.000000e+00 : f32
          memref.store %cst, %2[%arg6] : memref<?xf32>
        } {
          %3 = memref.load %2[%arg6] : memref<?xf32>
          %4 = memref.load %1[%arg6, %arg7] : memref<?x?xf32>
          %5 = arith.addf %3, %4 : f32
          memref.store %5, %2[%arg6] : memref<?xf32>
        }
      }
    }
    tir.for parallel %arg4 = %c0 to %arg2 {
      tir.for %arg5 = %c0 to %arg3 {
        tir.block "T_softmax_norm" (%arg6: spatial[%arg2] = %arg4, %arg7: spatial[%arg3] = %arg5)
            reads(%1[%arg6, %arg7], %2[%arg6] : memref<?x?xf32>, memref<?xf32>)
            writes(%arg1[%arg6, %arg7] : memref<?x?xf32>) {
          %3 = memref.load %1[%arg6, %arg7] : memref<?x?xf32>
          %4 = memref.load %2[%arg6] : memref<?xf32>
          %5 = arith.divf %3, %4 : f32
          memref.store %5, %arg1[%arg6, %arg7] : memref<?x?xf32>
        }
      }
    }
    tir.return
  }

// -----

/// A row sum over the innermost loop: the sum may reassociate, so it
/// vectorizes. A max needs no flag; an integer sum is exact anyway.

// CHECK-LABEL: tir.prim_func @inner_sum_f32
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
// CHECK-LABEL: tir.prim_func @inner_sum_i32
// CHECK: arith.addi %{{.*}}, %{{.*}} : i32
tir.prim_func @inner_sum_f32(%X: memref<?x?xf32>, %S: memref<?xf32>, %m: index, %n: index) {
  %c0 = arith.constant 0 : index
  tir.for parallel %i = %c0 to %m {
    tir.for %k = %c0 to %n {
      tir.block "S" (%vi: spatial[%m] = %i, %vk: reduce[%n] = %k)
          reads(%X[%vi, %vk] : memref<?x?xf32>) writes(%S[%vi] : memref<?xf32>) init {
        %zero = arith.constant 0.0 : f32
        memref.store %zero, %S[%vi] : memref<?xf32>
      } {
        %s = memref.load %S[%vi] : memref<?xf32>
        %x = memref.load %X[%vi, %vk] : memref<?x?xf32>
        %t = arith.addf %s, %x : f32
        memref.store %t, %S[%vi] : memref<?xf32>
      }
    }
  }
  tir.return
}

tir.prim_func @inner_sum_i32(%X: memref<?x?xi32>, %S: memref<?xi32>, %m: index, %n: index) {
  %c0 = arith.constant 0 : index
  tir.for parallel %i = %c0 to %m {
    tir.for %k = %c0 to %n {
      tir.block "S" (%vi: spatial[%m] = %i, %vk: reduce[%n] = %k)
          reads(%X[%vi, %vk] : memref<?x?xi32>) writes(%S[%vi] : memref<?xi32>) init {
        %zero = arith.constant 0 : i32
        memref.store %zero, %S[%vi] : memref<?xi32>
      } {
        %s = memref.load %S[%vi] : memref<?xi32>
        %x = memref.load %X[%vi, %vk] : memref<?x?xi32>
        %t = arith.addi %s, %x : i32
        memref.store %t, %S[%vi] : memref<?xi32>
      }
    }
  }
  tir.return
}

// -----

/// relax-legalize's batched matmul (no broadcast batch): the batch loop
/// splits off a one-batch loop right outside the tile, which the batched
/// micro-kernel replaces.

// CHECK-LABEL: tir.prim_func @batched_matmul
// CHECK: tir.block "T_matmul_init"
// CHECK: tir.block "T_matmul_cpu.f32_fma_6x16_batched"
// CHECK-SAME: spatial{{.*}}spatial{{.*}}spatial{{.*}}reduce
// CHECK: vector.fma {{.*}} : vector<16xf32>
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "znver3", features = "+avx,+avx2,+fma">} {
    tir.prim_func @batched_matmul(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<?x?x?xf32>, %arg3: index, %arg4: index, %arg5: index, %arg6: index) {
      %c0 = arith.constant 0 : index
      tir.for parallel %arg7 = %c0 to %arg3 {
        tir.for %arg8 = %c0 to %arg4 {
          tir.for %arg9 = %c0 to %arg6 {
            tir.for %arg10 = %c0 to %arg5 {
              tir.block "T_matmul" (%arg11: spatial[%arg3] = %arg7, %arg12: spatial[%arg4] = %arg8, %arg13: spatial[%arg6] = %arg9, %arg14: reduce[%arg5] = %arg10)
                  reads(%arg0[%arg11, %arg12, %arg14], %arg1[%arg11, %arg14, %arg13] : memref<?x?x?xf32>, memref<?x?x?xf32>)
                  writes(%arg2[%arg11, %arg12, %arg13] : memref<?x?x?xf32>) init {
                %cst = arith.constant 0.000000e+00 : f32
                memref.store %cst, %arg2[%arg11, %arg12, %arg13] : memref<?x?x?xf32>
              } {
                %0 = memref.load %arg0[%arg11, %arg12, %arg14] : memref<?x?x?xf32>
                %1 = memref.load %arg1[%arg11, %arg14, %arg13] : memref<?x?x?xf32>
                %2 = arith.mulf %0, %1 : f32
                %3 = memref.load %arg2[%arg11, %arg12, %arg13] : memref<?x?x?xf32>
                %4 = arith.addf %3, %2 : f32
                memref.store %4, %arg2[%arg11, %arg12, %arg13] : memref<?x?x?xf32>
              }
            }
          }
        }
      }
      tir.return
    }
}

// -----

/// Parallelism is the target's decision: the outermost loop of each nest
/// becomes parallel when it binds only spatial iteration variables (here a
/// hand-written kernel with serial loops); a nest whose outermost loop is a
/// reduction stays serial.
// CHECK-LABEL: tir.prim_func @serial_kernel
// CHECK: tir.for parallel %{{.*}} = %{{.*}} to %{{.*}} {
// CHECK: tir.block "scale"
// CHECK: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NOT: parallel
// CHECK: tir.block "total"
tir.prim_func @serial_kernel(%A: memref<?xf32>, %B: memref<?xf32>, %S: memref<f32>, %n: index) {
  %c0 = arith.constant 0 : index
  %two = arith.constant 2.0 : f32
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %n {
    tir.block "scale" (%vi: spatial[%n] = %i)
        reads(%A[%vi] : memref<?xf32>) writes(%B[%vi] : memref<?xf32>) {
      %a = memref.load %A[%vi] : memref<?xf32>
      %b = arith.mulf %a, %two : f32
      memref.store %b, %B[%vi] : memref<?xf32>
    }
  }
  tir.for %k = %c0 to %n {
    tir.block "total" (%vk: reduce[%n] = %k)
        reads(%B[%vk] : memref<?xf32>) writes(%S[] : memref<f32>) init {
      memref.store %zero, %S[] : memref<f32>
    } {
      %b = memref.load %B[%vk] : memref<?xf32>
      %s = memref.load %S[] : memref<f32>
      %t = arith.addf %s, %b : f32
      memref.store %t, %S[] : memref<f32>
    }
  }
  tir.return
}

// -----

/// The blocking comes from the target's caches: with AVX-512 and 48 KiB of
/// L1 the panel of B (kc x 32 floats) takes half of L1, so kc = 192; with 2
/// MiB of L2, 32 row tiles of 6 (i/192).

// CHECK-LABEL: tir.prim_func @matmul_avx512_caches
// CHECK: tir.for %{{.*}} = %{{.*}} to %[[KTILES:.*]] {
// CHECK: tir.block "C_cpu.f32_fma_6x32"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}}] [6, 192], %{{.*}}[%{{.*}}, %{{.*}}] [192, 32]
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "icelake-server", features = "+avx,+avx2,+fma,+avx512f", l1 = 49152, l2 = 2097152>} {
  tir.prim_func @matmul_avx512_caches(%A: memref<64x384xf32>, %B: memref<384x64xf32>, %C: memref<64x64xf32>) {
    %c0 = arith.constant 0 : index
    %c64 = arith.constant 64 : index
    %c384 = arith.constant 384 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %c64 {
      tir.for %j = %c0 to %c64 {
        tir.for %r = %c0 to %c384 {
          tir.block "C" (%vi: spatial[64] = %i, %vj: spatial[64] = %j, %vk: reduce[384] = %r)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<64x384xf32>, memref<384x64xf32>)
              writes(%C[%vi, %vj] : memref<64x64xf32>) init {
            memref.store %zero, %C[%vi, %vj] : memref<64x64xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<64x384xf32>
            %b = memref.load %B[%vk, %vj] : memref<384x64xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<64x64xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<64x64xf32>
          }
        }
      }
    }
    tir.return
  }
}

// -----

/// A reduction (three operands: not a matmul) whose rows are fused with the
/// block that consumes them: its reduction moves outward inside the shared
/// row loop, which stays whole (splitting it into tiles would replace the
/// loop the fused blocks share; it used to crash).
// CHECK-LABEL: tir.prim_func @fused_rows_reduction
// CHECK: tir.for parallel %[[ROW:.*]] = %{{.*}} to %{{.*}} {
// CHECK: tir.for %[[K:.*]] = %{{.*}} to %c64 {
// CHECK-NEXT: tir.for %[[COL:.*]] = %{{.*}} to %c16 {
// CHECK-NEXT: tir.block "sum" (%{{.*}}: spatial[%{{.*}}] = %[[ROW]], %{{.*}}: spatial[16] = %[[COL]], %{{.*}}: reduce[64] = %[[K]])
// CHECK: tir.for %[[COL2:.*]] = %{{.*}} to %c16 {
// CHECK-NEXT: tir.block "scale" (%{{.*}}: spatial[%{{.*}}] = %[[ROW]], %{{.*}}: spatial[16] = %[[COL2]])
// CHECK-NOT: tir.for
// CHECK: tir.return
tir.prim_func @fused_rows_reduction(%A: memref<?x64xf32>, %W: memref<16x64xf32>,
                                    %V: memref<64xf32>, %C: memref<?x16xf32>,
                                    %m: index) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %acc = tir.alloc_buffer(%m) : memref<?x16xf32>
  tir.for %i = %c0 to %m {
    tir.for %j = %c0 to %c16 {
      tir.for %k = %c0 to %c64 {
        tir.block "sum" (%vi: spatial[%m] = %i, %vj: spatial[16] = %j, %vk: reduce[64] = %k)
            reads(%A[%vi, %vk], %W[%vj, %vk], %V[%vk] : memref<?x64xf32>, memref<16x64xf32>, memref<64xf32>)
            writes(%acc[%vi, %vj] : memref<?x16xf32>) init {
          %zero = arith.constant 0.0 : f32
          memref.store %zero, %acc[%vi, %vj] : memref<?x16xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<?x64xf32>
          %w = memref.load %W[%vj, %vk] : memref<16x64xf32>
          %v = memref.load %V[%vk] : memref<64xf32>
          %aw = arith.mulf %a, %w : f32
          %p = arith.mulf %aw, %v : f32
          %s = memref.load %acc[%vi, %vj] : memref<?x16xf32>
          %t = arith.addf %s, %p : f32
          memref.store %t, %acc[%vi, %vj] : memref<?x16xf32>
        }
      }
    }
  }
  tir.for %i = %c0 to %m {
    tir.for %j = %c0 to %c16 {
      tir.block "scale" (%vi: spatial[%m] = %i, %vj: spatial[16] = %j)
          reads(%acc[%vi, %vj] : memref<?x16xf32>) writes(%C[%vi, %vj] : memref<?x16xf32>) {
        %s = memref.load %acc[%vi, %vj] : memref<?x16xf32>
        %two = arith.constant 2.0 : f32
        %y = arith.mulf %s, %two : f32
        memref.store %y, %C[%vi, %vj] : memref<?x16xf32>
      }
    }
  }
  tir.return
}
