// RUN: mlc-opt %s --split-input-file --convert-tir-to-scf | FileCheck %s
// Upstream mlir-opt with mlc's plugin gives the same (not in a sanitized
// build: an uninstrumented mlir-opt cannot load an instrumented plugin).
// RUN: %if !sanitizer %{ mlir-opt %s --split-input-file \
// RUN:   --load-dialect-plugin=%mlc_lib_dir/MLCPlugin%shlibext \
// RUN:   --load-pass-plugin=%mlc_lib_dir/MLCPlugin%shlibext \
// RUN:   --pass-pipeline="builtin.module(convert-tir-to-scf)" | FileCheck %s %}

/// The TVM matmul: the loops become an scf.for nest, the block's body runs in
/// the innermost loop with its iteration variables replaced by the loop
/// variables, and the init region runs first under `k == 0`.
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<128x64xf32>, %[[B:.*]]: memref<64x128xf32>, %[[C:.*]]: memref<128x128xf32>)
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG: %[[C128:.*]] = arith.constant 128 : index
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: scf.for %[[I:.*]] = %[[C0]] to %[[C128]] step %[[STEP_I:.*]] {
// CHECK: scf.for %[[J:.*]] = %[[C0]] to %[[C128]] step %[[STEP_J:.*]] {
// CHECK: scf.for %[[K:.*]] = %[[C0]] to %[[C64]] step %[[STEP_K:.*]] {
// CHECK: %[[K_IS_ZERO:.*]] = arith.cmpi eq, %[[K]], %{{.*}} : index
// CHECK-NEXT: scf.if %[[K_IS_ZERO]] {
// CHECK-NEXT: memref.store %[[ZERO]], %[[C]][%[[I]], %[[J]]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[A_IK:.*]] = memref.load %[[A]][%[[I]], %[[K]]]
// CHECK-NEXT: %[[B_KJ:.*]] = memref.load %[[B]][%[[K]], %[[J]]]
// CHECK-NEXT: %[[C_IJ:.*]] = memref.load %[[C]][%[[I]], %[[J]]]
// CHECK-NEXT: %[[PROD:.*]] = arith.mulf %[[A_IK]], %[[B_KJ]]
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[C_IJ]], %[[PROD]]
// CHECK-NEXT: memref.store %[[SUM]], %[[C]][%[[I]], %[[J]]]
// CHECK: return
// CHECK-NOT: tir.
tir.prim_func @matmul(%A: memref<128x64xf32>, %B: memref<64x128xf32>,
                      %C: memref<128x128xf32>) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %c128 {
    tir.for %j = %c0 to %c128 {
      tir.for %k = %c0 to %c64 {
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
  tir.return
}

// -----

/// A parallel loop over the symbolic size %n becomes scf.parallel.
// CHECK-LABEL: func.func @add_one
// CHECK-SAME: (%[[A:.*]]: memref<?xf32>, %[[B:.*]]: memref<?xf32>, %[[N:.*]]: index)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[STEP:.*]] = arith.constant 1 : index
// CHECK: scf.parallel (%[[I:.*]]) = (%[[C0]]) to (%[[N]]) step (%[[STEP]]) {
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][%[[I]]]
// CHECK-NEXT: %[[Y:.*]] = arith.addf %[[X]], %{{.*}}
// CHECK-NEXT: memref.store %[[Y]], %[[B]][%[[I]]]
// CHECK-NEXT: scf.reduce
tir.prim_func @add_one(%A: memref<?xf32>, %B: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  tir.for parallel %i = %c0 to %n {
    tir.block "B" (%vi: spatial[%n] = %i) reads(%A[%vi] : memref<?xf32>)
        writes(%B[%vi] : memref<?xf32>) {
      %a = memref.load %A[%vi] : memref<?xf32>
      %b = arith.addf %a, %one : f32
      memref.store %b, %B[%vi] : memref<?xf32>
    }
  }
  tir.return
}

// -----

/// A predicate guards the block's body: the ragged last tile of a loop split
/// by 4. The bindings are computed outside the guard; the explicit step is
/// kept.
// CHECK-LABEL: func.func @add_one_tiled
// CHECK-SAME: (%[[A:.*]]: memref<?xf32>, %[[B:.*]]: memref<?xf32>, %[[N:.*]]: index)
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[TILES:.*]] = arith.ceildivsi %[[N]], %[[C4]]
// CHECK: scf.for %[[IO:.*]] = %{{.*}} to %[[TILES]] step %{{.*}} {
// CHECK: scf.for %[[II:.*]] = %{{.*}} to %[[C4]] step %[[C4]] {
// CHECK: %[[BASE:.*]] = arith.muli %[[IO]], %[[C4]]
// CHECK-NEXT: %[[I:.*]] = arith.addi %[[BASE]], %[[II]]
// CHECK-NEXT: %[[INSIDE:.*]] = arith.cmpi ult, %[[I]], %[[N]]
// CHECK-NEXT: scf.if %[[INSIDE]] {
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][%[[I]]]
// CHECK-NEXT: %[[Y:.*]] = arith.addf %[[X]], %{{.*}}
// CHECK-NEXT: memref.store %[[Y]], %[[B]][%[[I]]]
// CHECK-NEXT: }
tir.prim_func @add_one_tiled(%A: memref<?xf32>, %B: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %one = arith.constant 1.0 : f32
  %tiles = arith.ceildivsi %n, %c4 : index
  tir.for %io = %c0 to %tiles {
    tir.for %ii = %c0 to %c4 step %c4 {
      %base = arith.muli %io, %c4 : index
      %i = arith.addi %base, %ii : index
      %inside = arith.cmpi ult, %i, %n : index
      tir.block "B" (%vi: spatial[%n] = %i) reads(%A[%vi] : memref<?xf32>)
          writes(%B[%vi] : memref<?xf32>) where(%inside) {
        %a = memref.load %A[%vi] : memref<?xf32>
        %b = arith.addf %a, %one : f32
        memref.store %b, %B[%vi] : memref<?xf32>
      }
    }
  }
  tir.return
}

// -----

/// With a predicate and an init region, the init runs inside the predicate's
/// guard; with two reduce variables, it runs when both are 0.
// CHECK-LABEL: func.func @sum_rows_guarded
// CHECK-SAME: (%[[A:.*]]: memref<?x8x8xf32>, %[[S:.*]]: memref<?xf32>, %[[N:.*]]: index, %[[M:.*]]: index)
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[N]]
// CHECK: scf.for %[[J:.*]] = %{{.*}} to %{{.*}}
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}}
// CHECK: %[[ROW_OK:.*]] = arith.cmpi ult, %[[I]], %[[M]]
// CHECK-NEXT: scf.if %[[ROW_OK]] {
// CHECK-NEXT: %[[ZERO_INDEX:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[J_IS_ZERO:.*]] = arith.cmpi eq, %[[J]], %[[ZERO_INDEX]]
// CHECK-NEXT: %[[K_IS_ZERO:.*]] = arith.cmpi eq, %[[K]], %[[ZERO_INDEX]]
// CHECK-NEXT: %[[FIRST:.*]] = arith.andi %[[J_IS_ZERO]], %[[K_IS_ZERO]]
// CHECK-NEXT: scf.if %[[FIRST]] {
// CHECK-NEXT: memref.store %{{.*}}, %[[S]][%[[I]]]
// CHECK-NEXT: }
// CHECK-NEXT: memref.load %[[A]][%[[I]], %[[J]], %[[K]]]
// CHECK: memref.store %{{.*}}, %[[S]][%[[I]]]
// CHECK-NEXT: }
tir.prim_func @sum_rows_guarded(%A: memref<?x8x8xf32>, %S: memref<?xf32>,
                                %n: index, %m: index) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %n {
    tir.for %j = %c0 to %c8 {
      tir.for %k = %c0 to %c8 {
        %row_ok = arith.cmpi ult, %i, %m : index
        tir.block "S" (%vi: spatial[%n] = %i, %vj: reduce[8] = %j,
                       %vk: reduce[8] = %k)
            reads(%A[%vi, %vj, %vk] : memref<?x8x8xf32>)
            writes(%S[%vi] : memref<?xf32>) where(%row_ok) init {
          memref.store %zero, %S[%vi] : memref<?xf32>
        } {
          %a = memref.load %A[%vi, %vj, %vk] : memref<?x8x8xf32>
          %s = memref.load %S[%vi] : memref<?xf32>
          %t = arith.addf %s, %a : f32
          memref.store %t, %S[%vi] : memref<?xf32>
        }
      }
    }
  }
  tir.return
}

// -----

/// Buffers: a local buffer allocated in a block is freed where the block's
/// body ends, inside the loop, and so is one allocated in a loop body; a
/// global buffer allocated in the function body is freed before the return.
/// Storage scopes disappear from every type, parameters included.
// CHECK-LABEL: func.func @buffers
// CHECK-SAME: (%[[A:.*]]: memref<64xf32>, %[[B:.*]]: memref<64xf32>, %[[N:.*]]: index)
// CHECK: %[[SCRATCH:.*]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: scf.for %[[I:.*]] =
// CHECK-NEXT: %[[TMP:.*]] = memref.alloc() : memref<1xf32>
// CHECK-NEXT: %[[X:.*]] = memref.load %[[A]][%[[I]]] : memref<64xf32>
// CHECK-NEXT: memref.store %[[X]], %[[TMP]][%{{.*}}] : memref<1xf32>
// CHECK-NEXT: %[[Y:.*]] = memref.load %[[TMP]][%{{.*}}] : memref<1xf32>
// CHECK-NEXT: memref.store %[[Y]], %[[B]][%[[I]]] : memref<64xf32>
// CHECK-NEXT: memref.dealloc %[[TMP]] : memref<1xf32>
// CHECK-NEXT: }
// CHECK: scf.for %[[R:.*]] =
// CHECK-NEXT: %[[ROW:.*]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT: memref.store %{{.*}}, %[[ROW]][%[[R]]] : memref<8xf32>
// CHECK-NEXT: memref.dealloc %[[ROW]] : memref<8xf32>
// CHECK-NEXT: }
// CHECK: %[[VIEW:.*]] = memref.subview %[[SCRATCH]][0] [4] [1] : memref<?xf32> to memref<4xf32, strided<[1]>>
// CHECK-NEXT: memref.store %{{.*}}, %[[VIEW]][%{{.*}}] : memref<4xf32, strided<[1]>>
// CHECK-NEXT: memref.dealloc %[[SCRATCH]] : memref<?xf32>
// CHECK-NEXT: return
// CHECK-NOT: #tir.scope
tir.prim_func @buffers(%A: memref<64xf32, #tir.scope<global>>,
                       %B: memref<64xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %scratch = tir.alloc_buffer(%n) : memref<?xf32, #tir.scope<global>>
  tir.for %i = %c0 to %c64 {
    tir.block "copy" (%vi: spatial[64] = %i)
        reads(%A[%vi] : memref<64xf32, #tir.scope<global>>)
        writes(%B[%vi] : memref<64xf32>) {
      %tmp = tir.alloc_buffer : memref<1xf32, #tir.scope<local>>
      %x = memref.load %A[%vi] : memref<64xf32, #tir.scope<global>>
      memref.store %x, %tmp[%c0] : memref<1xf32, #tir.scope<local>>
      %y = memref.load %tmp[%c0] : memref<1xf32, #tir.scope<local>>
      memref.store %y, %B[%vi] : memref<64xf32>
    }
  }
  %c8 = arith.constant 8 : index
  tir.for %r = %c0 to %c8 {
    %row = tir.alloc_buffer : memref<8xf32, #tir.scope<local>>
    memref.store %zero, %row[%r] : memref<8xf32, #tir.scope<local>>
  }
  %view = memref.subview %scratch[0] [4] [1]
      : memref<?xf32, #tir.scope<global>>
        to memref<4xf32, strided<[1]>, #tir.scope<global>>
  memref.store %zero, %view[%c0]
      : memref<4xf32, strided<[1]>, #tir.scope<global>>
  tir.return
}

// -----

/// Any other op that carries a buffer type is rebuilt with the converted
/// type: results, block arguments and yielded values of scf ops, calls, and
/// the signature of a plain func.func.
// CHECK-LABEL: func.func private @identity
// CHECK-SAME: (%{{.*}}: memref<4xf32>) -> memref<4xf32>
// CHECK-LABEL: func.func @flow
// CHECK-SAME: (%[[A:.*]]: memref<4xf32>, %[[N:.*]]: index)
// CHECK: %[[PICKED:.*]] = scf.if %{{.*}} -> (memref<4xf32>) {
// CHECK-NEXT: scf.yield %[[A]] : memref<4xf32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[SAME:.*]] = func.call @identity(%[[A]]) : (memref<4xf32>) -> memref<4xf32>
// CHECK-NEXT: scf.yield %[[SAME]] : memref<4xf32>
// CHECK: %[[LAST:.*]] = scf.for {{.*}} iter_args(%[[ITER:.*]] = %[[PICKED]]) -> (memref<4xf32>) {
// CHECK-NEXT: scf.yield %[[ITER]] : memref<4xf32>
// CHECK: memref.load %[[LAST]][%{{.*}}] : memref<4xf32>
func.func private @identity(%A: memref<4xf32, #tir.scope<global>>)
    -> memref<4xf32, #tir.scope<global>> {
  return %A : memref<4xf32, #tir.scope<global>>
}

tir.prim_func @flow(%A: memref<4xf32, #tir.scope<global>>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %empty = arith.cmpi eq, %n, %c0 : index
  %picked = scf.if %empty -> memref<4xf32, #tir.scope<global>> {
    scf.yield %A : memref<4xf32, #tir.scope<global>>
  } else {
    %same = func.call @identity(%A)
        : (memref<4xf32, #tir.scope<global>>) -> memref<4xf32, #tir.scope<global>>
    scf.yield %same : memref<4xf32, #tir.scope<global>>
  }
  %last = scf.for %i = %c0 to %n step %c1 iter_args(%iter = %picked)
      -> memref<4xf32, #tir.scope<global>> {
    scf.yield %iter : memref<4xf32, #tir.scope<global>>
  }
  %x = memref.load %last[%c0] : memref<4xf32, #tir.scope<global>>
  tir.return
}

// -----

/// Vectorized and unrolled loops run serially and keep their kind for later
/// passes; annotations and other attributes of the loop stay too. A serial
/// loop gets no kind.
// CHECK-LABEL: func.func @loop_kinds
// CHECK: scf.for
// CHECK: scf.for
// CHECK-NEXT: memref.store
// CHECK-NEXT: } {tir.annotations = {pragma_unroll_explicit = 1 : i64}, tir.loop_kind = #tir.for_kind<unrolled>}
// CHECK-NEXT: } {mlc.note = "kept", tir.loop_kind = #tir.for_kind<vectorized>}
// CHECK: scf.for
// CHECK-NEXT: memref.store
// CHECK-NEXT: }{{$}}
// CHECK-NEXT: return
tir.prim_func @loop_kinds(%A: memref<16x4xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  tir.for vectorized %v = %c0 to %c4 attributes {mlc.note = "kept"} {
    tir.for unrolled %u = %c0 to %c16
        annotations {pragma_unroll_explicit = 1 : i64} {
      tir.block "Z" (%vu: spatial[16] = %u, %vv: spatial[4] = %v)
          writes(%A[%vu, %vv] : memref<16x4xf32>) {
        memref.store %zero, %A[%vu, %vv] : memref<16x4xf32>
      }
    }
  }
  tir.for %s = %c0 to %c4 {
    tir.block "Z2" (%vs: spatial[4] = %s) writes(%A[0, %vs] : memref<16x4xf32>) {
      memref.store %zero, %A[%c0, %vs] : memref<16x4xf32>
    }
  }
  tir.return
}

// -----

/// The function keeps its visibility, parameter attributes and other
/// attributes (TVM's `tir.noalias` among them).
// CHECK-LABEL: func.func private @attributes
// CHECK-SAME: (%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32> {mlc.arg = 1 : i64}, %{{.*}}: index)
// CHECK-SAME: attributes {llvm.emit_c_interface, tir.noalias}
tir.prim_func private @attributes(%A: memref<4xf32>,
                                  %B: memref<4xf32> {mlc.arg = 1 : i64},
                                  %n: index) attributes {tir.noalias} {
  tir.return
}

// -----

/// Nested blocks under an opaque root block: the inner block's binding uses
/// the outer block's iteration variable, which becomes the outer loop
/// variable.
// CHECK-LABEL: func.func @nested_blocks
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: scf.for %[[IO:.*]] =
// CHECK: scf.for %[[II:.*]] =
// CHECK-NEXT: %[[BASE:.*]] = arith.muli %[[IO]], %[[C4]]
// CHECK-NEXT: %[[IDX:.*]] = arith.addi %[[BASE]], %[[II]]
// CHECK-NEXT: %[[X:.*]] = memref.load %{{.*}}[%[[IDX]]]
// CHECK-NEXT: memref.store %[[X]], %{{.*}}[%[[IDX]]]
// CHECK-NOT: tir.
tir.prim_func @nested_blocks(%A: memref<64xf32>, %B: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  tir.block "root" {
    tir.for %io = %c0 to %c16 {
      tir.block "outer" (%vo: spatial[16] = %io)
          reads(%A[%vo * 4] [4] : memref<64xf32>)
          writes(%B[%vo * 4] [4] : memref<64xf32>) {
        tir.for %ii = %c0 to %c4 {
          %base = arith.muli %vo, %c4 : index
          %idx = arith.addi %base, %ii : index
          tir.block "inner" (%vi: spatial[64] = %idx)
              reads(%A[%vi] : memref<64xf32>) writes(%B[%vi] : memref<64xf32>) {
            %x = memref.load %A[%vi] : memref<64xf32>
            memref.store %x, %B[%vi] : memref<64xf32>
          }
        }
      }
    }
  }
  tir.return
}
