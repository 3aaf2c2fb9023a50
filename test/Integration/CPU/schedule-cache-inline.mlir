// Executes a tir kernel with a symbolic size scheduled by compute_inline,
// cache_read and cache_write, and checks the result against the one
// computed by hand, so the schedule is shown to preserve semantics. B = 2 * A
// is inlined into C = B + A, the only read of A then goes through a local
// copy, and C is computed into a local buffer that is copied back.
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

/// The schedule: the copy of A into a local buffer, then C computed into a
/// local buffer from the copy (B inlined), then the copy back into C.
// SCHED-LABEL: tir.prim_func @kernel
// SCHED-SAME: (%[[A:.*]]: memref<?x8xf32>, %[[C:.*]]: memref<?x8xf32>, %[[N:.*]]: index)
// SCHED-NOT: tir.block "B"
// SCHED: %[[AL:.*]] = tir.alloc_buffer(%{{.*}}) : memref<?x8xf32, #tir.scope<local>>
// SCHED: tir.block "C_read0_local"
// SCHED: %[[CL:.*]] = tir.alloc_buffer(%{{.*}}) : memref<?x8xf32, #tir.scope<local>>
// SCHED: tir.block "C"
// SCHED-NEXT: reads(%[[AL]][{{.*}}] : memref<?x8xf32, #tir.scope<local>>)
// SCHED-NEXT: writes(%[[CL]][{{.*}}] : memref<?x8xf32, #tir.scope<local>>) {
// SCHED: tir.block "C_write0_local"
// SCHED-NEXT: reads(%[[CL]][
// SCHED-NEXT: writes(%[[C]][
// SCHED: tir.return

/// A[i][j] = 8 * i + j, so C[i][j] = 2 * A[i][j] + A[i][j] = 24 * i + 3 * j.
// CHECK: rank = 2 offset = 0 sizes = [3, 8] strides = [8, 1] data =
// CHECK-NEXT: [0, 3, 6, 9, 12, 15, 18, 21],
// CHECK-NEXT: [24, 27, 30, 33, 36, 39, 42, 45],
// CHECK-NEXT: [48, 51, 54, 57, 60, 63, 66, 69]]

//--- schedule.mlir
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.compute_inline %b : !transform.any_op
    %c = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %read = transform.tir.cache_read %c, 0, "local"
        : (!transform.any_op) -> !transform.any_op
    %write = transform.tir.cache_write %c, 0, "local"
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

//--- kernels.mlir
tir.prim_func @kernel(%A: memref<?x8xf32>, %C: memref<?x8xf32>, %n: index)
    attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %two = arith.constant 2.0 : f32
  %B = tir.alloc_buffer(%n) : memref<?x8xf32, #tir.scope<global>>
  tir.for %i = %c0 to %n {
    tir.for %j = %c0 to %c8 {
      tir.block "B" (%vi: spatial[%n] = %i, %vj: spatial[8] = %j)
          reads(%A[%vi, %vj] : memref<?x8xf32>)
          writes(%B[%vi, %vj] : memref<?x8xf32, #tir.scope<global>>) {
        %a = memref.load %A[%vi, %vj] : memref<?x8xf32>
        %b = arith.mulf %a, %two : f32
        memref.store %b, %B[%vi, %vj] : memref<?x8xf32, #tir.scope<global>>
      }
    }
  }
  tir.for %i = %c0 to %n {
    tir.for %j = %c0 to %c8 {
      tir.block "C" (%vi: spatial[%n] = %i, %vj: spatial[8] = %j)
          reads(%B[%vi, %vj], %A[%vi, %vj]
                : memref<?x8xf32, #tir.scope<global>>, memref<?x8xf32>)
          writes(%C[%vi, %vj] : memref<?x8xf32>) {
        %b = memref.load %B[%vi, %vj] : memref<?x8xf32, #tir.scope<global>>
        %a = memref.load %A[%vi, %vj] : memref<?x8xf32>
        %c = arith.addf %b, %a : f32
        memref.store %c, %C[%vi, %vj] : memref<?x8xf32>
      }
    }
  }
  tir.return
}

//--- main.mlir
func.func private @kernel(memref<?x8xf32>, memref<?x8xf32>, index)
    attributes {llvm.emit_c_interface}
func.func private @printMemrefF32(memref<*xf32>)
    attributes {llvm.emit_c_interface}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c8 = arith.constant 8 : index
  %A = memref.alloc() : memref<3x8xf32>
  %C = memref.alloc() : memref<3x8xf32>
  scf.for %i = %c0 to %c3 step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      %row = arith.muli %i, %c8 : index
      %ij = arith.addi %row, %j : index
      %int = arith.index_cast %ij : index to i64
      %a = arith.sitofp %int : i64 to f32
      memref.store %a, %A[%i, %j] : memref<3x8xf32>
    }
  }
  %Ad = memref.cast %A : memref<3x8xf32> to memref<?x8xf32>
  %Cd = memref.cast %C : memref<3x8xf32> to memref<?x8xf32>
  func.call @kernel(%Ad, %Cd, %c3)
      : (memref<?x8xf32>, memref<?x8xf32>, index) -> ()
  %printed = memref.cast %C : memref<3x8xf32> to memref<*xf32>
  func.call @printMemrefF32(%printed) : (memref<*xf32>) -> ()
  memref.dealloc %A : memref<3x8xf32>
  memref.dealloc %C : memref<3x8xf32>
  return
}
