// RUN: mlc-opt %s | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | mlc-opt | FileCheck %s

/// The TVM matmul: spatial i, j and a reduce k, with an init region that
/// zeroes C[i, j] before the first reduction step.
// CHECK-LABEL: tir.prim_func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<128x64xf32>, %[[B:.*]]: memref<64x128xf32>, %[[C:.*]]: memref<128x128xf32>)
tir.prim_func @matmul(%A: memref<128x64xf32>, %B: memref<64x128xf32>,
                      %C: memref<128x128xf32>) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %zero = arith.constant 0.0 : f32
  // CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
  // CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
  // CHECK-DAG: %[[C128:.*]] = arith.constant 128 : index
  // CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: tir.for %[[I:.*]] = %[[C0]] to %[[C128]] {
  // CHECK: tir.for %[[J:.*]] = %[[C0]] to %[[C128]] {
  // CHECK: tir.for %[[K:.*]] = %[[C0]] to %[[C64]] {
  tir.for %i = %c0 to %c128 {
    tir.for %j = %c0 to %c128 {
      tir.for %k = %c0 to %c64 {
        // CHECK: tir.block "C" (%[[VI:.*]]: spatial[128] = %[[I]], %[[VJ:.*]]: spatial[128] = %[[J]], %[[VK:.*]]: reduce[64] = %[[K]])
        // CHECK-NEXT: reads(%[[A]][%[[VI]], %[[VK]]], %[[B]][%[[VK]], %[[VJ]]] : memref<128x64xf32>, memref<64x128xf32>)
        // CHECK-NEXT: writes(%[[C]][%[[VI]], %[[VJ]]] : memref<128x128xf32>) init {
        // CHECK-NEXT: memref.store %[[ZERO]], %[[C]][%[[VI]], %[[VJ]]]
        // CHECK-NEXT: } {
        // CHECK: %[[PROD:.*]] = arith.mulf
        // CHECK: %[[SUM:.*]] = arith.addf %{{.*}}, %[[PROD]]
        // CHECK: memref.store %[[SUM]], %[[C]][%[[VI]], %[[VJ]]]
        tir.block "C" (%vi: spatial[128] = %i, %vj: spatial[128] = %j,
                       %vk: reduce[64] = %k)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<128x64xf32>, memref<64x128xf32>)
            writes(%C[%vi, %vj] : memref<128x128xf32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<128x128xf32>
        } {
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
  // CHECK: tir.return
  tir.return
}

/// An elementwise kernel over a symbolic size: the iteration domain's extent
/// is the index parameter %n, and the loop is parallel.
// CHECK-LABEL: tir.prim_func @add_one
// CHECK-SAME: (%[[A:.*]]: memref<?xf32>, %[[B:.*]]: memref<?xf32>, %[[N:.*]]: index)
tir.prim_func @add_one(%A: memref<?xf32>, %B: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  // CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %[[N]] {
  tir.for parallel %i = %c0 to %n {
    // CHECK-NEXT: tir.block "B" (%[[VI:.*]]: spatial[%[[N]]] = %[[I]])
    // CHECK-NEXT: reads(%[[A]][%[[VI]]] : memref<?xf32>)
    // CHECK-NEXT: writes(%[[B]][%[[VI]]] : memref<?xf32>) {
    tir.block "B" (%vi: spatial[%n] = %i) reads(%A[%vi] : memref<?xf32>)
        writes(%B[%vi] : memref<?xf32>) {
      %a = memref.load %A[%vi] : memref<?xf32>
      %b = arith.addf %a, %one : f32
      memref.store %b, %B[%vi] : memref<?xf32>
    }
  }
  tir.return
}

/// A sum over a symbolic length into a 0-d buffer: the write region has no
/// dimensions, so the reduce variable appears only in reads.
// CHECK-LABEL: tir.prim_func @sum
tir.prim_func @sum(%A: memref<?xf32>, %S: memref<f32>, %n: index) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  tir.for %k = %c0 to %n {
    // CHECK: tir.block "S" (%[[VK:.*]]: reduce[%{{.*}}] = %{{.*}})
    // CHECK-NEXT: reads(%{{.*}}[%[[VK]]] : memref<?xf32>)
    // CHECK-NEXT: writes(%{{.*}}[] : memref<f32>) init {
    tir.block "S" (%vk: reduce[%n] = %k) reads(%A[%vk] : memref<?xf32>)
        writes(%S[] : memref<f32>) init {
      memref.store %zero, %S[] : memref<f32>
    } {
      %a = memref.load %A[%vk] : memref<?xf32>
      %s = memref.load %S[] : memref<f32>
      %t = arith.addf %s, %a : f32
      memref.store %t, %S[] : memref<f32>
    }
  }
  tir.return
}

/// A GPU kernel: bound block and thread loops, a tile staged through shared
/// memory, an accumulator in local memory, and a predicate for the ragged
/// last tile. Two loops bind threadIdx.x with the same extent, which is fine.
// CHECK-LABEL: tir.prim_func @gpu_row_scale
tir.prim_func @gpu_row_scale(%A: memref<?x64xf32>, %B: memref<?x64xf32>,
                             %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %nb = arith.ceildivsi %n, %c16 : index
  // CHECK: tir.for thread_binding("blockIdx.x") %[[BX:.*]] = %{{.*}} to %{{.*}} {
  tir.for thread_binding("blockIdx.x") %bx = %c0 to %nb {
    // CHECK: %[[TILE:.*]] = tir.alloc_buffer : memref<16x64xf32, #tir.scope<shared>>
    %tile = tir.alloc_buffer : memref<16x64xf32, #tir.scope<shared>>
    // CHECK: tir.for thread_binding("threadIdx.y") %[[TY:.*]] = %{{.*}} to %{{.*}} {
    tir.for thread_binding("threadIdx.y") %ty = %c0 to %c16 {
      // CHECK: tir.for thread_binding("threadIdx.x") %[[TX:.*]] = %{{.*}} to %{{.*}} {
      tir.for thread_binding("threadIdx.x") %tx = %c0 to %c16 {
        // CHECK: tir.for vectorized %[[V:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
        tir.for vectorized %v = %c0 to %c4 step %c1 {
          %row0 = arith.muli %bx, %c16 : index
          %row = arith.addi %row0, %ty : index
          %col0 = arith.muli %tx, %c4 : index
          %col = arith.addi %col0, %v : index
          // CHECK: %[[IN:.*]] = arith.cmpi ult
          %in = arith.cmpi ult, %row, %n : index
          // CHECK: tir.block "load" (%[[VI:.*]]: spatial[%{{.*}}] = %{{.*}}, %[[VJ:.*]]: spatial[64] = %{{.*}})
          // CHECK-NEXT: reads(%{{.*}}[%[[VI]], %[[VJ]]] : memref<?x64xf32>)
          // CHECK-NEXT: writes(%[[TILE]][%[[VI]] mod 16, %[[VJ]]] : memref<16x64xf32, #tir.scope<shared>>) where(%[[IN]]) {
          tir.block "load" (%vi: spatial[%n] = %row, %vj: spatial[64] = %col)
              reads(%A[%vi, %vj] : memref<?x64xf32>)
              writes(%tile[%vi mod 16, %vj] : memref<16x64xf32, #tir.scope<shared>>)
              where(%in) {
            %x = memref.load %A[%vi, %vj] : memref<?x64xf32>
            %r = arith.remsi %vi, %c16 : index
            memref.store %x, %tile[%r, %vj] : memref<16x64xf32, #tir.scope<shared>>
          }
        }
      }
    }
    // CHECK: tir.for thread_binding("threadIdx.x") %[[TX2:.*]] = %{{.*}} to %{{.*}} {
    tir.for thread_binding("threadIdx.x") %tx = %c0 to %c16 {
      // CHECK: tir.for unrolled %[[R:.*]] = %{{.*}} to %{{.*}} annotations {pragma_unroll_explicit = 1 : i64} {
      tir.for unrolled %r = %c0 to %c16 annotations {pragma_unroll_explicit = 1 : i64} {
        %row0 = arith.muli %bx, %c16 : index
        %row = arith.addi %row0, %r : index
        %in = arith.cmpi ult, %row, %n : index
        %tcol = arith.muli %tx, %c4 : index
        // CHECK: %[[COL:.*]] = arith.muli %[[TX2]]
        // CHECK: tir.block "scale" (%[[SI:.*]]: spatial[%{{.*}}] = %{{.*}}, %[[SJ:.*]]: spatial[64] = %[[COL]])
        // CHECK-NEXT: reads(%[[TILE]][%[[SI]] mod 16, %[[SJ]]] [1, 4] : memref<16x64xf32, #tir.scope<shared>>)
        // CHECK-NEXT: writes(%{{.*}}[%[[SI]], %[[SJ]]] [1, 4] : memref<?x64xf32>) where(%{{.*}}) {
        tir.block "scale" (%vi: spatial[%n] = %row, %vj: spatial[64] = %tcol)
            reads(%tile[%vi mod 16, %vj] [1, 4] : memref<16x64xf32, #tir.scope<shared>>)
            writes(%B[%vi, %vj] [1, 4] : memref<?x64xf32>) where(%in) {
          // CHECK: tir.alloc_buffer : memref<4xf32, #tir.scope<local>>
          %acc = tir.alloc_buffer : memref<4xf32, #tir.scope<local>>
          tir.for unrolled %v = %c0 to %c4 {
            %r16 = arith.remsi %vi, %c16 : index
            %col = arith.addi %vj, %v : index
            %x = memref.load %tile[%r16, %col] : memref<16x64xf32, #tir.scope<shared>>
            %y = arith.addf %x, %x : f32
            memref.store %y, %acc[%v] : memref<4xf32, #tir.scope<local>>
          }
          tir.for %v = %c0 to %c4 {
            %col = arith.addi %vj, %v : index
            %y = memref.load %acc[%v] : memref<4xf32, #tir.scope<local>>
            memref.store %y, %B[%vi, %col] : memref<?x64xf32>
          }
        }
      }
    }
  }
  tir.return
}

/// Buffers: static and dynamic shapes in every scope; no memory space means
/// global.
// CHECK-LABEL: tir.prim_func @buffers
tir.prim_func @buffers(%n: index, %m: index) {
  // CHECK: tir.alloc_buffer : memref<8xf32>
  %g = tir.alloc_buffer : memref<8xf32>
  // CHECK: tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
  %g2 = tir.alloc_buffer : memref<8xf32, #tir.scope<global>>
  // CHECK: tir.alloc_buffer(%{{.*}}) : memref<?x4xf16, #tir.scope<shared>>
  %s = tir.alloc_buffer(%n) : memref<?x4xf16, #tir.scope<shared>>
  // CHECK: tir.alloc_buffer(%{{.*}}, %{{.*}}) : memref<?x?xi8, #tir.scope<local>>
  %l = tir.alloc_buffer(%n, %m) : memref<?x?xi8, #tir.scope<local>>
  tir.return
}

/// Blockize-style nesting under an opaque root block: the outer block covers
/// 4-element tiles, the inner block binds its variable from the outer
/// block's iteration variable and its own loop, and allocates a private
/// scratch buffer that it may write without listing it.
// CHECK-LABEL: tir.prim_func @nested_blocks
tir.prim_func @nested_blocks(%A: memref<64xf32>, %B: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  // CHECK: tir.block "root" {
  tir.block "root" {
    // CHECK: tir.for %[[IO:.*]] =
    tir.for %io = %c0 to %c16 {
      // CHECK: tir.block "outer" (%[[VO:.*]]: spatial[16] = %[[IO]])
      // CHECK-NEXT: reads(%{{.*}}[%[[VO]] * 4] [4] : memref<64xf32>)
      // CHECK-NEXT: writes(%{{.*}}[%[[VO]] * 4] [4] : memref<64xf32>) {
      tir.block "outer" (%vo: spatial[16] = %io)
          reads(%A[%vo * 4] [4] : memref<64xf32>)
          writes(%B[%vo * 4] [4] : memref<64xf32>) {
        // CHECK: tir.for %[[II:.*]] =
        tir.for %ii = %c0 to %c4 {
          %base = arith.muli %vo, %c4 : index
          // CHECK: %[[IDX:.*]] = arith.addi
          %idx = arith.addi %base, %ii : index
          // CHECK: tir.block "inner" (%[[VI:.*]]: spatial[64] = %[[IDX]])
          // CHECK-NEXT: reads(%{{.*}}[%[[VI]]] : memref<64xf32>)
          // CHECK-NEXT: writes(%{{.*}}[%[[VI]]] : memref<64xf32>) {
          tir.block "inner" (%vi: spatial[64] = %idx)
              reads(%A[%vi] : memref<64xf32>) writes(%B[%vi] : memref<64xf32>) {
            %tmp = tir.alloc_buffer : memref<1xf32, #tir.scope<local>>
            %x = memref.load %A[%vi] : memref<64xf32>
            memref.store %x, %tmp[%c0] : memref<1xf32, #tir.scope<local>>
            %y = memref.load %tmp[%c0] : memref<1xf32, #tir.scope<local>>
            memref.store %y, %B[%vi] : memref<64xf32>
          }
        }
      }
    }
  }
  tir.return
}

/// The other iteration-variable kinds, a binding through memref.dim of a
/// parameter, extra block attributes, an init region that spells out its own
/// argument names, and a loop with a discardable attribute.
// CHECK-LABEL: tir.prim_func private @kinds
// CHECK-SAME: attributes {tir.noalias}
tir.prim_func private @kinds(%A: memref<?x8xf32>, %S: memref<8xf32>)
    attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  %rows = memref.dim %A, %c0 : memref<?x8xf32>
  // CHECK: tir.for %{{.*}} = %{{.*}} to %{{.*}} attributes {mlc.note = "kept"} {
  tir.for %t = %c0 to %c8 attributes {mlc.note = "kept"} {
    tir.for %j = %c0 to %rows {
      // CHECK: tir.block "kinds" (%[[VT:.*]]: scan[8] = %{{.*}}, %[[VJ:.*]]: opaque[%{{.*}}] = %{{.*}}, %[[VR:.*]]: reduce[%{{.*}}] = %{{.*}})
      // CHECK-NEXT: reads(%{{.*}}[%[[VR]], %[[VT]]] : memref<?x8xf32>)
      // CHECK-NEXT: writes(%{{.*}}[%[[VT]]] : memref<8xf32>) attributes {mlc.tag = 1 : i64} init {
      // CHECK-NEXT: memref.store %{{.*}}, %{{.*}}[%[[VT]]]
      tir.block "kinds" (%vt: scan[8] = %t, %vj: opaque[%rows] = %j,
                         %vr: reduce[%rows] = %j)
          reads(%A[%vr, %vt] : memref<?x8xf32>) writes(%S[%vt] : memref<8xf32>)
          attributes {mlc.tag = 1 : i64}
          init(%it, %ij, %ir) {
        memref.store %zero, %S[%it] : memref<8xf32>
      } {
        %a = memref.load %A[%vr, %vt] : memref<?x8xf32>
        %s = memref.load %S[%vt] : memref<8xf32>
        %x = arith.addf %a, %s : f32
        memref.store %x, %S[%vt] : memref<8xf32>
      }
    }
  }
  tir.return
}

// -----

/// Regions over region symbols: a KV-cache append writes rows
/// `[past, past + n)` of the cache (the symbol `%past` in the start), and a
/// gather reads any row of its table (the symbolic extent `%rows`).
// CHECK-LABEL: tir.prim_func @append_and_gather
// CHECK-SAME: (%[[CACHE:.*]]: memref<?x8xf32>, %[[X:.*]]: memref<?x8xf32>, %[[T:.*]]: memref<?x8xf32>, %[[IDX:.*]]: memref<?xindex>, %[[G:.*]]: memref<?x8xf32>, %[[N:.*]]: index, %[[PAST:.*]]: index, %[[ROWS:.*]]: index)
tir.prim_func @append_and_gather(%cache: memref<?x8xf32>, %x: memref<?x8xf32>,
                                 %table: memref<?x8xf32>, %idx: memref<?xindex>,
                                 %out: memref<?x8xf32>, %n: index,
                                 %past: index, %rows: index) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  tir.for %i = %c0 to %n {
    tir.for %j = %c0 to %c8 {
      // CHECK: tir.block "append" (%[[VI:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VJ:.*]]: spatial[8] = %{{.*}})
      // CHECK-NEXT: reads(%[[X]][%[[VI]], %[[VJ]]] : memref<?x8xf32>)
      // CHECK-NEXT: writes(%[[CACHE]][%[[VI]] + %[[PAST]], %[[VJ]]] : memref<?x8xf32>) {
      tir.block "append" (%vi: spatial[%n] = %i, %vj: spatial[8] = %j)
          reads(%x[%vi, %vj] : memref<?x8xf32>)
          writes(%cache[%past + %vi, %vj] : memref<?x8xf32>) {
        %v = memref.load %x[%vi, %vj] : memref<?x8xf32>
        %row = arith.addi %past, %vi : index
        memref.store %v, %cache[%row, %vj] : memref<?x8xf32>
      }
      // CHECK: tir.block "gather"
      // CHECK-NEXT: reads(%[[IDX]][%[[GI:.*]]], %[[T]][0, %[[GJ:[a-z0-9]+]]] [%[[ROWS]], 1] : memref<?xindex>, memref<?x8xf32>)
      tir.block "gather" (%vi: spatial[%n] = %i, %vj: spatial[8] = %j)
          reads(%idx[%vi], %table[0, %vj] [%rows, 1] : memref<?xindex>, memref<?x8xf32>)
          writes(%out[%vi, %vj] : memref<?x8xf32>) {
        %r = memref.load %idx[%vi] : memref<?xindex>
        %v = memref.load %table[%r, %vj] : memref<?x8xf32>
        memref.store %v, %out[%vi, %vj] : memref<?x8xf32>
      }
    }
  }
  tir.return
}

// -----

/// A symbolic tile: block "t" reads `[vo * s, vo * s + s)` of A, where the
/// tile size `%s` is a region symbol used in the start and the extent.
// CHECK-LABEL: tir.prim_func @symbolic_tile
// CHECK: reads(%{{.*}}[%[[VO:.*]] * symbol(%[[S:[^)]*]])] [%[[S]]] : memref<?xf32>)
// CHECK: #tir.region<(d0)[s0] -> (d0 * s0), (d0)[s0] -> (s0)>
tir.prim_func @symbolic_tile(%A: memref<?xf32>, %B: memref<?xf32>, %t: index,
                             %s: index, %n: index) {
  tir.block "t" (%vo: spatial[%n] = %t)
      reads(%A[%vo * symbol(%s)] [%s] : memref<?xf32>) writes(%B[%vo] : memref<?xf32>) {
  }
  tir.return {region = #tir.region<(d0)[s0] -> (d0 * s0), (d0)[s0] -> (s0)>}
}

// -----

/// A symbolic signature: the kernel's buffers are [n, k], [k, m], [n, m]
/// over the variables its index parameters carry.
// CHECK-LABEL: tir.prim_func @signature
// CHECK-SAME: sym_shapes = [#mlc.shape<[n, k]>, #mlc.shape<[k, m]>, #mlc.shape<[n, m]>]
// CHECK-SAME: sym_vars = #mlc.shape<[n, k, m]>
tir.prim_func @signature(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>,
                         %n: index, %k: index, %m: index)
    attributes {sym_shapes = [#mlc.shape<[n, k]>, #mlc.shape<[k, m]>, #mlc.shape<[n, m]>],
                sym_vars = #mlc.shape<[n, k, m]>} {
  tir.return
}
