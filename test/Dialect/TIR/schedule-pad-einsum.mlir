// RUN: mlc-opt %s --transform-interpreter --split-input-file | FileCheck %s

/// pad_einsum of a matmul with a symbolic row count %m to multiples of
/// [32, 16, 8]: i becomes ceildiv(m, 32) * 32, j (64) stays, k (20) becomes
/// 24. A is copied into a zero-padded buffer (both dimensions are padded),
/// B along k; C is allocated padded, filled by the block's init and copied
/// back over the original domain.
// CHECK-LABEL: tir.prim_func @pad_matmul
// CHECK-SAME: (%[[A:.*]]: memref<?x20xf32>, %[[B:.*]]: memref<20x64xf32>, %[[C:.*]]: memref<?x64xf32>, %[[M:.*]]: index)
// CHECK-DAG: %[[C32:.*]] = arith.constant 32 : index
// CHECK-DAG: %[[C24:.*]] = arith.constant 24 : index
// CHECK-DAG: %[[C20:.*]] = arith.constant 20 : index
// CHECK: %[[TILES:.*]] = arith.ceildivsi %[[M]], %[[C32]] : index
// CHECK-NEXT: %[[MP:.*]] = arith.muli %[[TILES]], %[[C32]] : index
// CHECK-NEXT: %[[AP:.*]] = tir.alloc_buffer(%[[MP]]) : memref<?x24xf32>
// CHECK-NEXT: tir.for %[[I0:.*]] = %{{.*}} to %[[MP]] {
// CHECK-NEXT: tir.for %[[K0:.*]] = %{{.*}} to %[[C24]] {
// CHECK-NEXT: tir.block "C_pad_read0" (%[[V0:.*]]: spatial[%[[MP]]] = %[[I0]], %[[V1:.*]]: spatial[24] = %[[K0]])
// CHECK-NEXT: reads(%[[A]][%[[V0]], %[[V1]]] : memref<?x20xf32>)
// CHECK-NEXT: writes(%[[AP]][%[[V0]], %[[V1]]] : memref<?x24xf32>) {
// CHECK-NEXT: %[[IN0:.*]] = arith.cmpi slt, %[[V0]], %[[M]] : index
// CHECK-NEXT: %[[IN1:.*]] = arith.cmpi slt, %[[V1]], %[[C20]] : index
// CHECK-NEXT: %[[IN:.*]] = arith.andi %[[IN0]], %[[IN1]] : i1
// CHECK-NEXT: %[[X:.*]] = scf.if %[[IN]] -> (f32) {
// CHECK-NEXT: %[[L:.*]] = memref.load %[[A]][%[[V0]], %[[V1]]] : memref<?x20xf32>
// CHECK-NEXT: scf.yield %[[L]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: scf.yield %[[Z]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: memref.store %[[X]], %[[AP]][%[[V0]], %[[V1]]] : memref<?x24xf32>
// CHECK: %[[BP:.*]] = tir.alloc_buffer : memref<24x64xf32>
// CHECK: tir.block "C_pad_read1"
// CHECK: %[[CP:.*]] = tir.alloc_buffer(%[[MP]]) : memref<?x64xf32>
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %[[MP]] {
// CHECK-NEXT: tir.for %[[J:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.for %[[K:.*]] = %{{.*}} to %[[C24]] {
// CHECK-NEXT: tir.block "C" (%[[VI:.*]]: spatial[%[[MP]]] = %[[I]], %[[VJ:.*]]: spatial[64] = %[[J]], %[[VK:.*]]: reduce[24] = %[[K]])
// CHECK-NEXT: reads(%[[AP]][%[[VI]], %[[VK]]], %[[BP]][%[[VK]], %[[VJ]]], %[[CP]][%[[VI]], %[[VJ]]] : memref<?x24xf32>, memref<24x64xf32>, memref<?x64xf32>)
// CHECK-NEXT: writes(%[[CP]][%[[VI]], %[[VJ]]] : memref<?x64xf32>) init {
// CHECK-NEXT: memref.store %{{.*}}, %[[CP]][%[[VI]], %[[VJ]]]
// CHECK: memref.load %[[AP]][%[[VI]], %[[VK]]]
// CHECK: memref.load %[[BP]][%[[VK]], %[[VJ]]]
// CHECK: memref.load %[[CP]][%[[VI]], %[[VJ]]]
// CHECK: memref.store %{{.*}}, %[[CP]][%[[VI]], %[[VJ]]]
// CHECK: tir.for %[[I1:.*]] = %{{.*}} to %[[M]] {
// CHECK-NEXT: tir.for %[[J1:.*]] = %{{.*}} to %{{.*}} {
// CHECK-NEXT: tir.block "C_pad_write" (%[[W0:.*]]: spatial[%[[M]]] = %[[I1]], %[[W1:.*]]: spatial[64] = %[[J1]])
// CHECK-NEXT: reads(%[[CP]][%[[W0]], %[[W1]]] : memref<?x64xf32>)
// CHECK-NEXT: writes(%[[C]][%[[W0]], %[[W1]]] : memref<?x64xf32>) {
// CHECK-NEXT: %[[R:.*]] = memref.load %[[CP]][%[[W0]], %[[W1]]] : memref<?x64xf32>
// CHECK-NEXT: memref.store %[[R]], %[[C]][%[[W0]], %[[W1]]] : memref<?x64xf32>
module attributes {transform.with_named_sequence} {
  tir.prim_func @pad_matmul(%A: memref<?x20xf32>, %B: memref<20x64xf32>,
                            %C: memref<?x64xf32>, %m: index) {
    %c0 = arith.constant 0 : index
    %c20 = arith.constant 20 : index
    %c64 = arith.constant 64 : index
    %zero = arith.constant 0.0 : f32
    tir.for %i = %c0 to %m {
      tir.for %j = %c0 to %c64 {
        tir.for %k = %c0 to %c20 {
          tir.block "C" (%vi: spatial[%m] = %i, %vj: spatial[64] = %j,
                         %vk: reduce[20] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj], %C[%vi, %vj]
                    : memref<?x20xf32>, memref<20x64xf32>, memref<?x64xf32>)
              writes(%C[%vi, %vj] : memref<?x64xf32>) init {
            memref.store %zero, %C[%vi, %vj] : memref<?x64xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<?x20xf32>
            %b = memref.load %B[%vk, %vj] : memref<20x64xf32>
            %c = memref.load %C[%vi, %vj] : memref<?x64xf32>
            %p = arith.mulf %a, %b : f32
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<?x64xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [32, 16, 8] : !transform.any_op
    transform.yield
  }
}

// -----

/// pad_einsum of an elementwise block to a multiple of 4 (of 10): only
/// spatial padding, so any body is fine; the padded input is filled and the
/// output copied back.
// CHECK-LABEL: tir.prim_func @pad_elementwise
// CHECK-SAME: (%[[A:.*]]: memref<10xf32>, %[[B:.*]]: memref<10xf32>)
// CHECK: %[[AP:.*]] = tir.alloc_buffer : memref<12xf32>
// CHECK: tir.block "B_pad_read0"
// CHECK: %[[BP:.*]] = tir.alloc_buffer : memref<12xf32>
// CHECK-NEXT: tir.for %[[I:.*]] = %{{.*}} to %[[C12:.*]] {
// CHECK-NEXT: tir.block "B" (%[[VI:.*]]: spatial[12] = %[[I]])
// CHECK-NEXT: reads(%[[AP]][%[[VI]]] : memref<12xf32>)
// CHECK-NEXT: writes(%[[BP]][%[[VI]]] : memref<12xf32>) {
// CHECK-NEXT: %[[X:.*]] = memref.load %[[AP]][%[[VI]]]
// CHECK-NEXT: %[[Y:.*]] = math.exp %[[X]]
// CHECK-NEXT: memref.store %[[Y]], %[[BP]][%[[VI]]]
// CHECK: tir.block "B_pad_write"
module attributes {transform.with_named_sequence} {
  tir.prim_func @pad_elementwise(%A: memref<10xf32>, %B: memref<10xf32>) {
    %c0 = arith.constant 0 : index
    %c10 = arith.constant 10 : index
    tir.for %i = %c0 to %c10 {
      tir.block "B" (%vi: spatial[10] = %i) reads(%A[%vi] : memref<10xf32>)
          writes(%B[%vi] : memref<10xf32>) {
        %a = memref.load %A[%vi] : memref<10xf32>
        %e = math.exp %a : f32
        memref.store %e, %B[%vi] : memref<10xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4] : !transform.any_op
    transform.yield
  }
}

// -----

/// pad_einsum to factors that divide the extents is a no-op.
// CHECK-LABEL: tir.prim_func @pad_exact
// CHECK-NOT: tir.alloc_buffer
// CHECK: tir.block "B" (%{{.*}}: spatial[8] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}} : memref<8xf32>)
// CHECK-NEXT: writes(%{{.*}} : memref<8xf32>) {
// CHECK-NOT: tir.block
module attributes {transform.with_named_sequence} {
  tir.prim_func @pad_exact(%A: memref<8xf32>, %B: memref<8xf32>) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    tir.for %i = %c0 to %c8 {
      tir.block "B" (%vi: spatial[8] = %i) reads(%A[%vi] : memref<8xf32>)
          writes(%B[%vi] : memref<8xf32>) {
        %a = memref.load %A[%vi] : memref<8xf32>
        memref.store %a, %B[%vi] : memref<8xf32>
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "B" in %root : (!transform.any_op) -> !transform.any_op
    transform.tir.pad_einsum %b padding [4] : !transform.any_op
    transform.yield
  }
}
