// Executes kernels scheduled by compute_at, rfactor and pad_einsum and
// checks the results against the ones computed by hand for the unscheduled
// kernels, so the primitives are shown to preserve semantics.
//
// @stencil: B = 2 * A (10 elements), C[i] = B[i] + B[i + 1] + B[i + 2] for
// i < 8 over a ragged split of i (3 tiles of 4, guarded by i < 8).
// compute_at moves B under the inner tile loop: each iteration computes
// the 3 elements of B it reads, guarded by < 10 where the range passes the
// end of B. @rowsum: S[i] = sum_k A[i][k] over k = ko * 4 + ki; rfactor of
// ki sums into a 4-wide partial buffer, reduced by the write-back block.
// @matmul: C = A * B with a symbolic row count (5 here), padded by
// pad_einsum to multiples of [4, 1, 2] (8 rows, k from 3 to 4).
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

// SCHED-LABEL: tir.prim_func @stencil
// SCHED: tir.for %{{.*}} = %{{.*}} to %c3 {
// SCHED-NEXT: tir.for %{{.*}} = %{{.*}} to %c4 {
// SCHED: tir.block "B" (
// SCHED: where(
// SCHED: tir.block "C" (
// SCHED-LABEL: tir.prim_func @rowsum
// SCHED: tir.alloc_buffer : memref<4x4xf32>
// SCHED: tir.block "S_rf" (
// SCHED: tir.block "S" (
// SCHED-LABEL: tir.prim_func @matmul
// SCHED: arith.ceildivsi
// SCHED: tir.block "MM_pad_read0"
// SCHED: tir.block "MM" (
// SCHED: tir.block "MM_pad_write"

/// C[i] = 2 * (i + (i + 1) + (i + 2)) = 6 * i + 6.
// CHECK: rank = 1 offset = 0 sizes = [8] strides = [1] data =
// CHECK-NEXT: [6,  12,  18,  24,  30,  36,  42,  48]
/// S[i] = sum_{k<8} (i + k) = 8 * i + 28; S starts out as 100.
// CHECK: rank = 1 offset = 0 sizes = [4] strides = [1] data =
// CHECK-NEXT: [28,  36,  44,  52]
/// C[i][j] = (j + 1) * sum_{k<3} (i + k) = (j + 1) * (3 * i + 3).
// CHECK: rank = 2 offset = 0 sizes = [5, 2] strides = [2, 1] data =
// CHECK-NEXT: [3,   6],
// CHECK-NEXT: [6,   12],
// CHECK-NEXT: [9,   18],
// CHECK-NEXT: [12,   24],
// CHECK-NEXT: [15,   30]]

//--- schedule.mlir
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %io, %ii, %k = transform.tir.get_loops %c
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.tir.compute_at %b, %ii : !transform.any_op, !transform.any_op
    %s = transform.tir.get_block "S" in %root : (!transform.any_op) -> !transform.any_op
    %i, %sk = transform.tir.get_loops %s
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %ko, %ki = transform.tir.split %sk factors [?, 4]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %rf = transform.tir.rfactor %ki factor_axis = 1
        : (!transform.any_op) -> !transform.any_op
    %mm = transform.tir.get_block "MM" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %mm padding [4, 1, 2] : !transform.any_op
    transform.yield
  }
}

//--- kernels.mlir
tir.prim_func @stencil(%A: memref<10xf32>, %C: memref<8xf32>)
    attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c10 = arith.constant 10 : index
  %zero = arith.constant 0.0 : f32
  %two = arith.constant 2.0 : f32
  %B = tir.alloc_buffer : memref<10xf32>
  tir.for %i = %c0 to %c10 {
    tir.block "B" (%vi: spatial[10] = %i) reads(%A[%vi] : memref<10xf32>)
        writes(%B[%vi] : memref<10xf32>) {
      %a = memref.load %A[%vi] : memref<10xf32>
      %b = arith.mulf %a, %two : f32
      memref.store %b, %B[%vi] : memref<10xf32>
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
          %s = arith.addf %c, %b : f32
          memref.store %s, %C[%vi] : memref<8xf32>
        }
      }
    }
  }
  tir.return
}

tir.prim_func @rowsum(%A: memref<4x8xf32>, %S: memref<4xf32>)
    attributes {tir.noalias} {
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

tir.prim_func @matmul(%A: memref<?x3xf32>, %B: memref<3x2xf32>,
                      %C: memref<?x2xf32>, %m: index) attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %m {
    tir.for %j = %c0 to %c2 {
      tir.for %k = %c0 to %c3 {
        tir.block "MM" (%vi: spatial[%m] = %i, %vj: spatial[2] = %j,
                        %vk: reduce[3] = %k)
            reads(%A[%vi, %vk], %B[%vk, %vj], %C[%vi, %vj]
                  : memref<?x3xf32>, memref<3x2xf32>, memref<?x2xf32>)
            writes(%C[%vi, %vj] : memref<?x2xf32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<?x2xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<?x3xf32>
          %b = memref.load %B[%vk, %vj] : memref<3x2xf32>
          %c = memref.load %C[%vi, %vj] : memref<?x2xf32>
          %p = arith.mulf %a, %b : f32
          %s = arith.addf %c, %p : f32
          memref.store %s, %C[%vi, %vj] : memref<?x2xf32>
        }
      }
    }
  }
  tir.return
}

//--- main.mlir
func.func private @stencil(memref<10xf32>, memref<8xf32>)
    attributes {llvm.emit_c_interface}
func.func private @rowsum(memref<4x8xf32>, memref<4xf32>)
    attributes {llvm.emit_c_interface}
func.func private @matmul(memref<?x3xf32>, memref<3x2xf32>, memref<?x2xf32>,
                          index) attributes {llvm.emit_c_interface}
func.func private @printMemrefF32(memref<*xf32>)
    attributes {llvm.emit_c_interface}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c10 = arith.constant 10 : index
  %garbage = arith.constant 100.0 : f32
  %A = memref.alloc() : memref<10xf32>
  %C = memref.alloc() : memref<8xf32>
  scf.for %i = %c0 to %c10 step %c1 {
    %a = func.call @indexToF32(%i) : (index) -> f32
    memref.store %a, %A[%i] : memref<10xf32>
  }
  scf.for %i = %c0 to %c8 step %c1 {
    memref.store %garbage, %C[%i] : memref<8xf32>
  }
  func.call @stencil(%A, %C) : (memref<10xf32>, memref<8xf32>) -> ()
  %printedC = memref.cast %C : memref<8xf32> to memref<*xf32>
  func.call @printMemrefF32(%printedC) : (memref<*xf32>) -> ()

  %A2 = memref.alloc() : memref<4x8xf32>
  %S = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %k = %c0 to %c8 step %c1 {
      %ik = arith.addi %i, %k : index
      %a = func.call @indexToF32(%ik) : (index) -> f32
      memref.store %a, %A2[%i, %k] : memref<4x8xf32>
    }
    memref.store %garbage, %S[%i] : memref<4xf32>
  }
  func.call @rowsum(%A2, %S) : (memref<4x8xf32>, memref<4xf32>) -> ()
  %printedS = memref.cast %S : memref<4xf32> to memref<*xf32>
  func.call @printMemrefF32(%printedS) : (memref<*xf32>) -> ()
  memref.dealloc %A : memref<10xf32>
  memref.dealloc %C : memref<8xf32>
  memref.dealloc %A2 : memref<4x8xf32>
  memref.dealloc %S : memref<4xf32>
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %MA = memref.alloc(%c5) : memref<?x3xf32>
  %MB = memref.alloc() : memref<3x2xf32>
  %MC = memref.alloc(%c5) : memref<?x2xf32>
  scf.for %i = %c0 to %c5 step %c1 {
    scf.for %k = %c0 to %c3 step %c1 {
      %ik = arith.addi %i, %k : index
      %a = func.call @indexToF32(%ik) : (index) -> f32
      memref.store %a, %MA[%i, %k] : memref<?x3xf32>
    }
    scf.for %j = %c0 to %c2 step %c1 {
      memref.store %garbage, %MC[%i, %j] : memref<?x2xf32>
    }
  }
  scf.for %k = %c0 to %c3 step %c1 {
    scf.for %j = %c0 to %c2 step %c1 {
      %j1 = arith.addi %j, %c1 : index
      %b = func.call @indexToF32(%j1) : (index) -> f32
      memref.store %b, %MB[%k, %j] : memref<3x2xf32>
    }
  }
  func.call @matmul(%MA, %MB, %MC, %c5)
      : (memref<?x3xf32>, memref<3x2xf32>, memref<?x2xf32>, index) -> ()
  %printedMC = memref.cast %MC : memref<?x2xf32> to memref<*xf32>
  func.call @printMemrefF32(%printedMC) : (memref<*xf32>) -> ()
  memref.dealloc %MA : memref<?x3xf32>
  memref.dealloc %MB : memref<3x2xf32>
  memref.dealloc %MC : memref<?x2xf32>
  return
}

func.func @indexToF32(%i: index) -> f32 {
  %int = arith.index_cast %i : index to i64
  %float = arith.sitofp %int : i64 to f32
  return %float : f32
}
