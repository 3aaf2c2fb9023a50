// RUN: mlc-opt %s -split-input-file --relax-legalize | FileCheck %s

/// Broadcasting: the rhs [4] is read at the result's last iteration variable;
/// the symbolic dim `n` becomes an index parameter, passed by tir_vars.

// CHECK-LABEL: tir.prim_func private @add
// CHECK-SAME: (%[[LHS:.*]]: memref<?x4xf32>, %[[RHS:.*]]: memref<4xf32>, %[[OUT:.*]]: memref<?x4xf32>, %[[N:.*]]: index)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: tir.for %[[I:.*]] = %[[C0]] to %[[N]] {
// CHECK: tir.for %[[J:.*]] = %[[C0]] to %[[C4]] {
// CHECK: tir.block "T_add" (%[[VI:.*]]: spatial[%[[N]]] = %[[I]], %[[VJ:.*]]: spatial[4] = %[[J]])
// CHECK-NEXT: reads(%[[LHS]][%[[VI]], %[[VJ]]], %[[RHS]][%[[VJ]]] : memref<?x4xf32>, memref<4xf32>)
// CHECK-NEXT: writes(%[[OUT]][%[[VI]], %[[VJ]]] : memref<?x4xf32>) {
// CHECK: %[[A:.*]] = memref.load %[[LHS]][%[[VI]], %[[VJ]]]
// CHECK: %[[B:.*]] = memref.load %[[RHS]][%[[VJ]]]
// CHECK: %[[SUM:.*]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: memref.store %[[SUM]], %[[OUT]][%[[VI]], %[[VJ]]]
// CHECK: tir.return

// CHECK-LABEL: func.func @add_row
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n, 4], f32>, %[[Y:.*]]: !relax.tensor<[4], f32>)
// CHECK: %[[Z:.*]] = relax.call_tir @add(%[[X]], %[[Y]]) tir_vars [n] : (!relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>) -> !relax.tensor<[n, 4], f32>
// CHECK: return %[[Z]]
func.func @add_row(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[4], f32>)
    -> !relax.tensor<[n, 4], f32> attributes {relax.function} {
  %0 = relax.add %x, %y : !relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>
  return %0 : !relax.tensor<[n, 4], f32>
}

// -----

/// A dim that is the constant 1 where the result's is not broadcasts: it is
/// read at index 0.

// CHECK-LABEL: tir.prim_func private @subtract
// CHECK-SAME: (%[[LHS:.*]]: memref<1x?xf32>, %[[RHS:.*]]: memref<?x1xf32>, %[[OUT:.*]]: memref<?x?xf32>, %[[M:.*]]: index, %[[N:.*]]: index)
// CHECK-SAME: attributes {sym_shapes = [#mlc.shape<[1, v0]>, #mlc.shape<[v1, 1]>, #mlc.shape<[v1, v0]>], sym_vars = #mlc.shape<[v0, v1]>}
// CHECK: tir.block "T_subtract" (%[[VI:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VJ:.*]]: spatial[%[[M]]] = %{{.*}})
// CHECK-NEXT: reads(%[[LHS]][0, %[[VJ]]], %[[RHS]][%[[VI]], 0] : memref<1x?xf32>, memref<?x1xf32>)
// CHECK-NEXT: writes(%[[OUT]][%[[VI]], %[[VJ]]] : memref<?x?xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: memref.load %[[LHS]][%[[ZERO]], %[[VJ]]]
// CHECK: memref.load %[[RHS]][%[[VI]], %[[ZERO]]]
// CHECK: arith.subf

// CHECK-LABEL: func.func @outer_difference
// CHECK: relax.call_tir @subtract(%{{.*}}, %{{.*}}) tir_vars [m, n]
func.func @outer_difference(%row: !relax.tensor<[1, m], f32>, %col: !relax.tensor<[n, 1], f32>)
    -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.subtract %row, %col : !relax.tensor<[1, m], f32>, !relax.tensor<[n, 1], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

// -----

/// Kernel reuse: the key is (op, attributes, signature up to a renaming of
/// the variables). The two adds over [n, 4] and the one over [m, 4] share
/// @add; [n, 8] gets @add_1; the multiply in the other function reuses
/// nothing but gets its own kernel, once.

// CHECK-LABEL: tir.prim_func private @add(
// CHECK-SAME: memref<?x4xf32>, %{{.*}}: memref<?x4xf32>, %{{.*}}: memref<?x4xf32>, %{{.*}}: index)
// CHECK-NOT: tir.prim_func private @add(
// CHECK-LABEL: tir.prim_func private @add_1(
// CHECK-SAME: memref<?x8xf32>
// CHECK-LABEL: func.func @reuse
// CHECK: %[[FIRST:.*]] = relax.call_tir @add(%{{.*}}, %{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @add(%[[FIRST]], %[[FIRST]]) tir_vars [n]
// CHECK: relax.call_tir @add(%{{.*}}, %{{.*}}) tir_vars [m]
// CHECK: relax.call_tir @add_1(%{{.*}}, %{{.*}}) tir_vars [n]
func.func @reuse(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[m, 4], f32>,
                 %w: !relax.tensor<[n, 8], f32>)
    -> (!relax.tensor<[n, 4], f32>, !relax.tensor<[m, 4], f32>, !relax.tensor<[n, 8], f32>) attributes {relax.function} {
  %0 = relax.add %x, %x : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
  %1 = relax.add %0, %0 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
  %2 = relax.add %y, %y : !relax.tensor<[m, 4], f32>, !relax.tensor<[m, 4], f32>
  %3 = relax.add %w, %w : !relax.tensor<[n, 8], f32>, !relax.tensor<[n, 8], f32>
  return %1, %2, %3 : !relax.tensor<[n, 4], f32>, !relax.tensor<[m, 4], f32>, !relax.tensor<[n, 8], f32>
}

// CHECK-LABEL: tir.prim_func private @multiply(
// CHECK-NOT: tir.prim_func
// CHECK-LABEL: func.func @reuse_across_functions
// CHECK: relax.call_tir @add(%{{.*}}, %{{.*}}) tir_vars [k]
// CHECK: relax.call_tir @multiply
// CHECK: relax.call_tir @multiply
func.func @reuse_across_functions(%x: !relax.tensor<[k, 4], f32>) -> !relax.tensor<[k, 4], f32> attributes {relax.function} {
  %0 = relax.add %x, %x : !relax.tensor<[k, 4], f32>, !relax.tensor<[k, 4], f32>
  %1 = relax.multiply %0, %x : !relax.tensor<[k, 4], f32>, !relax.tensor<[k, 4], f32>
  %2 = relax.multiply %1, %x : !relax.tensor<[k, 4], f32>, !relax.tensor<[k, 4], f32>
  return %2 : !relax.tensor<[k, 4], f32>
}

// -----

/// Static shapes: no index parameters, no tir_vars. Kernel names do not
/// collide with existing symbols.

// CHECK-LABEL: tir.prim_func private @multiply_1
// CHECK-SAME: (%{{.*}}: memref<2x3xi32>, %{{.*}}: memref<2x3xi32>, %{{.*}}: memref<2x3xi32>) {
// CHECK: arith.muli %{{.*}}, %{{.*}} : i32
// CHECK-LABEL: func.func @multiply
// CHECK: relax.call_tir @multiply_1(%{{.*}}, %{{.*}}) : (
func.func @multiply(%x: !relax.tensor<[2, 3], i32>) -> !relax.tensor<[2, 3], i32> attributes {relax.function} {
  %0 = relax.multiply %x, %x : !relax.tensor<[2, 3], i32>, !relax.tensor<[2, 3], i32>
  return %0 : !relax.tensor<[2, 3], i32>
}

// -----

/// Float division is arith.divf. Integer division floors (numpy's //) and
/// never traps: a divisor of 0 gives 0, and -1 negates (INT_MIN wraps).

// CHECK-LABEL: tir.prim_func private @divide
// CHECK: arith.divf %{{.*}}, %{{.*}} : f32
// CHECK-LABEL: tir.prim_func private @divide_1
// CHECK: %[[A:.*]] = memref.load
// CHECK: %[[B:.*]] = memref.load
// CHECK-DAG: %[[CMP_ZERO:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[MINUS_ONE:.*]] = arith.constant -1 : i32
// CHECK: %[[BY_ZERO:.*]] = arith.cmpi eq, %[[B]], %[[CMP_ZERO]] : i32
// CHECK: %[[BY_MINUS_ONE:.*]] = arith.cmpi eq, %[[B]], %[[MINUS_ONE]] : i32
// CHECK: %[[TRAPPING:.*]] = arith.ori %[[BY_ZERO]], %[[BY_MINUS_ONE]] : i1
// CHECK: %[[DIVISOR:.*]] = arith.select %[[TRAPPING]], %[[ONE]], %[[B]] : i32
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[QUOTIENT:.*]] = arith.floordivsi %[[A]], %[[DIVISOR]] : i32
// CHECK: %[[NEGATED:.*]] = arith.subi %[[ZERO]], %[[A]] : i32
// CHECK: %[[RESULT:.*]] = arith.select %[[BY_MINUS_ONE]], %[[NEGATED]], %[[QUOTIENT]] : i32
// CHECK: %[[SAFE:.*]] = arith.select %[[BY_ZERO]], %[[ZERO]], %[[RESULT]] : i32
// CHECK: memref.store %[[SAFE]]
func.func @divisions(%x: !relax.tensor<[n], f32>, %i: !relax.tensor<[n], i32>)
    -> (!relax.tensor<[n], f32>, !relax.tensor<[n], i32>) attributes {relax.function} {
  %0 = relax.divide %x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  %1 = relax.divide %i, %i : !relax.tensor<[n], i32>, !relax.tensor<[n], i32>
  return %0, %1 : !relax.tensor<[n], f32>, !relax.tensor<[n], i32>
}

// -----

/// Unary ops: exp is math.exp (its kernel is exp_1: C math library names
/// are left to the calls math-to-libm emits); relu is maximumf
/// (NaN-propagating) or maxsi with 0; silu is x / (1 + exp(-x)).

// CHECK-LABEL: tir.prim_func private @exp_1
// CHECK: tir.block "T_exp"
// CHECK: %[[X:.*]] = memref.load
// CHECK: %[[E:.*]] = math.exp %[[X]] : f16
// CHECK: memref.store %[[E]]
// CHECK-LABEL: tir.prim_func private @relu
// CHECK: tir.block "T_relu"
// CHECK: %[[X:.*]] = memref.load
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.maximumf %[[X]], %[[ZERO]] : f32
// CHECK-LABEL: tir.prim_func private @relu_1
// CHECK: %[[X:.*]] = memref.load
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK: arith.maxsi %[[X]], %[[ZERO]] : i8
// CHECK-LABEL: tir.prim_func private @silu
// CHECK: tir.block "T_silu"
// CHECK: %[[X:.*]] = memref.load
// CHECK: %[[NEG:.*]] = arith.negf %[[X]] : f32
// CHECK: %[[E:.*]] = math.exp %[[NEG]] : f32
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[DEN:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK: %[[Y:.*]] = arith.divf %[[X]], %[[DEN]] : f32
// CHECK: memref.store %[[Y]]
// CHECK-LABEL: func.func @unary
// CHECK: relax.call_tir @exp_1(%{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @relu(%{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @relu_1(%{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @silu(%{{.*}}) tir_vars [n]
func.func @unary(%h: !relax.tensor<[n], f16>, %x: !relax.tensor<[n, 2], f32>,
                 %i: !relax.tensor<[n], i8>)
    -> (!relax.tensor<[n], f16>, !relax.tensor<[n, 2], f32>, !relax.tensor<[n], i8>,
        !relax.tensor<[n, 2], f32>) attributes {relax.function} {
  %0 = relax.exp %h : !relax.tensor<[n], f16>
  %1 = relax.relu %x : !relax.tensor<[n, 2], f32>
  %2 = relax.relu %i : !relax.tensor<[n], i8>
  %3 = relax.silu %x : !relax.tensor<[n, 2], f32>
  return %0, %1, %2, %3 : !relax.tensor<[n], f16>, !relax.tensor<[n, 2], f32>,
                          !relax.tensor<[n], i8>, !relax.tensor<[n, 2], f32>
}

// -----

/// Batched matmul: spatial variables over the result's dims, the
/// contraction as the innermost, reduce variable; the lhs batch dim 1
/// broadcasts against `h`; init stores 0.

// CHECK-LABEL: tir.prim_func private @matmul
// CHECK-SAME: (%[[LHS:.*]]: memref<?x1x?x8xf32>, %[[RHS:.*]]: memref<?x8x?xf32>, %[[OUT:.*]]: memref<?x?x?x?xf32>, %[[B:.*]]: index, %[[N:.*]]: index, %[[H:.*]]: index, %[[M:.*]]: index)
// CHECK: tir.for %[[LB:.*]] = %{{.*}} to %[[B]] {
// CHECK: tir.for %[[LH:.*]] = %{{.*}} to %[[H]] {
// CHECK: tir.for %[[LI:.*]] = %{{.*}} to %[[N]] {
// CHECK: tir.for %[[LJ:.*]] = %{{.*}} to %[[M]] {
// CHECK: tir.for %[[LK:.*]] = %{{.*}} to %{{.*}} {
// CHECK: tir.block "T_matmul" (%[[VB:.*]]: spatial[%[[B]]] = %[[LB]], %[[VH:.*]]: spatial[%[[H]]] = %[[LH]], %[[VI:.*]]: spatial[%[[N]]] = %[[LI]], %[[VJ:.*]]: spatial[%[[M]]] = %[[LJ]], %[[VK:.*]]: reduce[8] = %[[LK]])
// CHECK-NEXT: reads(%[[LHS]][%[[VB]], 0, %[[VI]], %[[VK]]], %[[RHS]][%[[VH]], %[[VK]], %[[VJ]]] : memref<?x1x?x8xf32>, memref<?x8x?xf32>)
// CHECK-NEXT: writes(%[[OUT]][%[[VB]], %[[VH]], %[[VI]], %[[VJ]]] : memref<?x?x?x?xf32>) init {
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: memref.store %[[ZERO]], %[[OUT]][%[[VB]], %[[VH]], %[[VI]], %[[VJ]]]
// CHECK: } {
// CHECK: %[[A:.*]] = memref.load %[[LHS]]
// CHECK: %[[W:.*]] = memref.load %[[RHS]]
// CHECK: %[[PRODUCT:.*]] = arith.mulf %[[A]], %[[W]] : f32
// CHECK: %[[ACC:.*]] = memref.load %[[OUT]]
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[PRODUCT]] : f32
// CHECK: memref.store %[[SUM]], %[[OUT]][%[[VB]], %[[VH]], %[[VI]], %[[VJ]]]

/// 1-D operands: a vector-matrix product has no row variable.
// CHECK-LABEL: tir.prim_func private @matmul_1
// CHECK-SAME: (%[[V:.*]]: memref<?xf32>, %[[MAT:.*]]: memref<?x4xf32>, %[[OUT:.*]]: memref<4xf32>, %[[K:.*]]: index)
// CHECK: tir.block "T_matmul" (%[[VJ:.*]]: spatial[4] = %{{.*}}, %[[VK:.*]]: reduce[%[[K]]] = %{{.*}})
// CHECK-NEXT: reads(%[[V]][%[[VK]]], %[[MAT]][%[[VK]], %[[VJ]]] : memref<?xf32>, memref<?x4xf32>)
// CHECK-NEXT: writes(%[[OUT]][%[[VJ]]] : memref<4xf32>) init {

// CHECK-LABEL: func.func @matmuls
// CHECK: relax.call_tir @matmul(%{{.*}}, %{{.*}}) tir_vars [b, n, h, m]
// CHECK: relax.call_tir @matmul_1(%{{.*}}, %{{.*}}) tir_vars [k]
func.func @matmuls(%a: !relax.tensor<[b, 1, n, 8], f32>, %w: !relax.tensor<[h, 8, m], f32>,
                  %v: !relax.tensor<[k], f32>, %x: !relax.tensor<[k, 4], f32>)
    -> (!relax.tensor<[b, h, n, m], f32>, !relax.tensor<[4], f32>) attributes {relax.function} {
  %0 = relax.matmul %a, %w : !relax.tensor<[b, 1, n, 8], f32>, !relax.tensor<[h, 8, m], f32>
  %1 = relax.matmul %v, %x : !relax.tensor<[k], f32>, !relax.tensor<[k, 4], f32>
  return %0, %1 : !relax.tensor<[b, h, n, m], f32>, !relax.tensor<[4], f32>
}

// -----

/// permute_dims reads the input at the permuted iteration variables.

// CHECK-LABEL: tir.prim_func private @permute_dims
// CHECK-SAME: (%[[IN:.*]]: memref<?x?x4xf32>, %[[OUT:.*]]: memref<4x?x?xf32>, %[[B:.*]]: index, %[[N:.*]]: index)
// CHECK: tir.block "T_permute_dims" (%[[V0:.*]]: spatial[4] = %{{.*}}, %[[V1:.*]]: spatial[%[[B]]] = %{{.*}}, %[[V2:.*]]: spatial[%[[N]]] = %{{.*}})
// CHECK-NEXT: reads(%[[IN]][%[[V1]], %[[V2]], %[[V0]]] : memref<?x?x4xf32>)
// CHECK-NEXT: writes(%[[OUT]][%[[V0]], %[[V1]], %[[V2]]] : memref<4x?x?xf32>)

/// Without axes the dims are reversed.
// CHECK-LABEL: tir.prim_func private @permute_dims_1
// CHECK: tir.block "T_permute_dims" (%[[V0:.*]]: spatial[%{{.*}}] = %{{.*}}, %[[V1:.*]]: spatial[%{{.*}}] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%[[V1]], %[[V0]]] : memref<?x?xf32>)

// CHECK-LABEL: func.func @permute
// CHECK: relax.call_tir @permute_dims(%{{.*}}) tir_vars [b, n]
// CHECK: relax.call_tir @permute_dims_1(%{{.*}}) tir_vars [n, m]
func.func @permute(%x: !relax.tensor<[b, n, 4], f32>, %y: !relax.tensor<[n, m], f32>)
    -> (!relax.tensor<[4, b, n], f32>, !relax.tensor<[m, n], f32>) attributes {relax.function} {
  %0 = relax.permute_dims %x axes [2, 0, 1] : !relax.tensor<[b, n, 4], f32>
  %1 = relax.permute_dims %y : !relax.tensor<[n, m], f32>
  return %0, %1 : !relax.tensor<[4, b, n], f32>, !relax.tensor<[m, n], f32>
}

// -----

/// reshape copies between 1-D views over the flat index; the element count
/// comes from the result's symbolic dims.

// CHECK-LABEL: tir.prim_func private @reshape
// CHECK-SAME: (%[[IN:.*]]: memref<?x4x8xf32>, %[[OUT:.*]]: memref<?x32xf32>, %[[N:.*]]: index)
// CHECK-DAG: %[[SRC:.*]] = memref.collapse_shape %[[IN]] {{\[}}[0, 1, 2]] : memref<?x4x8xf32> into memref<?xf32>
// CHECK-DAG: %[[DST:.*]] = memref.collapse_shape %[[OUT]] {{\[}}[0, 1]] : memref<?x32xf32> into memref<?xf32>
// CHECK-DAG: %[[C32:.*]] = arith.constant 32 : index
// CHECK: %[[COUNT:.*]] = arith.muli %[[C32]], %[[N]] : index
// CHECK: tir.for %[[F:.*]] = %{{.*}} to %[[COUNT]] {
// CHECK: tir.block "T_reshape" (%[[VF:.*]]: spatial[%[[COUNT]]] = %[[F]])
// CHECK-NEXT: reads(%[[SRC]][%[[VF]]] : memref<?xf32>)
// CHECK-NEXT: writes(%[[DST]][%[[VF]]] : memref<?xf32>)
// CHECK: %[[X:.*]] = memref.load %[[SRC]][%[[VF]]]
// CHECK: memref.store %[[X]], %[[DST]][%[[VF]]]

/// A rank-0 buffer gets a 1-element view.
// CHECK-LABEL: tir.prim_func private @reshape_1
// CHECK-SAME: (%[[IN:.*]]: memref<1x1xi32>, %[[OUT:.*]]: memref<i32>)
// CHECK: memref.expand_shape %[[OUT]] [] output_shape [1] : memref<i32> into memref<1xi32>

// CHECK-LABEL: func.func @reshapes
// CHECK: relax.call_tir @reshape(%{{.*}}) tir_vars [n] : (!relax.tensor<[n, 4, 8], f32>) -> !relax.tensor<[n, 32], f32>
// CHECK: relax.call_tir @reshape_1(%{{.*}}) : (!relax.tensor<[1, 1], i32>) -> !relax.tensor<[], i32>
func.func @reshapes(%x: !relax.tensor<[n, 4, 8], f32>, %s: !relax.tensor<[1, 1], i32>)
    -> (!relax.tensor<[n, 32], f32>, !relax.tensor<[], i32>) attributes {relax.function} {
  %0 = relax.reshape %x [-1, 32] : !relax.tensor<[n, 4, 8], f32>
  %1 = relax.reshape %s [] : !relax.tensor<[1, 1], i32>
  return %0, %1 : !relax.tensor<[n, 32], f32>, !relax.tensor<[], i32>
}

// -----

/// Copies take element types that arithmetic does not (i1, unsigned).

// CHECK-LABEL: tir.prim_func private @reshape
// CHECK-SAME: (%{{.*}}: memref<?x2xi1>, %{{.*}}: memref<?xi1>, %{{.*}}: index)
// CHECK-LABEL: tir.prim_func private @permute_dims
// CHECK-SAME: (%{{.*}}: memref<?x2xui8>, %{{.*}}: memref<2x?xui8>, %{{.*}}: index)
// CHECK-LABEL: func.func @copies
func.func @copies(%b: !relax.tensor<[n, 2], i1>, %u: !relax.tensor<[n, 2], ui8>)
    -> (!relax.tensor<[2 * n], i1>, !relax.tensor<[2, n], ui8>) attributes {relax.function} {
  %0 = relax.reshape %b [-1] : !relax.tensor<[n, 2], i1>
  %1 = relax.permute_dims %u : !relax.tensor<[n, 2], ui8>
  return %0, %1 : !relax.tensor<[2 * n], i1>, !relax.tensor<[2, n], ui8>
}

// -----

/// Reductions: kept dims are spatial (outer), reduced dims reduce (inner);
/// keepdims writes index 0; init stores the identity.

// CHECK-LABEL: tir.prim_func private @sum
// CHECK-SAME: (%[[IN:.*]]: memref<?x4x?xf32>, %[[OUT:.*]]: memref<?x1x?xf32>, %[[N:.*]]: index, %[[M:.*]]: index)
// CHECK: tir.block "T_sum" (%[[VI:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VJ:.*]]: spatial[%[[M]]] = %{{.*}}, %[[VK:.*]]: reduce[4] = %{{.*}})
// CHECK-NEXT: reads(%[[IN]][%[[VI]], %[[VK]], %[[VJ]]] : memref<?x4x?xf32>)
// CHECK-NEXT: writes(%[[OUT]][%[[VI]], 0, %[[VJ]]] : memref<?x1x?xf32>) init {
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: memref.store %[[ZERO]], %[[OUT]]
// CHECK: } {
// CHECK: %[[X:.*]] = memref.load %[[IN]]
// CHECK: %[[ACC:.*]] = memref.load %[[OUT]]
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[X]] : f32
// CHECK: memref.store %[[SUM]], %[[OUT]]

/// A full reduction writes a rank-0 buffer; the identity of max is -inf.
// CHECK-LABEL: tir.prim_func private @max
// CHECK-SAME: (%[[IN:.*]]: memref<?x4x?xf32>, %[[OUT:.*]]: memref<f32>, %{{.*}}: index, %{{.*}}: index)
// CHECK: tir.block "T_max" (%[[VI:.*]]: reduce[%{{.*}}] = %{{.*}}, %[[VJ:.*]]: reduce[4] = %{{.*}}, %[[VK:.*]]: reduce[%{{.*}}] = %{{.*}})
// CHECK-NEXT: reads(%[[IN]][%[[VI]], %[[VJ]], %[[VK]]] : memref<?x4x?xf32>)
// CHECK-NEXT: writes(%[[OUT]][] : memref<f32>) init {
// CHECK: %[[LOWEST:.*]] = arith.constant 0xFF800000 : f32
// CHECK: memref.store %[[LOWEST]], %[[OUT]][]
// CHECK: arith.maximumf

/// For integers, the smallest value.
// CHECK-LABEL: tir.prim_func private @max_1
// CHECK: arith.constant -2147483648 : i32
// CHECK: arith.maxsi

/// Reducing no axis is a copy: no reduce variable, no init.
// CHECK-LABEL: tir.prim_func private @sum_1
// CHECK: tir.block "T_sum" (%{{.*}}: spatial[%{{.*}}] = %{{.*}}, %{{.*}}: spatial[4] = %{{.*}}, %{{.*}}: spatial[%{{.*}}] = %{{.*}})
// CHECK-NOT: init
// CHECK: tir.return

// CHECK-LABEL: func.func @reductions
// CHECK: relax.call_tir @sum(%{{.*}}) tir_vars [n, m] : (!relax.tensor<[n, 4, m], f32>) -> !relax.tensor<[n, 1, m], f32>
// CHECK: relax.call_tir @max(%{{.*}}) tir_vars [n, m] : (!relax.tensor<[n, 4, m], f32>) -> !relax.tensor<[], f32>
// CHECK: relax.call_tir @max_1(%{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @sum_1(%{{.*}}) tir_vars [n, m]
func.func @reductions(%x: !relax.tensor<[n, 4, m], f32>, %i: !relax.tensor<[n, 3], i32>)
    -> (!relax.tensor<[n, 1, m], f32>, !relax.tensor<[], f32>, !relax.tensor<[n], i32>,
        !relax.tensor<[n, 4, m], f32>) attributes {relax.function} {
  %0 = relax.sum %x axes [-2] keepdims : !relax.tensor<[n, 4, m], f32>
  %1 = relax.max %x : !relax.tensor<[n, 4, m], f32>
  %2 = relax.max %i axes [1] : !relax.tensor<[n, 3], i32>
  %3 = relax.sum %x axes [] : !relax.tensor<[n, 4, m], f32>
  return %0, %1, %2, %3 : !relax.tensor<[n, 1, m], f32>, !relax.tensor<[], f32>,
                          !relax.tensor<[n], i32>, !relax.tensor<[n, 4, m], f32>
}

// -----

/// An unknown input dim that the result does not have is read from the
/// buffer with memref.dim: no variable names it.

// CHECK-LABEL: tir.prim_func private @sum
// CHECK-SAME: (%[[IN:.*]]: memref<?x?xf32>, %[[OUT:.*]]: memref<?xf32>, %[[N:.*]]: index)
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[EXTENT:.*]] = memref.dim %[[IN]], %[[C1]] : memref<?x?xf32>
// CHECK: tir.block "T_sum" (%{{.*}}: spatial[%[[N]]] = %{{.*}}, %{{.*}}: reduce[%[[EXTENT]]] = %{{.*}})
// CHECK-LABEL: func.func @unknown_reduced_dim
// CHECK: relax.call_tir @sum(%{{.*}}) tir_vars [n] : (!relax.tensor<[n, ?], f32>) -> !relax.tensor<[n], f32>
func.func @unknown_reduced_dim(%x: !relax.tensor<[n, ?], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %0 = relax.sum %x axes [1] : !relax.tensor<[n, ?], f32>
  return %0 : !relax.tensor<[n], f32>
}

// -----

/// softmax: one kernel, three local buffers, four blocks.

// CHECK-LABEL: tir.prim_func private @softmax
// CHECK-SAME: (%[[IN:.*]]: memref<?x4xf32>, %[[OUT:.*]]: memref<?x4xf32>, %[[N:.*]]: index)
// CHECK: %[[MAX:.*]] = tir.alloc_buffer(%[[N]]) : memref<?xf32>
// CHECK: %[[EXP:.*]] = tir.alloc_buffer(%[[N]]) : memref<?x4xf32>
// CHECK: %[[SUM:.*]] = tir.alloc_buffer(%[[N]]) : memref<?xf32>
// CHECK: tir.block "T_softmax_maxelem" (%[[VI:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VK:.*]]: reduce[4] = %{{.*}})
// CHECK-NEXT: reads(%[[IN]][%[[VI]], %[[VK]]] : memref<?x4xf32>)
// CHECK-NEXT: writes(%[[MAX]][%[[VI]]] : memref<?xf32>) init {
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: arith.maximumf
// CHECK: tir.block "T_softmax_exp" (%[[VI:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VJ:.*]]: spatial[4] = %{{.*}})
// CHECK-NEXT: reads(%[[IN]][%[[VI]], %[[VJ]]], %[[MAX]][%[[VI]]] : memref<?x4xf32>, memref<?xf32>)
// CHECK-NEXT: writes(%[[EXP]][%[[VI]], %[[VJ]]] : memref<?x4xf32>) {
// CHECK: %[[SHIFTED:.*]] = arith.subf
// CHECK: math.exp %[[SHIFTED]] : f32
// CHECK: tir.block "T_softmax_expsum" (%[[VI:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VK:.*]]: reduce[4] = %{{.*}})
// CHECK-NEXT: reads(%[[EXP]][%[[VI]], %[[VK]]] : memref<?x4xf32>)
// CHECK-NEXT: writes(%[[SUM]][%[[VI]]] : memref<?xf32>) init {
// CHECK: arith.constant 0.000000e+00 : f32
// CHECK: arith.addf
// CHECK: tir.block "T_softmax_norm" (%[[VI:.*]]: spatial[%[[N]]] = %{{.*}}, %[[VJ:.*]]: spatial[4] = %{{.*}})
// CHECK-NEXT: reads(%[[EXP]][%[[VI]], %[[VJ]]], %[[SUM]][%[[VI]]] : memref<?x4xf32>, memref<?xf32>)
// CHECK-NEXT: writes(%[[OUT]][%[[VI]], %[[VJ]]] : memref<?x4xf32>) {
// CHECK: arith.divf

/// Along axis 0, the reductions put the axis last.
// CHECK-LABEL: tir.prim_func private @softmax_1
// CHECK: tir.block "T_softmax_maxelem" (%[[VJ:.*]]: spatial[4] = %{{.*}}, %[[VI:.*]]: reduce[%{{.*}}] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%[[VI]], %[[VJ]]] : memref<?x4xf32>)

// CHECK-LABEL: func.func @softmaxes
// CHECK: relax.call_tir @softmax(%{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @softmax_1(%{{.*}}) tir_vars [n]
func.func @softmaxes(%x: !relax.tensor<[n, 4], f32>)
    -> (!relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  %0 = relax.softmax %x : !relax.tensor<[n, 4], f32>
  %1 = relax.softmax %x axis 0 : !relax.tensor<[n, 4], f32>
  return %0, %1 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
}

// -----

/// Ops inside a dataflow region are legalized in place; a symbolic dim
/// expression is computed from its variable inside the kernel.

// CHECK-LABEL: tir.prim_func private @exp_1
// CHECK-SAME: (%{{.*}}: memref<?xf32>, %{{.*}}: memref<?xf32>, %[[N:.*]]: index)
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[TWICE:.*]] = arith.muli %[[C2]], %[[N]] : index
// CHECK: tir.for %{{.*}} = %{{.*}} to %[[TWICE]] {
// CHECK-LABEL: func.func @dataflow
// CHECK: relax.dataflow
// CHECK: %[[E:.*]] = relax.call_tir @exp_1(%{{.*}}) tir_vars [n] : (!relax.tensor<[2 * n], f32>) -> !relax.tensor<[2 * n], f32>
// CHECK: relax.output %[[E]]
func.func @dataflow(%x: !relax.tensor<[n], f32>, %y: !relax.tensor<[2 * n], f32>)
    -> !relax.tensor<[2 * n], f32> attributes {relax.function} {
  %r = relax.dataflow -> !relax.tensor<[2 * n], f32> {
    %0 = relax.exp %y : !relax.tensor<[2 * n], f32>
    relax.output %0 : !relax.tensor<[2 * n], f32>
  }
  return %r : !relax.tensor<[2 * n], f32>
}

// -----

/// Unary operators by element type: sign of an integer compares twice and
/// selects; round is numpy's, halves to even; sigmoid is 1 / (1 + exp(-x)).
// CHECK-LABEL: tir.prim_func private @sign
// CHECK: tir.block "T_sign"
// CHECK: arith.cmpi sgt
// CHECK: arith.cmpi slt
// CHECK: arith.select
// CHECK-LABEL: tir.prim_func private @round_1
// CHECK: tir.block "T_round"
// CHECK: math.roundeven %{{.*}} : f32
// CHECK-LABEL: tir.prim_func private @sigmoid
// CHECK: tir.block "T_sigmoid"
// CHECK: arith.negf
// CHECK-NEXT: math.exp
// CHECK: arith.addf
// CHECK-NEXT: arith.divf
// CHECK-LABEL: func.func @unary_kinds
// CHECK: relax.call_tir @sign
// CHECK: relax.call_tir @round_1
// CHECK: relax.call_tir @sigmoid
func.func @unary_kinds(%i: !relax.tensor<[n], i32>, %x: !relax.tensor<[n], f32>)
    -> (!relax.tensor<[n], i32>, !relax.tensor<[n], f32>, !relax.tensor<[n], f32>)
    attributes {relax.function} {
  %0 = relax.sign %i : !relax.tensor<[n], i32>
  %1 = relax.round %x : !relax.tensor<[n], f32>
  %2 = relax.sigmoid %x : !relax.tensor<[n], f32>
  return %0, %1, %2 : !relax.tensor<[n], i32>, !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
}

// -----

/// rms_norm: the squares summed per row into a row buffer, then the
/// scaling by rsqrt(mean + eps) and the weight.
// CHECK-LABEL: tir.prim_func private @rms_norm
// CHECK: %[[SQ:.*]] = tir.alloc_buffer(%{{.*}}) : memref<?xf32>
// CHECK: tir.block "T_rms_norm_sumsq" (%{{.*}}: spatial[%{{.*}}] = %{{.*}}, %{{.*}}: reduce[%{{.*}}] = %{{.*}})
// CHECK: writes(%[[SQ]][%{{.*}}] : memref<?xf32>) init {
// CHECK: arith.mulf
// CHECK: tir.block "T_rms_norm" (
// CHECK: math.rsqrt
// CHECK-LABEL: func.func @rms_norm
// CHECK: relax.call_tir @rms_norm
func.func @rms_norm(%x: !relax.tensor<[n, m], f32>, %w: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.rms_norm %x, %w : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

// -----

/// astype: one spatial block that converts; f16 -> bf16 goes through f32,
/// a float becomes a boolean where it is not zero (unordered: NaN is true).

// CHECK-LABEL: tir.prim_func private @astype
// CHECK: tir.block "T_astype"
// CHECK: %[[HALF:.*]] = memref.load {{.*}} : memref<?xf16>
// CHECK: %[[WIDE:.*]] = arith.extf %[[HALF]] : f16 to f32
// CHECK: %[[BRAIN:.*]] = arith.truncf %[[WIDE]] : f32 to bf16
// CHECK: memref.store %[[BRAIN]]
// CHECK-LABEL: tir.prim_func private @astype_1
// CHECK: %[[X:.*]] = memref.load {{.*}} : memref<?xf16>
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f16
// CHECK: %[[NONZERO:.*]] = arith.cmpf une, %[[X]], %[[ZERO]] : f16
// CHECK: memref.store %[[NONZERO]]
// CHECK-LABEL: tir.prim_func private @astype_2
// CHECK: %[[X:.*]] = memref.load {{.*}} : memref<?xi32>
// CHECK: %[[NARROW:.*]] = arith.trunci %[[X]] : i32 to i8
// CHECK: memref.store %[[NARROW]]
// CHECK-LABEL: func.func @astypes
// CHECK: relax.call_tir @astype(%{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @astype_1(%{{.*}}) tir_vars [n]
// CHECK: relax.call_tir @astype_2(%{{.*}}) tir_vars [n]
func.func @astypes(%h: !relax.tensor<[n], f16>, %i: !relax.tensor<[n], i32>)
    attributes {relax.function} {
  %0 = relax.astype %h to bf16 : !relax.tensor<[n], f16>
  %1 = relax.astype %h to i1 : !relax.tensor<[n], f16>
  %2 = relax.astype %i to i8 : !relax.tensor<[n], i32>
  return
}

// -----

/// layer_norm: the row sums, then the centered squares (two passes), then
/// the scaling; log_softmax: softmax's blocks, its last one subtracting the
/// max and the log of the sum.

// CHECK-LABEL: tir.prim_func private @layer_norm
// CHECK: %[[SUM:.*]] = tir.alloc_buffer(%{{.*}}) : memref<?xf32>
// CHECK: %[[SUMSQ:.*]] = tir.alloc_buffer(%{{.*}}) : memref<?xf32>
// CHECK: tir.block "T_layer_norm_sum" (%{{.*}}: spatial[%{{.*}}] = %{{.*}}, %{{.*}}: reduce[%{{.*}}] = %{{.*}})
// CHECK: writes(%[[SUM]][%{{.*}}] : memref<?xf32>) init {
// CHECK: tir.block "T_layer_norm_sumsq"
// CHECK-NEXT: reads(%{{.*}}, %[[SUM]][%{{.*}}] : memref<?x?xf32>, memref<?xf32>)
// CHECK-NEXT: writes(%[[SUMSQ]][%{{.*}}] : memref<?xf32>) init {
// CHECK: arith.subf
// CHECK: arith.mulf
// CHECK: tir.block "T_layer_norm" (
// CHECK: math.rsqrt
// CHECK-LABEL: tir.prim_func private @log_softmax
// CHECK: tir.block "T_log_softmax_maxelem"
// CHECK: tir.block "T_log_softmax_exp"
// CHECK: tir.block "T_log_softmax_expsum"
// CHECK: tir.block "T_log_softmax_norm"
// CHECK: %[[SHIFTED:.*]] = arith.subf
// CHECK: %[[LOGSUM:.*]] = math.log
// CHECK: %[[RESULT:.*]] = arith.subf %[[SHIFTED]], %[[LOGSUM]]
// CHECK: memref.store %[[RESULT]]
// CHECK-LABEL: func.func @layer_norm
// CHECK: relax.call_tir @layer_norm
// CHECK: relax.call_tir @log_softmax
func.func @layer_norm(%x: !relax.tensor<[n, m], f32>, %w: !relax.tensor<[m], f32>, %b: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.layer_norm %x, %w, %b : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>, !relax.tensor<[m], f32>
  %1 = relax.log_softmax %0 : !relax.tensor<[n, m], f32>
  return %1 : !relax.tensor<[n, m], f32>
}

// -----

/// attention: six blocks over f32 buffers for f16 operands; query head h
/// reads key/value head h floordiv 4 (32 heads over 8); the causal mask
/// compares the key index with the query index plus t - s. rope: each
/// element reads its partner (k + 64) mod 128.

// CHECK-LABEL: tir.prim_func private @rope
// CHECK: tir.block "T_rope"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %[[K:.*]]], %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, (%[[K]] + 64) mod 128], %{{.*}}[%{{.*}}] : memref<1x?x32x128xf16>, memref<1x?x32x128xf16>, memref<?xi64>)
// CHECK: math.cos
// CHECK: math.sin
// CHECK-LABEL: tir.prim_func private @attention
// CHECK: %[[OFFSET:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK: %[[SCORE:.*]] = tir.alloc_buffer({{.*}}) : memref<1x32x?x?xf32>
// CHECK: tir.block "T_attention_score"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}}, %[[H:.*]], %{{.*}}], %{{.*}}[%{{.*}}, %{{.*}}, %[[H]] floordiv 4, %{{.*}}] : memref<1x?x32x128xf16>, memref<1x?x8x128xf16>)
// CHECK: arith.extf
// CHECK: tir.block "T_attention_max"
// CHECK: %[[LAST:.*]] = arith.addi %{{.*}}, %[[OFFSET]] : index
// CHECK: %[[HIDDEN:.*]] = arith.cmpi sgt, %{{.*}}, %[[LAST]] : index
// CHECK: arith.select %[[HIDDEN]]
// CHECK: tir.block "T_attention_exp"
// CHECK: tir.block "T_attention_sum"
// CHECK: tir.block "T_attention_pv"
// CHECK: tir.block "T_attention_norm"
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK-LABEL: func.func @rope_attention
// CHECK: relax.call_tir @rope
// CHECK: relax.call_tir @attention
func.func @rope_attention(%q: !relax.tensor<[1, n, 32, 128], f16>, %k: !relax.tensor<[1, t, 8, 128], f16>,
                     %v: !relax.tensor<[1, t, 8, 128], f16>, %pos: !relax.tensor<[n], i64>)
    -> !relax.tensor<[1, n, 32, 128], f16> attributes {relax.function} {
  %0 = relax.rope %q, %pos : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[n], i64>
  %1 = relax.attention %0, %k, %v causal : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>
  return %1 : !relax.tensor<[1, n, 32, 128], f16>
}

// -----

/// q4 quantization: three blocks (group maxima, scales, packing); a
/// dequantization alone is one spatial block; one that feeds
/// matmul(x, permute_dims(w)) is fused into the matmul's kernel, and the
/// permute_dims goes with it. A dequantization with another use stays alone.

// CHECK-LABEL: tir.prim_func private @q4_quantize
// CHECK: tir.block "T_q4_absmax"
// CHECK: tir.block "T_q4_scale"
// CHECK: tir.block "T_q4_pack"
// CHECK: arith.shli
// CHECK: arith.ori
// CHECK-LABEL: tir.prim_func private @q4_matmul
// CHECK: tir.block "T_q4_matmul" (%{{.*}}: spatial[%{{.*}}] = %{{.*}}, %[[N:.*]]: spatial[16] = %{{.*}}, %[[K:.*]]: reduce[64] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %[[K]]], %{{.*}}[%[[N]], %[[K]] floordiv 8], %{{.*}}[%[[N]], %[[K]] floordiv 32] : memref<?x64xf16>, memref<16x8xi32>, memref<16x2xf16>)
// CHECK: arith.shrui
// CHECK: tir.block "T_q4_matmul_cast"
// CHECK-LABEL: tir.prim_func private @q4_dequantize
// CHECK: tir.block "T_q4_dequantize"
// CHECK-LABEL: func.func @q4
// CHECK: relax.call_tir @q4_quantize
// CHECK-NEXT: relax.call_tir @q4_matmul(%{{.*}}, %{{.*}}, %{{.*}}) tir_vars [m]
// CHECK-NEXT: relax.call_tir @q4_dequantize
// CHECK-NEXT: relax.call_tir @permute_dims
// CHECK-NEXT: relax.call_tir @matmul
func.func @q4(%w: !relax.tensor<[16, 64], f16>, %x: !relax.tensor<[m, 64], f16>)
    -> (!relax.tensor<[m, 16], f16>, !relax.tensor<[16, 64], f16>, !relax.tensor<[m, 16], f16>) attributes {relax.function} {
  %q, %s = relax.q4_quantize %w : !relax.tensor<[16, 64], f16>
  %d = relax.q4_dequantize %q, %s : !relax.tensor<[16, 8], i32>, !relax.tensor<[16, 2], f16>
  %t = relax.permute_dims %d : !relax.tensor<[16, 64], f16>
  %y = relax.matmul %x, %t : !relax.tensor<[m, 64], f16>, !relax.tensor<[64, 16], f16>
  %d2 = relax.q4_dequantize %q, %s : !relax.tensor<[16, 8], i32>, !relax.tensor<[16, 2], f16>
  %t2 = relax.permute_dims %d2 : !relax.tensor<[16, 64], f16>
  %y2 = relax.matmul %x, %t2 : !relax.tensor<[m, 64], f16>, !relax.tensor<[64, 16], f16>
  return %y, %d2, %y2 : !relax.tensor<[m, 16], f16>, !relax.tensor<[16, 64], f16>, !relax.tensor<[m, 16], f16>
}

// -----

/// With relax.sym_divisible, a symbolic length quantizes.
// CHECK-LABEL: func.func @q4_divisible
// CHECK: relax.call_tir @q4_quantize(%{{.*}}) tir_vars [k]
func.func @q4_divisible(%w: !relax.tensor<[4, k], f16>) attributes {relax.function, relax.sym_divisible = {k = 32}} {
  %q, %s = relax.q4_quantize %w : !relax.tensor<[4, k], f16>
  return
}

// -----

/// Copies by index arithmetic: flip reads at the dim minus one minus the
/// variable; concat writes each input at its offset along the axis (a region
/// symbol: 0, then n); take reads a whole row range of the table (its
/// region's extent is the symbolic row count) at a clamped index; a
/// strided slice starts at a symbolic offset.

// CHECK-LABEL: tir.prim_func private @flip
// CHECK: tir.block "T_flip" (%[[I:[a-z0-9]+]]: spatial[%[[N:[a-z0-9]+]]] = %{{.*}}, %{{.*}}: spatial
// CHECK-NEXT: reads(%{{.*}}[-%[[I]] + %[[N]] - 1, %{{.*}}] : memref<?x?xf32>)
// CHECK-LABEL: tir.prim_func private @concat
// CHECK-SAME: %{{.*}}: memref<?x?xf32>, %{{.*}}: memref<?x?xf32>, %{{.*}}: memref<?x?xf32>, %[[N:.*]]: index, %{{.*}}: index, %{{.*}}: index)
// CHECK: tir.block "T_concat" (%[[I0:[a-z0-9]+]]: spatial
// CHECK: writes(%{{.*}}[%[[I0]] + %c0, %{{.*}}] : memref<?x?xf32>)
// CHECK: tir.block "T_concat" (%[[I1:[a-z0-9]+]]: spatial
// CHECK: writes(%{{.*}}[%[[I1]] + %[[N]], %{{.*}}] : memref<?x?xf32>)
// CHECK-LABEL: tir.prim_func private @take
// CHECK-SAME: %{{.*}}: memref<?x?xf32>, %{{.*}}: memref<?xi32>, %{{.*}}: memref<?x?xf32>, %[[ROWS:.*]]: index, %{{.*}}: index, %{{.*}}: index)
// CHECK: tir.block "T_take"
// CHECK-NEXT: reads(%{{.*}}[0, %{{.*}}] [%[[ROWS]], 1], %{{.*}}[%{{.*}}] : memref<?x?xf32>, memref<?xi32>)
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK-LABEL: tir.prim_func private @strided_slice
// CHECK: %[[START:.*]] = arith.maxsi
// CHECK: tir.block "T_strided_slice"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}} + %[[START]]] : memref<?x?xf32>)
// CHECK-LABEL: func.func @indexing
// CHECK: relax.call_tir @flip(%{{.*}}) tir_vars [n, m]
// CHECK: relax.call_tir @concat(%{{.*}}, %{{.*}}) tir_vars [n, m, k] : (!relax.tensor<[n, m], f32>, !relax.tensor<[k, m], f32>) -> !relax.tensor<[k + n, m], f32>
// CHECK: relax.call_tir @take
// CHECK: relax.call_tir @strided_slice
func.func @indexing(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[k, m], f32>, %ids: !relax.tensor<[j], i32>) attributes {relax.function} {
  %0 = relax.flip %x axis 0 : !relax.tensor<[n, m], f32>
  %1 = relax.concat %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[k, m], f32>
  %2 = relax.take %x, %ids : !relax.tensor<[n, m], f32>, !relax.tensor<[j], i32>
  %3 = relax.strided_slice %x axes [1] begin [-2] end [9223372036854775807] : !relax.tensor<[n, m], f32>
  return
}

// -----

/// strided_slice with symbolic bounds: the bound's variable (p) becomes a
/// kernel parameter and a tir_var, and the kernel reads from it on.

// CHECK-LABEL: tir.prim_func private @strided_slice
// CHECK-SAME: (%{{.*}}: memref<?x?x4xf32>, %{{.*}}: memref<?x?x4xf32>, %{{.*}}: index, %{{.*}}: index, %[[P:.*]]: index)
// CHECK-SAME: sym_shapes = [#mlc.shape<[v0, v1 + v2, 4]>, #mlc.shape<[v0, v1, 4]>], sym_vars = #mlc.shape<[v0, v1, v2]>
// CHECK: tir.block "T_strided_slice" (%{{.*}}: spatial{{.*}}, %[[J:[a-z0-9]+]]: spatial{{.*}}, %{{.*}}: spatial[4]
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %[[J]] + %[[P]], %{{.*}}] : memref<?x?x4xf32>)
// CHECK-LABEL: func.func @window
// CHECK: relax.call_tir @strided_slice(%{{.*}}) tir_vars [b, n, p] : (!relax.tensor<[b, n + p, 4], f32>) -> !relax.tensor<[b, n, 4], f32>
func.func @window(%x: !relax.tensor<[b, n, 4], f32>, %past: !relax.tensor<[p], f32>, %c: !relax.tensor<[b, p + n, 4], f32>) attributes {relax.function} {
  %0 = relax.strided_slice %c axes [1] begin [p] end [p + n] : !relax.tensor<[b, p + n, 4], f32>
  return
}

// -----

/// variance: the mean into a buffer (sum, divide), then the squared
/// deviations (sum, divide). argmax: one block writing the best value (a
/// local buffer) and its index. cumsum: a scan variable along the axis that
/// reads the whole axis of its own output.

// CHECK-LABEL: tir.prim_func private @variance
// CHECK: %[[MEAN:.*]] = tir.alloc_buffer
// CHECK: tir.block "T_variance_mean"
// CHECK: tir.block "T_variance_mean_divide"
// CHECK: tir.block "T_variance"
// CHECK-NEXT: reads(%{{.*}}, %[[MEAN]][%{{.*}}] :
// CHECK: tir.block "T_variance_divide"
// CHECK-LABEL: tir.prim_func private @argmax
// CHECK: %[[BEST:.*]] = tir.alloc_buffer
// CHECK: tir.block "T_argmax" (%{{.*}}: spatial[%{{.*}}] = %{{.*}}, %{{.*}}: reduce[4] = %{{.*}})
// CHECK: writes(%[[BEST]][%{{.*}}], %{{.*}}[%{{.*}}] : memref<?xf32>, memref<?xi64>)
// CHECK-LABEL: tir.prim_func private @cumsum
// CHECK: tir.block "T_cumsum" (%{{.*}}: scan[%[[N:.*]]] = %{{.*}}, %{{.*}}: spatial[4] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}}], %{{.*}}[0, %{{.*}}] [%[[N]], 1] : memref<?x4xf32>, memref<?x4xf32>)
// CHECK-LABEL: func.func @statistics
// CHECK: relax.call_tir @variance
// CHECK: relax.call_tir @argmax
// CHECK: relax.call_tir @cumsum
func.func @statistics(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  %0 = relax.variance %x axes [1] : !relax.tensor<[n, 4], f32>
  %1 = relax.argmax %x axis 1 : !relax.tensor<[n, 4], f32>
  %2 = relax.cumsum %x axis 0 : !relax.tensor<[n, 4], f32>
  return
}

// -----

/// conv2d with padding: a padding block (clamped reads of the whole plane,
/// zeros outside), then the reduction over the input channels and the
/// window. max_pool2d reads the plane at clamped indices.

// CHECK-LABEL: tir.prim_func private @conv2d
// CHECK: %[[PADDED:.*]] = tir.alloc_buffer
// CHECK: tir.block "T_pad"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}}, 0, 0] [1, 1, %{{.*}}, %{{.*}}] : memref<?x3x?x?xf32>)
// CHECK: arith.select
// CHECK: tir.block "T_conv2d" (%{{.*}}: spatial{{.*}}, %[[Y:[a-z0-9]+]]: spatial{{.*}}, %[[X:[a-z0-9]+]]: spatial{{.*}}, %[[C:[a-z0-9]+]]: reduce[3] = %{{.*}}, %[[I:[a-z0-9]+]]: reduce[3] = %{{.*}}, %[[J:[a-z0-9]+]]: reduce[3] = %{{.*}})
// CHECK-NEXT: reads(%[[PADDED]][%{{.*}}, %[[C]], %[[Y]] * 2 + %[[I]], %[[X]] * 2 + %[[J]]], %{{.*}} :
// CHECK-LABEL: tir.prim_func private @max_pool2d
// CHECK: tir.block "T_max_pool2d"
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK-LABEL: func.func @cnn
// CHECK: relax.call_tir @conv2d
// CHECK: relax.call_tir @max_pool2d
func.func @cnn(%x: !relax.tensor<[n, 3, h, w], f32>, %k: !relax.tensor<[8, 3, 3, 3], f32>) attributes {relax.function} {
  %0 = relax.conv2d %x, %k strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[8, 3, 3, 3], f32>
  %1 = relax.max_pool2d %0 pool_size [3, 3] strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 8, (h - 1) floordiv 2 + 1, (w - 1) floordiv 2 + 1], f32>
  return
}

// -----

/// conv2d_transpose: one reduction block over the output, the input
/// channels of a group and the window, reading the data's whole plane (a
/// tap lands on the data where the output position plus the padding minus
/// the tap's offset is a multiple of the stride) and the weight at
/// (group's channel, output channel in the group, tap).

// CHECK-LABEL: tir.prim_func private @conv2d_transpose
// CHECK-SAME: sym_shapes = [#mlc.shape<[v0, 4, v1, v2]>, #mlc.shape<[4, 3, 3, 3]>, #mlc.shape<[v0, 6, 2 * v1, 2 * v2]>]
// CHECK: tir.block "T_conv2d_transpose" (%[[N:[a-z0-9]+]]: spatial{{.*}}, %[[O:[a-z0-9]+]]: spatial[6]{{.*}}, %{{.*}}: spatial{{.*}}, %{{.*}}: spatial{{.*}}, %[[C:[a-z0-9]+]]: reduce[2] = %{{.*}}, %[[I:[a-z0-9]+]]: reduce[3] = %{{.*}}, %[[J:[a-z0-9]+]]: reduce[3] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%[[N]], (%[[O]] floordiv 3) * 2 + %[[C]], 0, 0] [1, 1, %{{.*}}, %{{.*}}], %{{.*}}[(%[[O]] floordiv 3) * 2 + %[[C]], %[[O]] mod 3, %[[I]], %[[J]]] :
// CHECK: arith.remsi
// CHECK: arith.divsi
// CHECK: arith.select
// CHECK-LABEL: func.func @upsample
// CHECK: relax.call_tir @conv2d_transpose
func.func @upsample(%x: !relax.tensor<[n, 4, h, w], f32>, %k: !relax.tensor<[4, 3, 3, 3], f32>) attributes {relax.function} {
  %0 = relax.conv2d_transpose %x, %k strides [2, 2] padding [1, 1, 1, 1] output_padding [1, 1] groups 2 : !relax.tensor<[n, 4, h, w], f32>, !relax.tensor<[4, 3, 3, 3], f32>
  return
}

// -----

/// Creation kernels have no inputs: one block storing a constant, or
/// start + i * step.

// CHECK-LABEL: tir.prim_func private @full(
// CHECK-SAME: memref<?x2xf32>, %{{.*}}: index)
// CHECK: tir.block "T_full"
// CHECK-NEXT: writes(%{{.*}}[%{{.*}}, %{{.*}}] : memref<?x2xf32>)
// CHECK: arith.constant 1.500000e+00 : f32
// CHECK-LABEL: tir.prim_func private @arange
// CHECK: tir.block "T_arange"
// CHECK: arith.muli
// CHECK: arith.sitofp
// CHECK-LABEL: func.func @creation
// CHECK: relax.call_tir @full() tir_vars [n] : () -> !relax.tensor<[n, 2], f32>
// CHECK: relax.call_tir @arange() tir_vars [n]
func.func @creation(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  %0 = relax.full [n, 2] value 1.5 : f32
  %1 = relax.arange [2 * n] start 1 step 2 : f32
  return
}

// -----

/// linear: a reduction over the weight's rows, then the bias; pad reads the
/// whole input at mapped indices; dropout leaves no kernel.

// CHECK-LABEL: tir.prim_func private @linear
// CHECK: tir.block "T_linear" (%{{.*}}: spatial[%{{.*}}] = %{{.*}}, %[[J:[a-z0-9]+]]: spatial[4] = %{{.*}}, %[[K:[a-z0-9]+]]: reduce[8] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %[[K]]], %{{.*}}[%[[J]], %[[K]]] : memref<?x8xf32>, memref<4x8xf32>)
// CHECK: tir.block "T_linear_bias"
// CHECK-LABEL: tir.prim_func private @pad
// CHECK: tir.block "T_pad"
// CHECK-NEXT: reads(%{{.*}}[0, 0] [%{{.*}}, %c8] : memref<?x8xf32>)
// CHECK-LABEL: func.func @linear_pad_dropout
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n, 8], f32>
// CHECK: relax.call_tir @linear
// CHECK: relax.call_tir @pad
// CHECK: return %{{.*}}, %{{.*}}, %[[X]]
func.func @linear_pad_dropout(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[4, 8], f32>, %b: !relax.tensor<[4], f32>)
    -> (!relax.tensor<[n, 4], f32>, !relax.tensor<[n + 2, 10], f32>, !relax.tensor<[n, 8], f32>) attributes {relax.function} {
  %0 = relax.linear %x, %w, %b : !relax.tensor<[n, 8], f32>, !relax.tensor<[4, 8], f32>, !relax.tensor<[4], f32>
  %1 = relax.pad %x pad_width [1, 1, 0, 2] mode reflect : !relax.tensor<[n, 8], f32>
  %2 = relax.dropout %x : !relax.tensor<[n, 8], f32>
  return %0, %1, %2 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n + 2, 10], f32>, !relax.tensor<[n, 8], f32>
}

// -----

/// split: one block per part, reading at the part's offset; scatter_elements
/// copies, then writes with opaque variables (never in parallel) anywhere
/// along the axis.

// CHECK-LABEL: tir.prim_func private @split
// CHECK: tir.block "T_split"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}} + %c0] : memref<?x6xf32>)
// CHECK: tir.block "T_split"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}} + %c3] : memref<?x6xf32>)
// CHECK-LABEL: tir.prim_func private @scatter_elements
// CHECK: tir.block "T_scatter_elements_copy"
// CHECK: tir.block "T_scatter_elements" (%{{.*}}: opaque[%{{.*}}] = %{{.*}}, %{{.*}}: opaque[2] = %{{.*}})
// CHECK: writes(%{{.*}}[%{{.*}}, 0] [1, %{{.*}}] : memref<?x6xf32>)
// CHECK-LABEL: func.func @split_scatter
// CHECK: relax.call_tir @split(%{{.*}}) tir_vars [n] : (!relax.tensor<[n, 6], f32>) -> (!relax.tensor<[n, 3], f32>, !relax.tensor<[n, 3], f32>)
// CHECK: relax.call_tir @scatter_elements
func.func @split_scatter(%x: !relax.tensor<[n, 6], f32>, %i: !relax.tensor<[n, 2], i32>, %u: !relax.tensor<[n, 2], f32>) attributes {relax.function} {
  %a, %b = relax.split %x sections 2 axis 1 : !relax.tensor<[n, 6], f32>
  %s = relax.scatter_elements %x, %i, %u axis 1 : !relax.tensor<[n, 6], f32>, !relax.tensor<[n, 2], i32>, !relax.tensor<[n, 2], f32>
  return
}

// -----

/// group_norm: sums per (sample, group) over the group's channels (channel
/// g * 4 + c) and the trailing dims, then the scaling per channel.

// CHECK-LABEL: tir.prim_func private @group_norm
// CHECK: tir.block "T_group_norm_sum" (%{{.*}}: spatial[%{{.*}}] = %{{.*}}, %[[G:[a-z0-9]+]]: spatial[2] = %{{.*}}, %[[C:[a-z0-9]+]]: reduce[4] = %{{.*}}, %{{.*}}: reduce[%{{.*}}] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %[[G]] * 4 + %[[C]], %{{.*}}] : memref<?x8x?xf32>)
// CHECK: tir.block "T_group_norm_sumsq"
// CHECK: tir.block "T_group_norm" (
// CHECK-LABEL: func.func @group_norm
// CHECK: relax.call_tir @group_norm
func.func @group_norm(%x: !relax.tensor<[n, 8, l], f32>, %p: !relax.tensor<[8], f32>) attributes {relax.function} {
  %0 = relax.group_norm %x, %p, %p num_groups 2 : !relax.tensor<[n, 8, l], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>
  return
}

// -----

/// conv1d decomposes into expand_dims, conv2d and squeeze, which the next
/// round legalizes (the expand_dims and squeeze as reshapes).

// CHECK-LABEL: tir.prim_func private @reshape(
// CHECK-LABEL: tir.prim_func private @conv2d(
// CHECK-SAME: memref<?x3x1x?xf32>, %{{.*}}: memref<4x3x1x3xf32>
// CHECK: tir.block "T_conv2d"
// CHECK-LABEL: func.func @conv1d
// CHECK: relax.call_tir @reshape
// CHECK: relax.call_tir @reshape
// CHECK: relax.call_tir @conv2d
// CHECK: relax.call_tir @reshape
// CHECK-NOT: relax.conv1d
func.func @conv1d(%x: !relax.tensor<[n, 3, l], f32>, %k: !relax.tensor<[4, 3, 3], f32>) -> !relax.tensor<[n, 4, l - 2], f32> attributes {relax.function} {
  %0 = relax.conv1d %x, %k : !relax.tensor<[n, 3, l], f32>, !relax.tensor<[4, 3, 3], f32>
  return %0 : !relax.tensor<[n, 4, l - 2], f32>
}

// -----

/// resize2d: one block over the output reading the whole input plane.

// CHECK-LABEL: tir.prim_func private @resize2d
// CHECK: tir.block "T_resize2d"
// CHECK-NEXT: reads(%{{.*}}[%{{.*}}, %{{.*}}, 0, 0] [1, 1, %{{.*}}, %{{.*}}] : memref<?x3x?x?xf32>)
// CHECK: math.floor
// CHECK-LABEL: func.func @resize2d
// CHECK: relax.call_tir @resize2d
func.func @resize2d(%x: !relax.tensor<[n, 3, h, w], f32>) attributes {relax.function} {
  %0 = relax.resize2d %x [2 * h, 2 * w] method linear : !relax.tensor<[n, 3, h, w], f32>
  return
}

// -----

/// einsum: the result's letters spatial, the summed ones reduce.

// CHECK-LABEL: tir.prim_func private @einsum
// CHECK: tir.block "T_einsum" (%[[B:[a-z0-9]+]]: spatial[%{{.*}}] = %{{.*}}, %[[I:[a-z0-9]+]]: spatial[3] = %{{.*}}, %[[K:[a-z0-9]+]]: spatial[4] = %{{.*}}, %[[J:[a-z0-9]+]]: reduce[%{{.*}}] = %{{.*}})
// CHECK-NEXT: reads(%{{.*}}[%[[B]], %[[I]], %[[J]]], %{{.*}}[%[[B]], %[[J]], %[[K]]] :
// CHECK-LABEL: func.func @einsum
// CHECK: relax.call_tir @einsum
func.func @einsum(%a: !relax.tensor<[b, 3, k], f32>, %c: !relax.tensor<[b, k, 4], f32>) attributes {relax.function} {
  %0 = relax.einsum "bij,bjk->bik" %a, %c : !relax.tensor<[b, 3, k], f32>, !relax.tensor<[b, k, 4], f32>
  return
}
