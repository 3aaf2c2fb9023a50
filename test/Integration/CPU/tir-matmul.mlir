// Executes tir kernels lowered by convert-tir-to-scf and upstream passes.
//
// A func.func cannot call a tir.prim_func (func.call only verifies against
// func.func), so the kernels are compiled on their own into a shared library,
// the way a host program links its kernels, and @main calls them through
// their C interface (`_mlir_ciface_<name>`).
//
// RUN: split-file %s %t
// RUN: mlc-opt %t/kernels.mlir --convert-tir-to-scf --expand-strided-metadata \
// RUN:   --lower-affine --convert-scf-to-cf --convert-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | mlir-translate --mlir-to-llvmir \
// RUN: | llc --relocation-model=pic --filetype=obj -o %t/kernels.o
// RUN: %cxx -shared %t/kernels.o -o %t/libkernels%shlibext
// RUN: mlc-opt %t/main.mlir --convert-tir-to-scf --expand-strided-metadata \
// RUN:   --lower-affine --convert-scf-to-cf --convert-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | %mlir_runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%t/libkernels%shlibext,%mlir_c_runner_utils,%mlir_runner_utils \
// RUN: | FileCheck %s

/// C = A * B with A[i][k] = i + k (4x5) and B[k][j] = j + 1 (5x3), so
/// C[i][j] = (j + 1) * sum_{k<5} (i + k) = (j + 1) * (5 * i + 10). C starts
/// out as 100 everywhere: the init region must clear it.
// CHECK: rank = 2 offset = 0 sizes = [4, 3] strides = [3, 1] data =
// CHECK-NEXT: [10, 20, 30],
// CHECK-NEXT: [15, 30, 45],
// CHECK-NEXT: [20, 40, 60],
// CHECK-NEXT: [25, 50, 75]]

/// y = 2 * x + 1 with x[i] = i, in parallel tiles of 4 with a predicate for
/// the ragged last tile, for n = 1 and n = 7; y starts out as -1.
// CHECK: rank = 1 offset = 0 sizes = [1] strides = [1] data =
// CHECK-NEXT: [1]
// CHECK: rank = 1 offset = 0 sizes = [7] strides = [1] data =
// CHECK-NEXT: [1, 3, 5, 7, 9, 11, 13]

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

tir.prim_func @scale_shift(%X: memref<?xf32>, %Y: memref<?xf32>, %n: index)
    attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %tiles = arith.ceildivsi %n, %c4 : index
  tir.for parallel %io = %c0 to %tiles {
    tir.for vectorized %ii = %c0 to %c4 {
      %base = arith.muli %io, %c4 : index
      %i = arith.addi %base, %ii : index
      %inside = arith.cmpi ult, %i, %n : index
      tir.block "Y" (%vi: spatial[%n] = %i) reads(%X[%vi] : memref<?xf32>)
          writes(%Y[%vi] : memref<?xf32>) where(%inside) {
        %tmp = tir.alloc_buffer : memref<1xf32, #tir.scope<local>>
        %x = memref.load %X[%vi] : memref<?xf32>
        %x2 = arith.mulf %x, %two : f32
        memref.store %x2, %tmp[%c0] : memref<1xf32, #tir.scope<local>>
        %t = memref.load %tmp[%c0] : memref<1xf32, #tir.scope<local>>
        %y = arith.addf %t, %one : f32
        memref.store %y, %Y[%vi] : memref<?xf32>
      }
    }
  }
  tir.return
}

//--- main.mlir
func.func private @matmul(memref<4x5xf32>, memref<5x3xf32>, memref<4x3xf32>)
    attributes {llvm.emit_c_interface}
func.func private @scale_shift(memref<?xf32>, memref<?xf32>, index)
    attributes {llvm.emit_c_interface}
func.func private @printMemrefF32(memref<*xf32>)
    attributes {llvm.emit_c_interface}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
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

  func.call @runScaleShift(%c1) : (index) -> ()
  func.call @runScaleShift(%c7) : (index) -> ()
  return
}

/// Runs @scale_shift on x[i] = i, with y filled with -1 first, and prints y.
func.func @runScaleShift(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %minus_one = arith.constant -1.0 : f32
  %X = memref.alloc(%n) : memref<?xf32>
  %Y = memref.alloc(%n) : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %x = func.call @indexToF32(%i) : (index) -> f32
    memref.store %x, %X[%i] : memref<?xf32>
    memref.store %minus_one, %Y[%i] : memref<?xf32>
  }
  func.call @scale_shift(%X, %Y, %n)
      : (memref<?xf32>, memref<?xf32>, index) -> ()
  %printed = memref.cast %Y : memref<?xf32> to memref<*xf32>
  func.call @printMemrefF32(%printed) : (memref<*xf32>) -> ()
  memref.dealloc %X : memref<?xf32>
  memref.dealloc %Y : memref<?xf32>
  return
}

func.func @indexToF32(%i: index) -> f32 {
  %int = arith.index_cast %i : index to i64
  %float = arith.sitofp %int : i64 to f32
  return %float : f32
}
