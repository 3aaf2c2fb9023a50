// Executes a tir matmul scheduled by transform.tir primitives (split,
// reorder, fuse, decompose_reduction, parallel) and checks the result against
// the one computed by hand for the unscheduled kernel (the same data as
// tir-matmul.mlir), so the schedule is shown to preserve semantics. The
// reduction loop k (extent 5) is split by 2, so the block gets a predicate
// for the ragged last tile, which decompose_reduction drops from the init
// block (TVM's RemakePredicate).
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

/// The schedule: the init block in a parallel copy of the fused i*j loop in
/// front of ko; then ko > parallel fused(i, j) > ki > block.
// SCHED-LABEL: tir.prim_func @matmul
// SCHED: tir.for parallel %[[IJ0:.*]] = %{{.*}} to %c12 {
// SCHED-NEXT: %[[I0:.*]] = arith.floordivsi %[[IJ0]], %c3 : index
// SCHED-NEXT: %[[J0:.*]] = arith.remsi %[[IJ0]], %c3 : index
// SCHED-NEXT: tir.block "C_init" (%{{.*}}: spatial[4] = %[[I0]], %{{.*}}: spatial[3] = %[[J0]])
// SCHED-NEXT: writes(
// SCHED-NOT: where
// SCHED: tir.for %[[KO:.*]] = %{{.*}} to %c3 {
// SCHED-NEXT: tir.for parallel %[[IJ:.*]] = %{{.*}} to %c12 {
// SCHED-NEXT: arith.floordivsi %[[IJ]], %c3
// SCHED-NEXT: arith.remsi %[[IJ]], %c3
// SCHED-NEXT: tir.for %{{.*}} = %{{.*}} to %c2 {
// SCHED: tir.block "C" (
// SCHED: writes({{.*}}) where(%{{.*}}) {
// SCHED-NOT: init
// SCHED: tir.return

/// C = A * B with A[i][k] = i + k (4x5) and B[k][j] = j + 1 (5x3), so
/// C[i][j] = (j + 1) * sum_{k<5} (i + k) = (j + 1) * (5 * i + 10). C starts
/// out as 100 everywhere: the init block must clear it.
// CHECK: rank = 2 offset = 0 sizes = [4, 3] strides = [3, 1] data =
// CHECK-NEXT: [10, 20, 30],
// CHECK-NEXT: [15, 30, 45],
// CHECK-NEXT: [20, 40, 60],
// CHECK-NEXT: [25, 50, 75]]

//--- schedule.mlir
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %i, %j, %k = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %ko, %ki = transform.tir.split %k factors [?, 2]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.tir.reorder %ko, %i, %j
        : !transform.any_op, !transform.any_op, !transform.any_op
    %ij = transform.tir.fuse %i, %j
        : (!transform.any_op, !transform.any_op) -> !transform.any_op
    %init = transform.tir.decompose_reduction %b, %ko
        : (!transform.any_op, !transform.any_op) -> !transform.any_op
    transform.tir.parallel %ij : !transform.any_op
    %init_ij = transform.tir.get_loops %init
        : (!transform.any_op) -> !transform.any_op
    transform.tir.parallel %init_ij : !transform.any_op
    transform.yield
  }
}

//--- kernels.mlir
tir.prim_func @matmul(%A: memref<4x5xf32>, %B: memref<5x3xf32>,
                      %C: memref<4x3xf32>) attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %c4 {
    tir.for %j = %c0 to %c3 {
      tir.for %k = %c0 to %c5 {
        tir.block "C" (%vi: spatial[4] = %i, %vj: spatial[3] = %j,
                       %vk: reduce[5] = %k)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<4x5xf32>, memref<5x3xf32>)
            writes(%C[%vi, %vj] : memref<4x3xf32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<4x3xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<4x5xf32>
          %b = memref.load %B[%vk, %vj] : memref<5x3xf32>
          %c = memref.load %C[%vi, %vj] : memref<4x3xf32>
          %prod = arith.mulf %a, %b : f32
          %sum = arith.addf %c, %prod : f32
          memref.store %sum, %C[%vi, %vj] : memref<4x3xf32>
        }
      }
    }
  }
  tir.return
}

//--- main.mlir
func.func private @matmul(memref<4x5xf32>, memref<5x3xf32>, memref<4x3xf32>)
    attributes {llvm.emit_c_interface}
func.func private @printMemrefF32(memref<*xf32>)
    attributes {llvm.emit_c_interface}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %garbage = arith.constant 100.0 : f32
  %A = memref.alloc() : memref<4x5xf32>
  %B = memref.alloc() : memref<5x3xf32>
  %C = memref.alloc() : memref<4x3xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %k = %c0 to %c5 step %c1 {
      %ik = arith.addi %i, %k : index
      %a = func.call @indexToF32(%ik) : (index) -> f32
      memref.store %a, %A[%i, %k] : memref<4x5xf32>
    }
  }
  scf.for %k = %c0 to %c5 step %c1 {
    scf.for %j = %c0 to %c3 step %c1 {
      %j1 = arith.addi %j, %c1 : index
      %b = func.call @indexToF32(%j1) : (index) -> f32
      memref.store %b, %B[%k, %j] : memref<5x3xf32>
    }
  }
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c3 step %c1 {
      memref.store %garbage, %C[%i, %j] : memref<4x3xf32>
    }
  }
  func.call @matmul(%A, %B, %C)
      : (memref<4x5xf32>, memref<5x3xf32>, memref<4x3xf32>) -> ()
  %printed = memref.cast %C : memref<4x3xf32> to memref<*xf32>
  func.call @printMemrefF32(%printed) : (memref<*xf32>) -> ()
  memref.dealloc %A : memref<4x5xf32>
  memref.dealloc %B : memref<5x3xf32>
  memref.dealloc %C : memref<4x3xf32>
  return
}

func.func @indexToF32(%i: index) -> f32 {
  %int = arith.index_cast %i : index to i64
  %float = arith.sitofp %int : i64 to f32
  return %float : f32
}
