// Executes tir kernels whose regions use region symbols, at two symbolic
// instantiations each, after schedules that carry the symbols, and checks
// the results against values computed by hand:
//   - "append" writes x into rows [past, past + n) of a cache (a KV-cache
//     append at a symbolic offset), split and blockized;
//   - "rowsum" accumulates the rows of x into sums[past + i], its reduction
//     decomposed (the init block keeps the symbolic write region);
//   - "gather" copies rows idx[i] of a table (a data-dependent start,
//     declared as a read of any row: `[0, rows)`), idx first cached locally.
//
// RUN: split-file %s %t
// RUN: mlc-opt %t/kernels.mlir \
// RUN:   --transform-preload-library=transform-library-paths=%t/schedule.mlir \
// RUN:   --transform-interpreter | FileCheck %s --check-prefix=SCHED
// RUN: mlc-opt %t/kernels.mlir \
// RUN:   --transform-preload-library=transform-library-paths=%t/schedule.mlir \
// RUN:   --transform-interpreter --convert-tir-to-scf --expand-strided-metadata \
// RUN:   --lower-affine --convert-scf-to-cf --convert-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | mlir-translate --mlir-to-llvmir \
// RUN: | llc --relocation-model=pic --filetype=obj -o %t/kernels.o
// RUN: %cxx -shared %t/kernels.o -o %t/libkernels%shlibext
// RUN: mlc-opt %t/main.mlir --convert-scf-to-cf --convert-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | %mlir_runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%t/libkernels%shlibext,%mlir_c_runner_utils,%mlir_runner_utils \
// RUN: | FileCheck %s

/// The blockized append covers four columns of row `past + vi` per
/// instance; the init block of rowsum writes `sums[past + vi]`.
// SCHED-LABEL: tir.prim_func @append
// SCHED-SAME: %[[PAST:[a-z0-9]+]]: index)
// SCHED: tir.block "append_o"
// SCHED-NEXT: reads(%{{.*}}[%[[VI:[a-z0-9]+]], %[[VJO:[a-z0-9]+]] * 4] [1, 4] : memref<?x8xf32>)
// SCHED-NEXT: writes(%{{.*}}[%[[VI]] + %[[PAST]], %[[VJO]] * 4] [1, 4] : memref<?x8xf32>)
// SCHED: tir.block "append"
// SCHED-LABEL: tir.prim_func @rowsum
// SCHED-SAME: %[[RPAST:[a-z0-9]+]]: index)
// SCHED: tir.block "rowsum_init"
// SCHED-NEXT: writes(%{{.*}}[%{{.*}} + %[[RPAST]]] : memref<?xf32>)
// SCHED: tir.block "rowsum"
// SCHED-LABEL: tir.prim_func @gather
// SCHED: tir.block "gather_read0_local"
// SCHED: tir.block "gather"
// SCHED-NEXT: reads(%{{.*}}[%{{.*}}], %{{.*}}[0, %{{.*}}] [%{{.*}}, 1] : memref<?xindex, #tir.scope<local>>, memref<?x8xf32>)

/// x[i][j] = 8 * i + j. append(n = 3, past = 2), then append(n = 1,
/// past = 5): rows 2-4 are x's rows 0-2, row 5 is x's row 0.
// CHECK: rank = 2 offset = 0 sizes = [6, 8] strides = [8, 1] data =
// CHECK-NEXT: [0, 0, 0, 0, 0, 0, 0, 0],
// CHECK-NEXT: [0, 0, 0, 0, 0, 0, 0, 0],
// CHECK-NEXT: [0, 1, 2, 3, 4, 5, 6, 7],
// CHECK-NEXT: [8, 9, 10, 11, 12, 13, 14, 15],
// CHECK-NEXT: [16, 17, 18, 19, 20, 21, 22, 23],
// CHECK-NEXT: [0, 1, 2, 3, 4, 5, 6, 7]]

/// Row sums of x are 28, 92, 156: rowsum(n = 3, past = 1) fills 1-3, then
/// rowsum(n = 1, past = 4) puts 28 at 4; 0 and 5 keep -1.
// CHECK: rank = 1 offset = 0 sizes = [6] strides = [1] data =
// CHECK-NEXT: [-1, 28, 92, 156, 28, -1]

/// table[r][j] = 10 * r + j, idx = [3, 0, 2]: gather(n = 3) then
/// gather(n = 1) of the same idx into a second output.
// CHECK: rank = 2 offset = 0 sizes = [3, 8] strides = [8, 1] data =
// CHECK-NEXT: [30, 31, 32, 33, 34, 35, 36, 37],
// CHECK-NEXT: [0, 1, 2, 3, 4, 5, 6, 7],
// CHECK-NEXT: [20, 21, 22, 23, 24, 25, 26, 27]]
// CHECK: rank = 2 offset = 0 sizes = [1, 8] strides = [8, 1] data =
// CHECK-NEXT: {{\[\[}}30, 31, 32, 33, 34, 35, 36, 37]]

//--- schedule.mlir
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %append = transform.tir.get_block "append" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j = transform.tir.get_loops %append
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %jo, %ji = transform.tir.split %j factors [?, 4]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %outer = transform.tir.blockize %ji : (!transform.any_op) -> !transform.any_op
    transform.tir.parallel %i : !transform.any_op
    %rowsum = transform.tir.get_block "rowsum" in %root : (!transform.any_op) -> !transform.any_op
    %ri, %rk = transform.tir.get_loops %rowsum
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %init = transform.tir.decompose_reduction %rowsum, %rk
        : (!transform.any_op, !transform.any_op) -> !transform.any_op
    %gather = transform.tir.get_block "gather" in %root : (!transform.any_op) -> !transform.any_op
    %copy = transform.tir.cache_read %gather, 0, "local"
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

//--- kernels.mlir
tir.prim_func @append(%cache: memref<?x8xf32>, %x: memref<?x8xf32>,
                      %n: index, %past: index) attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  tir.for %i = %c0 to %n {
    tir.for %j = %c0 to %c8 {
      tir.block "append" (%vi: spatial[%n] = %i, %vj: spatial[8] = %j)
          reads(%x[%vi, %vj] : memref<?x8xf32>)
          writes(%cache[%past + %vi, %vj] : memref<?x8xf32>) {
        %v = memref.load %x[%vi, %vj] : memref<?x8xf32>
        %row = arith.addi %past, %vi : index
        memref.store %v, %cache[%row, %vj] : memref<?x8xf32>
      }
    }
  }
  tir.return
}

tir.prim_func @rowsum(%sums: memref<?xf32>, %x: memref<?x8xf32>,
                      %n: index, %past: index) attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %n {
    tir.for %k = %c0 to %c8 {
      tir.block "rowsum" (%vi: spatial[%n] = %i, %vk: reduce[8] = %k)
          reads(%x[%vi, %vk] : memref<?x8xf32>)
          writes(%sums[%past + %vi] : memref<?xf32>) init {
        %row = arith.addi %past, %vi : index
        memref.store %zero, %sums[%row] : memref<?xf32>
      } {
        %row = arith.addi %past, %vi : index
        %s = memref.load %sums[%row] : memref<?xf32>
        %v = memref.load %x[%vi, %vk] : memref<?x8xf32>
        %t = arith.addf %s, %v : f32
        memref.store %t, %sums[%row] : memref<?xf32>
      }
    }
  }
  tir.return
}

tir.prim_func @gather(%out: memref<?x8xf32>, %table: memref<?x8xf32>,
                      %idx: memref<?xindex>, %n: index, %rows: index)
    attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  tir.for %i = %c0 to %n {
    tir.for %j = %c0 to %c8 {
      tir.block "gather" (%vi: spatial[%n] = %i, %vj: spatial[8] = %j)
          reads(%idx[%vi], %table[0, %vj] [%rows, 1]
                : memref<?xindex>, memref<?x8xf32>)
          writes(%out[%vi, %vj] : memref<?x8xf32>) {
        %r = memref.load %idx[%vi] : memref<?xindex>
        %v = memref.load %table[%r, %vj] : memref<?x8xf32>
        memref.store %v, %out[%vi, %vj] : memref<?x8xf32>
      }
    }
  }
  tir.return
}

//--- main.mlir
func.func private @append(memref<?x8xf32>, memref<?x8xf32>, index, index)
    attributes {llvm.emit_c_interface}
func.func private @rowsum(memref<?xf32>, memref<?x8xf32>, index, index)
    attributes {llvm.emit_c_interface}
func.func private @gather(memref<?x8xf32>, memref<?x8xf32>, memref<?xindex>,
                          index, index)
    attributes {llvm.emit_c_interface}
func.func private @printMemrefF32(memref<*xf32>)
    attributes {llvm.emit_c_interface}

/// m[i][j] = scale * i + j for the first `rows` rows.
func.func @fill(%m: memref<?x8xf32>, %rows: index, %scale: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      %row = arith.muli %i, %scale : index
      %ij = arith.addi %row, %j : index
      %int = arith.index_cast %ij : index to i64
      %v = arith.sitofp %int : i64 to f32
      memref.store %v, %m[%i, %j] : memref<?x8xf32>
    }
  }
  return
}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %c8 = arith.constant 8 : index
  %c10 = arith.constant 10 : index
  %zero = arith.constant 0.0 : f32
  %minus1 = arith.constant -1.0 : f32

  %x = memref.alloc(%c3) : memref<?x8xf32>
  func.call @fill(%x, %c3, %c8) : (memref<?x8xf32>, index, index) -> ()
  %cache = memref.alloc(%c6) : memref<?x8xf32>
  scf.for %i = %c0 to %c6 step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      memref.store %zero, %cache[%i, %j] : memref<?x8xf32>
    }
  }
  func.call @append(%cache, %x, %c3, %c2)
      : (memref<?x8xf32>, memref<?x8xf32>, index, index) -> ()
  func.call @append(%cache, %x, %c1, %c5)
      : (memref<?x8xf32>, memref<?x8xf32>, index, index) -> ()
  %cache_u = memref.cast %cache : memref<?x8xf32> to memref<*xf32>
  func.call @printMemrefF32(%cache_u) : (memref<*xf32>) -> ()

  %sums = memref.alloc(%c6) : memref<?xf32>
  scf.for %i = %c0 to %c6 step %c1 {
    memref.store %minus1, %sums[%i] : memref<?xf32>
  }
  func.call @rowsum(%sums, %x, %c3, %c1)
      : (memref<?xf32>, memref<?x8xf32>, index, index) -> ()
  func.call @rowsum(%sums, %x, %c1, %c4)
      : (memref<?xf32>, memref<?x8xf32>, index, index) -> ()
  %sums_u = memref.cast %sums : memref<?xf32> to memref<*xf32>
  func.call @printMemrefF32(%sums_u) : (memref<*xf32>) -> ()

  %table = memref.alloc(%c4) : memref<?x8xf32>
  func.call @fill(%table, %c4, %c10) : (memref<?x8xf32>, index, index) -> ()
  %idx = memref.alloc(%c3) : memref<?xindex>
  memref.store %c3, %idx[%c0] : memref<?xindex>
  memref.store %c0, %idx[%c1] : memref<?xindex>
  memref.store %c2, %idx[%c2] : memref<?xindex>
  %out = memref.alloc(%c3) : memref<?x8xf32>
  func.call @gather(%out, %table, %idx, %c3, %c4)
      : (memref<?x8xf32>, memref<?x8xf32>, memref<?xindex>, index, index) -> ()
  %out_u = memref.cast %out : memref<?x8xf32> to memref<*xf32>
  func.call @printMemrefF32(%out_u) : (memref<*xf32>) -> ()
  %out1 = memref.alloc(%c1) : memref<?x8xf32>
  func.call @gather(%out1, %table, %idx, %c1, %c4)
      : (memref<?x8xf32>, memref<?x8xf32>, memref<?xindex>, index, index) -> ()
  %out1_u = memref.cast %out1 : memref<?x8xf32> to memref<*xf32>
  func.call @printMemrefF32(%out1_u) : (memref<*xf32>) -> ()

  memref.dealloc %x : memref<?x8xf32>
  memref.dealloc %cache : memref<?x8xf32>
  memref.dealloc %sums : memref<?xf32>
  memref.dealloc %table : memref<?x8xf32>
  memref.dealloc %idx : memref<?xindex>
  memref.dealloc %out : memref<?x8xf32>
  memref.dealloc %out1 : memref<?x8xf32>
  return
}
