// RUN: mlc-opt %s -split-input-file --tir-default-schedule=report=true -verify-diagnostics | FileCheck %s

/// The rules recognise blocks by their iteration-variable kinds and access
/// patterns, not by their form: these kernels are written by hand, with
/// other variable, loop and operand orders than relax-legalize's.

/// A matmul written `for k, i, j` with variables (k, i, j) and the product
/// `b * a` added to the accumulator on the right: normalized to (i, j, k)
/// and tensorized into the micro-kernel.
// CHECK-LABEL: tir.prim_func @matmul_kij
// CHECK: tir.block "C_init"
// CHECK: tir.block "C_cpu.f32_fma_6x8"
tir.prim_func @matmul_kij(%A: memref<64x32xf32>, %B: memref<32x48xf32>, %C: memref<64x48xf32>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c48 = arith.constant 48 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  tir.for %k = %c0 to %c32 {
    tir.for %i = %c0 to %c64 {
      tir.for %j = %c0 to %c48 {
        // expected-remark @below {{block "C": matmul, rule: micro-kernel}}
        tir.block "C" (%vk: reduce[32] = %k, %vi: spatial[64] = %i, %vj: spatial[48] = %j)
            reads(%A[%vi, %vk], %B[%vk, %vj] : memref<64x32xf32>, memref<32x48xf32>)
            writes(%C[%vi, %vj] : memref<64x48xf32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<64x48xf32>
        } {
          %c = memref.load %C[%vi, %vj] : memref<64x48xf32>
          %b = memref.load %B[%vk, %vj] : memref<32x48xf32>
          %a = memref.load %A[%vi, %vk] : memref<64x32xf32>
          %p = arith.mulf %b, %a : f32
          %s = arith.addf %p, %c : f32
          memref.store %s, %C[%vi, %vj] : memref<64x48xf32>
        }
      }
    }
  }
  tir.return
}

// -----

/// x times W transposed (`B[j, k]`): dot products, the reduction innermost
/// and reassociated so it vectorizes; the rows are parallel.
// CHECK-LABEL: tir.prim_func @matmul_nt
// CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C" (%{{.*}}: spatial[8] = %[[I]], %{{.*}}: spatial[16] = %[[J]], %{{.*}}: reduce[32] = %[[K]])
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
tir.prim_func @matmul_nt(%A: memref<8x32xf32>, %B: memref<16x32xf32>, %C: memref<8x16xf32>) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %c8 {
    tir.for %k = %c0 to %c32 {
      tir.for %j = %c0 to %c16 {
        // expected-remark @below {{block "C": matmul, rule: dot products}}
        tir.block "C" (%vi: spatial[8] = %i, %vk: reduce[32] = %k, %vj: spatial[16] = %j)
            reads(%A[%vi, %vk], %B[%vj, %vk] : memref<8x32xf32>, memref<16x32xf32>)
            writes(%C[%vi, %vj] : memref<8x16xf32>) init {
          memref.store %zero, %C[%vi, %vj] : memref<8x16xf32>
        } {
          %a = memref.load %A[%vi, %vk] : memref<8x32xf32>
          %b = memref.load %B[%vj, %vk] : memref<16x32xf32>
          %c = memref.load %C[%vi, %vj] : memref<8x16xf32>
          %p = arith.mulf %a, %b : f32
          %s = arith.addf %c, %p : f32
          memref.store %s, %C[%vi, %vj] : memref<8x16xf32>
        }
      }
    }
  }
  tir.return
}

// -----

/// A matrix-vector product written `for k, i`: the reduction moves inside,
/// where it walks the rows of A, and is reassociated.
// CHECK-LABEL: tir.prim_func @gemv
// CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "y" (%{{.*}}: reduce[64] = %[[K]], %{{.*}}: spatial[%{{.*}}] = %[[I]])
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
tir.prim_func @gemv(%A: memref<?x64xf32>, %x: memref<64xf32>, %y: memref<?xf32>, %m: index) {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  tir.for %k = %c0 to %c64 {
    tir.for %i = %c0 to %m {
      // expected-remark @below {{block "y": gemv, rule: gemv}}
      tir.block "y" (%vk: reduce[64] = %k, %vi: spatial[%m] = %i)
          reads(%A[%vi, %vk], %x[%vk] : memref<?x64xf32>, memref<64xf32>)
          writes(%y[%vi] : memref<?xf32>) init {
        memref.store %zero, %y[%vi] : memref<?xf32>
      } {
        %a = memref.load %A[%vi, %vk] : memref<?x64xf32>
        %v = memref.load %x[%vk] : memref<64xf32>
        %o = memref.load %y[%vi] : memref<?xf32>
        %p = arith.mulf %a, %v : f32
        %s = arith.addf %o, %p : f32
        memref.store %s, %y[%vi] : memref<?xf32>
      }
    }
  }
  tir.return
}

// -----

/// A broadcast add written column-major (`for j, i` over C[i, j]): the
/// loops follow the store's indices so the innermost walks C contiguously.
/// A transpose writes B[j, i]: its innermost loop is i.
// CHECK-LABEL: tir.prim_func @spatial
// CHECK: tir.for parallel %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "add" (%{{.*}}: spatial[16] = %[[J]], %{{.*}}: spatial[8] = %[[I]])
// CHECK: tir.for parallel %[[TJ:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[TI:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "transpose" (%{{.*}}: spatial[8] = %[[TI]], %{{.*}}: spatial[16] = %[[TJ]])
tir.prim_func @spatial(%A: memref<8x16xf32>, %b: memref<16xf32>, %C: memref<8x16xf32>,
                       %T: memref<16x8xf32>) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  tir.for %j = %c0 to %c16 {
    tir.for %i = %c0 to %c8 {
      // expected-remark @below {{block "add": broadcast, rule: loops in memory order}}
      tir.block "add" (%vj: spatial[16] = %j, %vi: spatial[8] = %i)
          reads(%A[%vi, %vj], %b[%vj] : memref<8x16xf32>, memref<16xf32>)
          writes(%C[%vi, %vj] : memref<8x16xf32>) {
        %a = memref.load %A[%vi, %vj] : memref<8x16xf32>
        %v = memref.load %b[%vj] : memref<16xf32>
        %s = arith.addf %a, %v : f32
        memref.store %s, %C[%vi, %vj] : memref<8x16xf32>
      }
    }
  }
  tir.for %i = %c0 to %c8 {
    tir.for %j = %c0 to %c16 {
      // expected-remark @below {{block "transpose": injective, rule: loops in memory order}}
      tir.block "transpose" (%vi: spatial[8] = %i, %vj: spatial[16] = %j)
          reads(%A[%vi, %vj] : memref<8x16xf32>) writes(%T[%vj, %vi] : memref<16x8xf32>) {
        %a = memref.load %A[%vi, %vj] : memref<8x16xf32>
        memref.store %a, %T[%vj, %vi] : memref<16x8xf32>
      }
    }
  }
  tir.return
}

// -----

/// Column sums of a batch of matrices: the reduce loop moves between the
/// batch loop (parallel) and the column loop, so the innermost loop walks
/// rows; an elementwise block already in memory order stays as it is; a
/// block with an opaque variable gets no rule, and its loop stays serial
/// (parallel loops may bind only spatial variables).
// CHECK-LABEL: tir.prim_func @others
// CHECK: tir.for parallel %[[B:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "colsum" (%{{.*}}: spatial[4] = %[[B]], %{{.*}}: spatial[16] = %[[J]], %{{.*}}: reduce[8] = %[[K]])
// CHECK: tir.block "scale"
// CHECK: tir.for %{{.*}} = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "opaque"
tir.prim_func @others(%A: memref<8x16xf32>, %X: memref<4x8x16xf32>, %s: memref<4x16xf32>,
                      %C: memref<8x16xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  tir.for %b = %c0 to %c4 {
    tir.for %j = %c0 to %c16 {
      tir.for %k = %c0 to %c8 {
        // expected-remark @below {{block "colsum": reduction, rule: reduction outward}}
        tir.block "colsum" (%vb: spatial[4] = %b, %vj: spatial[16] = %j, %vk: reduce[8] = %k)
            reads(%X[%vb, %vk, %vj] : memref<4x8x16xf32>) writes(%s[%vb, %vj] : memref<4x16xf32>) init {
          memref.store %zero, %s[%vb, %vj] : memref<4x16xf32>
        } {
          %a = memref.load %X[%vb, %vk, %vj] : memref<4x8x16xf32>
          %o = memref.load %s[%vb, %vj] : memref<4x16xf32>
          %t = arith.addf %o, %a : f32
          memref.store %t, %s[%vb, %vj] : memref<4x16xf32>
        }
      }
    }
  }
  tir.for %i = %c0 to %c8 {
    tir.for %j = %c0 to %c16 {
      // expected-remark @below {{block "scale": elementwise, rule: spatial (as is)}}
      tir.block "scale" (%vi: spatial[8] = %i, %vj: spatial[16] = %j)
          reads(%A[%vi, %vj] : memref<8x16xf32>) writes(%C[%vi, %vj] : memref<8x16xf32>) {
        %a = memref.load %A[%vi, %vj] : memref<8x16xf32>
        %t = arith.addf %a, %a : f32
        memref.store %t, %C[%vi, %vj] : memref<8x16xf32>
      }
    }
  }
  tir.for %i = %c0 to %c8 {
    // expected-remark @below {{block "opaque": opaque, rule: none}}
    tir.block "opaque" (%vi: opaque[8] = %i) reads(%A[%vi, 0] [1, 16] : memref<8x16xf32>)
        writes(%C[%vi, 0] [1, 16] : memref<8x16xf32>) {
    }
  }
  tir.return
}
