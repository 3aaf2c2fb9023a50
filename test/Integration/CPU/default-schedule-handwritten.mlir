// Hand-written kernels (not relax-legalize's form) scheduled by
// tir-default-schedule, executed and checked against references computed
// in main by plain loops, at two symbolic instantiations each:
//   - a matmul written `for k, i, j` with variables (k, i, j) and the
//     operands of the product and sum swapped: recognised as a matmul,
//     normalized and tensorized into the micro-kernel;
//   - an NT matmul `C[i, j] += A[i, k] * B[j, k]` (dot products);
//   - a softmax written as three nests (row max, sum of exponentials, then
//     exp / sum) with the sum fused into one reduction: the nests are fused
//     per row and the reductions vectorized.
//
// RUN: split-file %s %t
// RUN: mlc-opt %t/kernels.mlir --tir-default-schedule=report=true 2>&1 \
// RUN:   | FileCheck %s --check-prefix=RULES
// RUN: mlc-opt %t/kernels.mlir --tir-default-schedule --convert-tir-to-scf \
// RUN:   --convert-vector-to-scf --expand-strided-metadata --lower-affine \
// RUN:   --convert-vector-to-llvm --convert-scf-to-cf --convert-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | mlir-translate --mlir-to-llvmir \
// RUN: | llc --relocation-model=pic --filetype=obj -o %t/kernels.o
// RUN: %cxx -shared %t/kernels.o -o %t/libkernels%shlibext
// RUN: mlc-opt %t/main.mlir --convert-scf-to-cf --convert-to-llvm \
// RUN:   --reconcile-unrealized-casts \
// RUN: | %mlir_runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%t/libkernels%shlibext,%mlir_c_runner_utils,%mlir_runner_utils \
// RUN: | FileCheck %s

// RULES: remark: block "C": matmul, rule: micro-kernel
// RULES: remark: block "D": matmul, rule: dot products
// RULES: remark: block "rowmax": reduction
// RULES: remark: block "expsum": reduction
// RULES: remark: block "norm": broadcast
// RULES-LABEL: tir.prim_func @softmax
// RULES: tir.for parallel %[[ROW:[a-z0-9]+]] =
// RULES: tir.block "rowmax" (%{{.*}} = %[[ROW]],
// RULES: tir.block "expsum" (%{{.*}} = %[[ROW]],
// RULES: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
// RULES: tir.block "norm" (%{{.*}} = %[[ROW]],

/// Per instantiation: the largest |kernel - reference| (integer-valued
/// matmul inputs make the sums exact), then whether the softmax is within
/// 1e-6 of the reference (1) or not (0).
// CHECK-COUNT-4: {{^}}[0]
// CHECK-COUNT-2: {{^}}[1]

//--- kernels.mlir
tir.prim_func @matmul(%A: memref<?x32xf32>, %B: memref<32x24xf32>,
                      %C: memref<?x24xf32>, %m: index) attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c24 = arith.constant 24 : index
  %c32 = arith.constant 32 : index
  %zero = arith.constant 0.0 : f32
  tir.for %k = %c0 to %c32 {
    tir.for %i = %c0 to %m {
      tir.for %j = %c0 to %c24 {
        tir.block "C" (%vk: reduce[32] = %k, %vi: spatial[%m] = %i, %vj: spatial[24] = %j)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<?x32xf32>, memref<32x24xf32>)
            writes(%C[%vi, %vj] : memref<?x24xf32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<?x24xf32>
        } {
          %c = memref.load %C[%vi, %vj] : memref<?x24xf32>
          %b = memref.load %B[%vk, %vj] : memref<32x24xf32>
          %a = memref.load %A[%vi, %vk] : memref<?x32xf32>
          %p = arith.mulf %b, %a : f32
          %s = arith.addf %p, %c : f32
          memref.store %s, %C[%vi, %vj] : memref<?x24xf32>
        }
      }
    }
  }
  tir.return
}

tir.prim_func @matmul_nt(%A: memref<?x32xf32>, %B: memref<24x32xf32>,
                         %D: memref<?x24xf32>, %m: index) attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %c24 = arith.constant 24 : index
  %c32 = arith.constant 32 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %m {
    tir.for %j = %c0 to %c24 {
      tir.for %k = %c0 to %c32 {
        tir.block "D" (%vi: spatial[%m] = %i, %vj: spatial[24] = %j, %vk: reduce[32] = %k)
            reads(%A[%vi, %vk], %B[%vj, %vk] : memref<?x32xf32>, memref<24x32xf32>)
            writes(%D[%vi, %vj] : memref<?x24xf32>) init {
          memref.store %zero, %D[%vi, %vj] : memref<?x24xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<?x32xf32>
          %b = memref.load %B[%vj, %vk] : memref<24x32xf32>
          %p = arith.mulf %a, %b : f32
          %c = memref.load %D[%vi, %vj] : memref<?x24xf32>
          %s = arith.addf %c, %p : f32
          memref.store %s, %D[%vi, %vj] : memref<?x24xf32>
        }
      }
    }
  }
  tir.return
}

tir.prim_func @softmax(%X: memref<?x?xf32>, %Y: memref<?x?xf32>, %m: index,
                       %n: index) attributes {tir.noalias} {
  %c0 = arith.constant 0 : index
  %ninf = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %max = tir.alloc_buffer(%m) : memref<?xf32>
  %sum = tir.alloc_buffer(%m) : memref<?xf32>
  tir.for %i = %c0 to %m {
    tir.for %j = %c0 to %n {
      tir.block "rowmax" (%vi: spatial[%m] = %i, %vj: reduce[%n] = %j)
          reads(%X[%vi, %vj] : memref<?x?xf32>) writes(%max[%vi] : memref<?xf32>) init {
        memref.store %ninf, %max[%vi] : memref<?xf32>
      } {
        %x = memref.load %X[%vi, %vj] : memref<?x?xf32>
        %o = memref.load %max[%vi] : memref<?xf32>
        %r = arith.maximumf %x, %o : f32
        memref.store %r, %max[%vi] : memref<?xf32>
      }
    }
  }
  tir.for %i = %c0 to %m {
    tir.for %j = %c0 to %n {
      tir.block "expsum" (%vi: spatial[%m] = %i, %vj: reduce[%n] = %j)
          reads(%X[%vi, %vj], %max[%vi] : memref<?x?xf32>, memref<?xf32>)
          writes(%sum[%vi] : memref<?xf32>) init {
        memref.store %zero, %sum[%vi] : memref<?xf32>
      } {
        %x = memref.load %X[%vi, %vj] : memref<?x?xf32>
        %mx = memref.load %max[%vi] : memref<?xf32>
        %d = arith.subf %x, %mx : f32
        %e = math.exp %d : f32
        %o = memref.load %sum[%vi] : memref<?xf32>
        %r = arith.addf %o, %e : f32
        memref.store %r, %sum[%vi] : memref<?xf32>
      }
    }
  }
  tir.for %i = %c0 to %m {
    tir.for %j = %c0 to %n {
      tir.block "norm" (%vi: spatial[%m] = %i, %vj: spatial[%n] = %j)
          reads(%X[%vi, %vj], %max[%vi], %sum[%vi]
                : memref<?x?xf32>, memref<?xf32>, memref<?xf32>)
          writes(%Y[%vi, %vj] : memref<?x?xf32>) {
        %x = memref.load %X[%vi, %vj] : memref<?x?xf32>
        %mx = memref.load %max[%vi] : memref<?xf32>
        %d = arith.subf %x, %mx : f32
        %e = math.exp %d : f32
        %s = memref.load %sum[%vi] : memref<?xf32>
        %y = arith.divf %e, %s : f32
        memref.store %y, %Y[%vi, %vj] : memref<?x?xf32>
      }
    }
  }
  tir.return
}

//--- main.mlir
func.func private @matmul(memref<?x32xf32>, memref<32x24xf32>, memref<?x24xf32>, index)
    attributes {llvm.emit_c_interface}
func.func private @matmul_nt(memref<?x32xf32>, memref<24x32xf32>, memref<?x24xf32>, index)
    attributes {llvm.emit_c_interface}
func.func private @softmax(memref<?x?xf32>, memref<?x?xf32>, index, index)
    attributes {llvm.emit_c_interface}
func.func private @printMemrefF32(memref<*xf32>)
    attributes {llvm.emit_c_interface}

/// A value in [-4, 4] from the position (integers: exact products).
func.func @value(%i: index, %j: index) -> f32 {
  %c7 = arith.constant 7 : index
  %c3 = arith.constant 3 : index
  %c9 = arith.constant 9 : index
  %c4 = arith.constant 4 : index
  %a = arith.muli %i, %c7 : index
  %b = arith.muli %j, %c3 : index
  %s = arith.addi %a, %b : index
  %r = arith.remui %s, %c9 : index
  %d = arith.subi %r, %c4 : index
  %int = arith.index_cast %d : index to i64
  %f = arith.sitofp %int : i64 to f32
  return %f : f32
}

func.func @fill(%m: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = memref.dim %m, %c0 : memref<?x?xf32>
  %cols = memref.dim %m, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %cols step %c1 {
      %v = func.call @value(%i, %j) : (index, index) -> f32
      memref.store %v, %m[%i, %j] : memref<?x?xf32>
    }
  }
  return
}

/// max |got - want| over the first `rows` rows.
func.func @maxdiff(%got: memref<?x?xf32>, %want: memref<?x?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %rows = memref.dim %got, %c0 : memref<?x?xf32>
  %cols = memref.dim %got, %c1 : memref<?x?xf32>
  %r = scf.for %i = %c0 to %rows step %c1 iter_args(%acc = %zero) -> f32 {
    %row = scf.for %j = %c0 to %cols step %c1 iter_args(%a = %acc) -> f32 {
      %g = memref.load %got[%i, %j] : memref<?x?xf32>
      %w = memref.load %want[%i, %j] : memref<?x?xf32>
      %d = arith.subf %g, %w : f32
      %ad = math.absf %d : f32
      %n = arith.maximumf %a, %ad : f32
      scf.yield %n : f32
    }
    scf.yield %row : f32
  }
  return %r : f32
}

func.func @print(%v: f32) {
  %c0 = arith.constant 0 : index
  %m = memref.alloc() : memref<1xf32>
  memref.store %v, %m[%c0] : memref<1xf32>
  %u = memref.cast %m : memref<1xf32> to memref<*xf32>
  func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  memref.dealloc %m : memref<1xf32>
  return
}

/// Both matmuls at m rows against C[i][j] = sum_k A[i][k] * B[k][j].
func.func @check_matmuls(%m: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c24 = arith.constant 24 : index
  %c32 = arith.constant 32 : index
  %zero = arith.constant 0.0 : f32
  %A = memref.alloc(%m, %c32) : memref<?x?xf32>
  %B = memref.alloc(%c32, %c24) : memref<?x?xf32>
  %Bt = memref.alloc(%c24, %c32) : memref<?x?xf32>
  %C = memref.alloc(%m, %c24) : memref<?x?xf32>
  %D = memref.alloc(%m, %c24) : memref<?x?xf32>
  %R = memref.alloc(%m, %c24) : memref<?x?xf32>
  func.call @fill(%A) : (memref<?x?xf32>) -> ()
  func.call @fill(%B) : (memref<?x?xf32>) -> ()
  scf.for %k = %c0 to %c32 step %c1 {
    scf.for %j = %c0 to %c24 step %c1 {
      %b = memref.load %B[%k, %j] : memref<?x?xf32>
      memref.store %b, %Bt[%j, %k] : memref<?x?xf32>
    }
  }
  scf.for %i = %c0 to %m step %c1 {
    scf.for %j = %c0 to %c24 step %c1 {
      %s = scf.for %k = %c0 to %c32 step %c1 iter_args(%acc = %zero) -> f32 {
        %a = memref.load %A[%i, %k] : memref<?x?xf32>
        %b = memref.load %B[%k, %j] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        %n = arith.addf %acc, %p : f32
        scf.yield %n : f32
      }
      memref.store %s, %R[%i, %j] : memref<?x?xf32>
    }
  }
  %Ac = memref.cast %A : memref<?x?xf32> to memref<?x32xf32>
  %Bc = memref.cast %B : memref<?x?xf32> to memref<32x24xf32>
  %Btc = memref.cast %Bt : memref<?x?xf32> to memref<24x32xf32>
  %Cc = memref.cast %C : memref<?x?xf32> to memref<?x24xf32>
  %Dc = memref.cast %D : memref<?x?xf32> to memref<?x24xf32>
  func.call @matmul(%Ac, %Bc, %Cc, %m)
      : (memref<?x32xf32>, memref<32x24xf32>, memref<?x24xf32>, index) -> ()
  func.call @matmul_nt(%Ac, %Btc, %Dc, %m)
      : (memref<?x32xf32>, memref<24x32xf32>, memref<?x24xf32>, index) -> ()
  %dc = func.call @maxdiff(%C, %R) : (memref<?x?xf32>, memref<?x?xf32>) -> f32
  func.call @print(%dc) : (f32) -> ()
  %dd = func.call @maxdiff(%D, %R) : (memref<?x?xf32>, memref<?x?xf32>) -> f32
  func.call @print(%dd) : (f32) -> ()
  memref.dealloc %A : memref<?x?xf32>
  memref.dealloc %B : memref<?x?xf32>
  memref.dealloc %Bt : memref<?x?xf32>
  memref.dealloc %C : memref<?x?xf32>
  memref.dealloc %D : memref<?x?xf32>
  memref.dealloc %R : memref<?x?xf32>
  return
}

/// The softmax of an m x n input against exp(x - max) / sum per row.
func.func @check_softmax(%m: index, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %tol = arith.constant 1.0e-6 : f32
  %X = memref.alloc(%m, %n) : memref<?x?xf32>
  %Y = memref.alloc(%m, %n) : memref<?x?xf32>
  %R = memref.alloc(%m, %n) : memref<?x?xf32>
  func.call @fill(%X) : (memref<?x?xf32>) -> ()
  scf.for %i = %c0 to %m step %c1 {
    %mx = scf.for %j = %c0 to %n step %c1 iter_args(%a = %ninf) -> f32 {
      %x = memref.load %X[%i, %j] : memref<?x?xf32>
      %b = arith.maximumf %a, %x : f32
      scf.yield %b : f32
    }
    %s = scf.for %j = %c0 to %n step %c1 iter_args(%a = %zero) -> f32 {
      %x = memref.load %X[%i, %j] : memref<?x?xf32>
      %d = arith.subf %x, %mx : f32
      %e = math.exp %d : f32
      %b = arith.addf %a, %e : f32
      scf.yield %b : f32
    }
    scf.for %j = %c0 to %n step %c1 {
      %x = memref.load %X[%i, %j] : memref<?x?xf32>
      %d = arith.subf %x, %mx : f32
      %e = math.exp %d : f32
      %y = arith.divf %e, %s : f32
      memref.store %y, %R[%i, %j] : memref<?x?xf32>
    }
  }
  func.call @softmax(%X, %Y, %m, %n)
      : (memref<?x?xf32>, memref<?x?xf32>, index, index) -> ()
  %d = func.call @maxdiff(%Y, %R) : (memref<?x?xf32>, memref<?x?xf32>) -> f32
  %ok = arith.cmpf olt, %d, %tol : f32
  %okf = arith.uitofp %ok : i1 to f32
  func.call @print(%okf) : (f32) -> ()
  memref.dealloc %X : memref<?x?xf32>
  memref.dealloc %Y : memref<?x?xf32>
  memref.dealloc %R : memref<?x?xf32>
  return
}

func.func @main() {
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c13 = arith.constant 13 : index
  %c37 = arith.constant 37 : index
  func.call @check_matmuls(%c13) : (index) -> ()
  func.call @check_matmuls(%c1) : (index) -> ()
  func.call @check_softmax(%c3, %c37) : (index, index) -> ()
  func.call @check_softmax(%c1, %c1) : (index, index) -> ()
  return
}
