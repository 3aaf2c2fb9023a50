// RUN: mlc-opt %s | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// The custom form omits the result type: it is inferred. The GENERIC lines
// show the inferred types, and every function returns its results with the
// type written in its signature, which func.return checks.

// CHECK-LABEL: func.func @broadcast
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n, 4], f32>, %[[V:.*]]: !relax.tensor<[4], f32>, %[[R:.*]]: !relax.tensor<[1, m], f32>, %[[C:.*]]: !relax.tensor<[n, 1], f32>
func.func @broadcast(%x: !relax.tensor<[n, 4], f32>, %v: !relax.tensor<[4], f32>,
                     %row: !relax.tensor<[1, m], f32>, %col: !relax.tensor<[n, 1], f32>)
    -> (!relax.tensor<[n, 4], f32>, !relax.tensor<[n, m], f32>,
        !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // CHECK: %{{.*}} = relax.add %[[X]], %[[V]] : !relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>
  // GENERIC: "relax.add"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>) -> !relax.tensor<[n, 4], f32>
  %0 = relax.add %x, %v : !relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>
  // CHECK: relax.subtract %[[R]], %[[C]] : !relax.tensor<[1, m], f32>, !relax.tensor<[n, 1], f32>
  // GENERIC: "relax.subtract"(%{{.*}}, %{{.*}}) : (!relax.tensor<[1, m], f32>, !relax.tensor<[n, 1], f32>) -> !relax.tensor<[n, m], f32>
  %1 = relax.subtract %row, %col : !relax.tensor<[1, m], f32>, !relax.tensor<[n, 1], f32>
  // CHECK: relax.multiply %[[X]], %[[X]] : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.multiply"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %2 = relax.multiply %x, %x : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
  // CHECK: relax.divide %[[V]], %[[X]] : !relax.tensor<[4], f32>, !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.divide"(%{{.*}}, %{{.*}}) : (!relax.tensor<[4], f32>, !relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %3 = relax.divide %v, %x : !relax.tensor<[4], f32>, !relax.tensor<[n, 4], f32>
  return %0, %1, %2, %3 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, m], f32>,
                          !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
}

// Dims that are neither provably equal nor 1 broadcast to `?` (TVM's rule);
// equal expressions are equal once canonical; unknown rank stays unknown.

// CHECK-LABEL: func.func @broadcast_symbolic
func.func @broadcast_symbolic(%a: !relax.tensor<[n], i32>, %b: !relax.tensor<[m], i32>,
                              %c: !relax.tensor<[n + n], i32>, %d: !relax.tensor<[2 * n], i32>,
                              %e: !relax.tensor<*, i32>, %f: !relax.tensor<[?, 1], i32>,
                              %g: !relax.tensor<[b, 1, n], i32>, %h: !relax.tensor<[m, 1], i32>)
    -> (!relax.tensor<[?], i32>, !relax.tensor<[2 * n], i32>, !relax.tensor<*, i32>,
        !relax.tensor<[?, n], i32>, !relax.tensor<[b, m, n], i32>) attributes {relax.function} {
  // CHECK: relax.add %{{.*}}, %{{.*}} : !relax.tensor<[n], i32>, !relax.tensor<[m], i32>
  // GENERIC: "relax.add"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n], i32>, !relax.tensor<[m], i32>) -> !relax.tensor<[?], i32>
  %0 = relax.add %a, %b : !relax.tensor<[n], i32>, !relax.tensor<[m], i32>
  // GENERIC: "relax.add"(%{{.*}}, %{{.*}}) : (!relax.tensor<[2 * n], i32>, !relax.tensor<[2 * n], i32>) -> !relax.tensor<[2 * n], i32>
  %1 = relax.add %c, %d : !relax.tensor<[2 * n], i32>, !relax.tensor<[2 * n], i32>
  // GENERIC: "relax.multiply"(%{{.*}}, %{{.*}}) : (!relax.tensor<*, i32>, !relax.tensor<[m], i32>) -> !relax.tensor<*, i32>
  %2 = relax.multiply %e, %b : !relax.tensor<*, i32>, !relax.tensor<[m], i32>
  // GENERIC: "relax.subtract"(%{{.*}}, %{{.*}}) : (!relax.tensor<[?, 1], i32>, !relax.tensor<[n], i32>) -> !relax.tensor<[?, n], i32>
  %3 = relax.subtract %f, %a : !relax.tensor<[?, 1], i32>, !relax.tensor<[n], i32>
  // GENERIC: "relax.add"(%{{.*}}, %{{.*}}) : (!relax.tensor<[b, 1, n], i32>, !relax.tensor<[m, 1], i32>) -> !relax.tensor<[b, m, n], i32>
  %4 = relax.add %g, %h : !relax.tensor<[b, 1, n], i32>, !relax.tensor<[m, 1], i32>
  return %0, %1, %2, %3, %4 : !relax.tensor<[?], i32>, !relax.tensor<[2 * n], i32>,
      !relax.tensor<*, i32>, !relax.tensor<[?, n], i32>, !relax.tensor<[b, m, n], i32>
}

// CHECK-LABEL: func.func @unary
func.func @unary(%x: !relax.tensor<[n, 4], f32>, %i: !relax.tensor<[n], i8>,
                 %h: !relax.tensor<*, f16>)
    -> (!relax.tensor<[n, 4], f32>, !relax.tensor<[n], i8>, !relax.tensor<*, f16>) attributes {relax.function} {
  // CHECK: %[[E:.*]] = relax.exp %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.exp"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %0 = relax.exp %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.relu %{{.*}} : !relax.tensor<[n], i8>
  // GENERIC: "relax.relu"(%{{.*}}) : (!relax.tensor<[n], i8>) -> !relax.tensor<[n], i8>
  %1 = relax.relu %i : !relax.tensor<[n], i8>
  // CHECK: relax.silu %{{.*}} : !relax.tensor<*, f16>
  // GENERIC: "relax.silu"(%{{.*}}) : (!relax.tensor<*, f16>) -> !relax.tensor<*, f16>
  %2 = relax.silu %h : !relax.tensor<*, f16>
  return %0, %1, %2 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n], i8>, !relax.tensor<*, f16>
}

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: !relax.tensor<[b, n, k], f32>, %w: !relax.tensor<[k, m], f32>,
                  %v: !relax.tensor<[k], f32>, %q: !relax.tensor<[b, 1, n, k], f16>,
                  %kv: !relax.tensor<[h, k, s], f16>, %u: !relax.tensor<*, f32>)
    -> (!relax.tensor<[b, n, m], f32>, !relax.tensor<[m], f32>, !relax.tensor<[b, n], f32>,
        !relax.tensor<[], f32>, !relax.tensor<[b, h, n, s], f16>, !relax.tensor<*, f32>) attributes {relax.function} {
  // CHECK: relax.matmul %{{.*}}, %{{.*}} : !relax.tensor<[b, n, k], f32>, !relax.tensor<[k, m], f32>
  // GENERIC: "relax.matmul"(%{{.*}}, %{{.*}}) : (!relax.tensor<[b, n, k], f32>, !relax.tensor<[k, m], f32>) -> !relax.tensor<[b, n, m], f32>
  %0 = relax.matmul %a, %w : !relax.tensor<[b, n, k], f32>, !relax.tensor<[k, m], f32>
  // A 1-D lhs is a row vector, a 1-D rhs a column vector.
  // GENERIC: "relax.matmul"(%{{.*}}, %{{.*}}) : (!relax.tensor<[k], f32>, !relax.tensor<[k, m], f32>) -> !relax.tensor<[m], f32>
  %1 = relax.matmul %v, %w : !relax.tensor<[k], f32>, !relax.tensor<[k, m], f32>
  // GENERIC: "relax.matmul"(%{{.*}}, %{{.*}}) : (!relax.tensor<[b, n, k], f32>, !relax.tensor<[k], f32>) -> !relax.tensor<[b, n], f32>
  %2 = relax.matmul %a, %v : !relax.tensor<[b, n, k], f32>, !relax.tensor<[k], f32>
  // GENERIC: "relax.matmul"(%{{.*}}, %{{.*}}) : (!relax.tensor<[k], f32>, !relax.tensor<[k], f32>) -> !relax.tensor<[], f32>
  %3 = relax.matmul %v, %v : !relax.tensor<[k], f32>, !relax.tensor<[k], f32>
  // Batch dims broadcast.
  // GENERIC: "relax.matmul"(%{{.*}}, %{{.*}}) : (!relax.tensor<[b, 1, n, k], f16>, !relax.tensor<[h, k, s], f16>) -> !relax.tensor<[b, h, n, s], f16>
  %4 = relax.matmul %q, %kv : !relax.tensor<[b, 1, n, k], f16>, !relax.tensor<[h, k, s], f16>
  // GENERIC: "relax.matmul"(%{{.*}}, %{{.*}}) : (!relax.tensor<*, f32>, !relax.tensor<[k, m], f32>) -> !relax.tensor<*, f32>
  %5 = relax.matmul %u, %w : !relax.tensor<*, f32>, !relax.tensor<[k, m], f32>
  return %0, %1, %2, %3, %4, %5 : !relax.tensor<[b, n, m], f32>, !relax.tensor<[m], f32>,
      !relax.tensor<[b, n], f32>, !relax.tensor<[], f32>, !relax.tensor<[b, h, n, s], f16>,
      !relax.tensor<*, f32>
}

// CHECK-LABEL: func.func @permute_dims
func.func @permute_dims(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[b, n, k], f16>,
                        %u: !relax.tensor<*, f32>)
    -> (!relax.tensor<[4, n], f32>, !relax.tensor<[b, k, n], f16>,
        !relax.tensor<[k, b, n], f16>, !relax.tensor<[?, ?], f32>) attributes {relax.function} {
  // CHECK: relax.permute_dims %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.permute_dims"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[4, n], f32>
  %0 = relax.permute_dims %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.permute_dims %{{.*}} axes [0, 2, 1] : !relax.tensor<[b, n, k], f16>
  // GENERIC: "relax.permute_dims"(%{{.*}}) <{axes = array<i64: 0, 2, 1>}> : (!relax.tensor<[b, n, k], f16>) -> !relax.tensor<[b, k, n], f16>
  %1 = relax.permute_dims %y axes [0, 2, 1] : !relax.tensor<[b, n, k], f16>
  // GENERIC: "relax.permute_dims"(%{{.*}}) <{axes = array<i64: -1, 0, -2>}> : (!relax.tensor<[b, n, k], f16>) -> !relax.tensor<[k, b, n], f16>
  %2 = relax.permute_dims %y axes [-1, 0, -2] : !relax.tensor<[b, n, k], f16>
  // With axes, the rank is known even when the input's is not (TVM).
  // GENERIC: "relax.permute_dims"(%{{.*}}) <{axes = array<i64: 1, 0>}> : (!relax.tensor<*, f32>) -> !relax.tensor<[?, ?], f32>
  %3 = relax.permute_dims %u axes [1, 0] : !relax.tensor<*, f32>
  return %0, %1, %2, %3 : !relax.tensor<[4, n], f32>, !relax.tensor<[b, k, n], f16>,
      !relax.tensor<[k, b, n], f16>, !relax.tensor<[?, ?], f32>
}

// CHECK-LABEL: func.func @reshape
func.func @reshape(%x: !relax.tensor<[n, 4, 8], f32>, %y: !relax.tensor<[2 * n, 6], f32>,
                   %z: !relax.tensor<[n, 4], f32>, %w: !relax.tensor<[?, 4], f32>,
                   %u: !relax.tensor<*, f32>)
    -> (!relax.tensor<[n, 32], f32>, !relax.tensor<[4 * n, 3], f32>,
        !relax.tensor<[n, 2, 2], f32>, !relax.tensor<[?, 2], f32>,
        !relax.tensor<[n, ?], f32>, !relax.tensor<[2, 2 * n], f32>) attributes {relax.function} {
  // CHECK: relax.reshape %{{.*}} [-1, 32] : !relax.tensor<[n, 4, 8], f32>
  // GENERIC: "relax.reshape"(%{{.*}}) <{shape = #relax.shape<[-1, 32]>}> : (!relax.tensor<[n, 4, 8], f32>) -> !relax.tensor<[n, 32], f32>
  %0 = relax.reshape %x [-1, 32] : !relax.tensor<[n, 4, 8], f32>
  // (2 * n * 6) floordiv 3 is 4 * n.
  // GENERIC: "relax.reshape"(%{{.*}}) <{shape = #relax.shape<[-1, 3]>}> : (!relax.tensor<[2 * n, 6], f32>) -> !relax.tensor<[4 * n, 3], f32>
  %1 = relax.reshape %y [-1, 3] : !relax.tensor<[2 * n, 6], f32>
  // CHECK: relax.reshape %{{.*}} [n, 2, 2] : !relax.tensor<[n, 4], f32>
  // GENERIC: -> !relax.tensor<[n, 2, 2], f32>
  %2 = relax.reshape %z [n, 2, 2] : !relax.tensor<[n, 4], f32>
  // An unknown element count leaves the -1 unknown.
  // GENERIC: (!relax.tensor<[?, 4], f32>) -> !relax.tensor<[?, 2], f32>
  %3 = relax.reshape %w [-1, 2] : !relax.tensor<[?, 4], f32>
  // GENERIC: (!relax.tensor<*, f32>) -> !relax.tensor<[n, ?], f32>
  %4 = relax.reshape %u [n, -1] : !relax.tensor<*, f32>
  // GENERIC: (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[2, 2 * n], f32>
  %5 = relax.reshape %z [2, -1] : !relax.tensor<[n, 4], f32>
  return %0, %1, %2, %3, %4, %5 : !relax.tensor<[n, 32], f32>, !relax.tensor<[4 * n, 3], f32>,
      !relax.tensor<[n, 2, 2], f32>, !relax.tensor<[?, 2], f32>, !relax.tensor<[n, ?], f32>,
      !relax.tensor<[2, 2 * n], f32>
}

// CHECK-LABEL: func.func @reductions
func.func @reductions(%x: !relax.tensor<[b, n, 4], f32>, %u: !relax.tensor<*, i32>)
    -> (!relax.tensor<[b, 4], f32>, !relax.tensor<[b, n, 1], f32>, !relax.tensor<[], f32>,
        !relax.tensor<[1, 1, 1], f32>, !relax.tensor<[n], f32>, !relax.tensor<[], i32>) attributes {relax.function} {
  // CHECK: relax.sum %{{.*}} axes [1] : !relax.tensor<[b, n, 4], f32>
  // GENERIC: "relax.sum"(%{{.*}}) <{axes = array<i64: 1>}> : (!relax.tensor<[b, n, 4], f32>) -> !relax.tensor<[b, 4], f32>
  %0 = relax.sum %x axes [1] : !relax.tensor<[b, n, 4], f32>
  // CHECK: relax.sum %{{.*}} axes [-1] keepdims : !relax.tensor<[b, n, 4], f32>
  // GENERIC: "relax.sum"(%{{.*}}) <{axes = array<i64: -1>, keepdims}> : (!relax.tensor<[b, n, 4], f32>) -> !relax.tensor<[b, n, 1], f32>
  %1 = relax.sum %x axes [-1] keepdims : !relax.tensor<[b, n, 4], f32>
  // CHECK: relax.sum %{{.*}} : !relax.tensor<[b, n, 4], f32>
  // GENERIC: "relax.sum"(%{{.*}}) : (!relax.tensor<[b, n, 4], f32>) -> !relax.tensor<[], f32>
  %2 = relax.sum %x : !relax.tensor<[b, n, 4], f32>
  // CHECK: relax.max %{{.*}} keepdims : !relax.tensor<[b, n, 4], f32>
  // GENERIC: "relax.max"(%{{.*}}) <{keepdims}> : (!relax.tensor<[b, n, 4], f32>) -> !relax.tensor<[1, 1, 1], f32>
  %3 = relax.max %x keepdims : !relax.tensor<[b, n, 4], f32>
  // GENERIC: "relax.max"(%{{.*}}) <{axes = array<i64: 0, 2>}> : (!relax.tensor<[b, n, 4], f32>) -> !relax.tensor<[n], f32>
  %4 = relax.max %x axes [0, 2] : !relax.tensor<[b, n, 4], f32>
  // Reducing everything gives a scalar even from an unknown rank.
  // GENERIC: "relax.sum"(%{{.*}}) : (!relax.tensor<*, i32>) -> !relax.tensor<[], i32>
  %5 = relax.sum %u : !relax.tensor<*, i32>
  return %0, %1, %2, %3, %4, %5 : !relax.tensor<[b, 4], f32>, !relax.tensor<[b, n, 1], f32>,
      !relax.tensor<[], f32>, !relax.tensor<[1, 1, 1], f32>, !relax.tensor<[n], f32>,
      !relax.tensor<[], i32>
}

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: !relax.tensor<[b, n, n], f32>)
    -> (!relax.tensor<[b, n, n], f32>, !relax.tensor<[b, n, n], f32>) attributes {relax.function} {
  // CHECK: relax.softmax %{{.*}} : !relax.tensor<[b, n, n], f32>
  // GENERIC: "relax.softmax"(%{{.*}}) <{axis = -1 : i64}> : (!relax.tensor<[b, n, n], f32>) -> !relax.tensor<[b, n, n], f32>
  %0 = relax.softmax %x : !relax.tensor<[b, n, n], f32>
  // CHECK: relax.softmax %{{.*}} axis 1 : !relax.tensor<[b, n, n], f32>
  // GENERIC: "relax.softmax"(%{{.*}}) <{axis = 1 : i64}> : (!relax.tensor<[b, n, n], f32>) -> !relax.tensor<[b, n, n], f32>
  %1 = relax.softmax %x axis 1 : !relax.tensor<[b, n, n], f32>
  return %0, %1 : !relax.tensor<[b, n, n], f32>, !relax.tensor<[b, n, n], f32>
}

// The generic form names the result type; it must be the inferred one.

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: !relax.tensor<[n, 4], f32>) -> !relax.tensor<[4, n], f32> attributes {relax.function} {
  // CHECK: relax.permute_dims %{{.*}} axes [1, 0] : !relax.tensor<[n, 4], f32>
  %0 = "relax.permute_dims"(%x) <{axes = array<i64: 1, 0>}>
      : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[4, n], f32>
  return %0 : !relax.tensor<[4, n], f32>
}

// Inside a dataflow region, with a variable bound by match_cast and facts
// for the prover: a small MLP block.

// CHECK-LABEL: func.func @mlp
func.func @mlp(%x: !relax.tensor<[n, 4096], f16>, %w1: !relax.tensor<[11008, 4096], f16>,
               %w2: !relax.tensor<[4096, 11008], f16>, %any: !relax.tensor<[?], f16>)
    -> !relax.tensor<[n, 4096], f16> attributes {relax.function, 
    relax.sym_bounds = {n = array<i64: 1, 2048>}} {
  %y = relax.dataflow -> !relax.tensor<[n, 4096], f16> {
    %wt = relax.permute_dims %w1 : !relax.tensor<[11008, 4096], f16>
    %h = relax.matmul %x, %wt : !relax.tensor<[n, 4096], f16>, !relax.tensor<[4096, 11008], f16>
    %a = relax.silu %h : !relax.tensor<[n, 11008], f16>
    %w2t = relax.permute_dims %w2 : !relax.tensor<[4096, 11008], f16>
    %o = relax.matmul %a, %w2t : !relax.tensor<[n, 11008], f16>, !relax.tensor<[11008, 4096], f16>
    // CHECK: relax.match_cast
    %bias = relax.match_cast %any : !relax.tensor<[?], f16> to !relax.tensor<[d], f16>
    // CHECK: relax.add %{{.*}}, %{{.*}} : !relax.tensor<[n, 4096], f16>, !relax.tensor<[d], f16>
    %sum = relax.add %o, %bias : !relax.tensor<[n, 4096], f16>, !relax.tensor<[d], f16>
    %r = relax.match_cast %sum : !relax.tensor<[n, ?], f16> to !relax.tensor<[n, 4096], f16>
    relax.output %r : !relax.tensor<[n, 4096], f16>
  }
  return %y : !relax.tensor<[n, 4096], f16>
}

// A tensor with a `?` dim reshapes to any multiple of its known part; an
// unranked tensor's axes may mix signs (1 and -1 can be different dims).
// CHECK-LABEL: func.func @unknown_dims
// CHECK: relax.reshape %{{.*}} [6, 2] : !relax.tensor<[?, 3], f32>
// CHECK: relax.sum %{{.*}} axes [1, -1] : !relax.tensor<*, f32>
func.func @unknown_dims(%x: !relax.tensor<[?, 3], f32>, %y: !relax.tensor<*, f32>) attributes {relax.function} {
  %0 = relax.reshape %x [6, 2] : !relax.tensor<[?, 3], f32>
  %1 = relax.sum %y axes [1, -1] : !relax.tensor<*, f32>
  return
}

/// The unary operators declared from Relax_SimpleUnaryOp: the result type is
/// the operand's; abs, negative, sign and square take integers too.
// CHECK-LABEL: func.func @simple_unary
func.func @simple_unary(%x: !relax.tensor<[n, 4], f32>, %i: !relax.tensor<[n], i32>) attributes {relax.function} {
  // CHECK: relax.abs %{{.*}} : !relax.tensor<[n], i32>
  // GENERIC: "relax.abs"(%{{.*}}) : (!relax.tensor<[n], i32>) -> !relax.tensor<[n], i32>
  %0 = relax.abs %i : !relax.tensor<[n], i32>
  // CHECK: relax.negative %{{.*}} : !relax.tensor<[n], i32>
  // GENERIC: "relax.negative"(%{{.*}}) : (!relax.tensor<[n], i32>) -> !relax.tensor<[n], i32>
  %1 = relax.negative %i : !relax.tensor<[n], i32>
  // CHECK: relax.sign %{{.*}} : !relax.tensor<[n], i32>
  // GENERIC: "relax.sign"(%{{.*}}) : (!relax.tensor<[n], i32>) -> !relax.tensor<[n], i32>
  %2 = relax.sign %i : !relax.tensor<[n], i32>
  // CHECK: relax.square %{{.*}} : !relax.tensor<[n], i32>
  // GENERIC: "relax.square"(%{{.*}}) : (!relax.tensor<[n], i32>) -> !relax.tensor<[n], i32>
  %3 = relax.square %i : !relax.tensor<[n], i32>
  // CHECK: relax.abs %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.abs"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %4 = relax.abs %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.negative %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.negative"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %5 = relax.negative %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.sign %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.sign"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %6 = relax.sign %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.square %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.square"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %7 = relax.square %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.log %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.log"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %8 = relax.log %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.sqrt %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.sqrt"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %9 = relax.sqrt %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.rsqrt %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.rsqrt"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %10 = relax.rsqrt %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.sin %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.sin"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %11 = relax.sin %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.cos %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.cos"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %12 = relax.cos %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.tanh %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.tanh"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %13 = relax.tanh %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.sigmoid %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.sigmoid"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %14 = relax.sigmoid %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.erf %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.erf"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %15 = relax.erf %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.floor %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.floor"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %16 = relax.floor %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.ceil %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.ceil"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %17 = relax.ceil %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.round %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.round"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %18 = relax.round %x : !relax.tensor<[n, 4], f32>
  return
}

/// The broadcasting binary operators declared from Relax_BinaryBroadcastOp
/// (shape rule and verifier from the base class); comparisons give i1, and
/// logical_and/or take i1.
// CHECK-LABEL: func.func @binary_broadcast
func.func @binary_broadcast(%x: !relax.tensor<[n, 4], i32>, %y: !relax.tensor<[4], i32>,
                            %p: !relax.tensor<[n], i1>, %q: !relax.tensor<[1], i1>) attributes {relax.function} {
  // CHECK: relax.floor_divide %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.floor_divide"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %0 = relax.floor_divide %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.power %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.power"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %1 = relax.power %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.floor_mod %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.floor_mod"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %2 = relax.floor_mod %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.minimum %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.minimum"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %3 = relax.minimum %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.maximum %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.maximum"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %4 = relax.maximum %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.bitwise_and %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.bitwise_and"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %5 = relax.bitwise_and %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.bitwise_or %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.bitwise_or"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %6 = relax.bitwise_or %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.bitwise_xor %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.bitwise_xor"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %7 = relax.bitwise_xor %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.equal"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i1>
  %8 = relax.equal %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.not_equal"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i1>
  %9 = relax.not_equal %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.less"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i1>
  %10 = relax.less %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.less_equal"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i1>
  %11 = relax.less_equal %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.greater"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i1>
  %12 = relax.greater %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.greater_equal"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i1>
  %13 = relax.greater_equal %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.logical_and"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n], i1>, !relax.tensor<[1], i1>) -> !relax.tensor<[n], i1>
  %14 = relax.logical_and %p, %q : !relax.tensor<[n], i1>, !relax.tensor<[1], i1>
  // GENERIC: "relax.logical_or"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n], i1>, !relax.tensor<[1], i1>) -> !relax.tensor<[n], i1>
  %15 = relax.logical_or %p, %q : !relax.tensor<[n], i1>, !relax.tensor<[1], i1>
  return
}

/// clip, the predicates (i1 results) and where (three-way broadcast).
// CHECK-LABEL: func.func @select_and_test
func.func @select_and_test(%x: !relax.tensor<[n, 4], f32>, %c: !relax.tensor<[4], i1>,
                           %y: !relax.tensor<[1], f32>, %i: !relax.tensor<[n], i32>) attributes {relax.function} {
  // CHECK: relax.clip %{{.*}} min -1.000000e+00 max 2.500000e+00 : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.clip"(%{{.*}}) <{max = 2.500000e+00 : f64, min = -1.000000e+00 : f64}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %0 = relax.clip %x min -1.0 max 2.5 : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.isnan"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], i1>
  %1 = relax.isnan %x : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.isinf"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], i1>
  %2 = relax.isinf %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.logical_not %{{.*}} : !relax.tensor<[4], i1>
  %3 = relax.logical_not %c : !relax.tensor<[4], i1>
  // CHECK: relax.bitwise_not %{{.*}} : !relax.tensor<[n], i32>
  %4 = relax.bitwise_not %i : !relax.tensor<[n], i32>
  // CHECK: relax.where %{{.*}}, %{{.*}}, %{{.*}} : !relax.tensor<[4], i1>, !relax.tensor<[n, 4], f32>, !relax.tensor<[1], f32>
  // GENERIC: "relax.where"(%{{.*}}, %{{.*}}, %{{.*}}) : (!relax.tensor<[4], i1>, !relax.tensor<[n, 4], f32>, !relax.tensor<[1], f32>) -> !relax.tensor<[n, 4], f32>
  %5 = relax.where %c, %x, %y : !relax.tensor<[4], i1>, !relax.tensor<[n, 4], f32>, !relax.tensor<[1], f32>
  return
}

/// The reductions declared from Relax_ReductionOp.
// CHECK-LABEL: func.func @more_reductions
func.func @more_reductions(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // CHECK: relax.min %{{.*}} axes [1] : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.min"(%{{.*}}) <{axes = array<i64: 1>}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n], f32>
  %0 = relax.min %x axes [1] : !relax.tensor<[n, 4], f32>
  // CHECK: relax.prod %{{.*}} axes [0] keepdims : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.prod"(%{{.*}}) <{axes = array<i64: 0>, keepdims}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[1, 4], f32>
  %1 = relax.prod %x axes [0] keepdims : !relax.tensor<[n, 4], f32>
  // CHECK: relax.mean %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.mean"(%{{.*}}) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[], f32>
  %2 = relax.mean %x : !relax.tensor<[n, 4], f32>
  return
}

/// rms_norm over the last axis; epsilon prints only when not the default.
// CHECK-LABEL: func.func @rms_norm
func.func @rms_norm(%x: !relax.tensor<[n, 4096], f16>, %w: !relax.tensor<[4096], f16>,
                    %y: !relax.tensor<[b, n, k], f32>, %v: !relax.tensor<[k], f32>) attributes {relax.function} {
  // CHECK: relax.rms_norm %{{.*}}, %{{.*}} : !relax.tensor<[n, 4096], f16>, !relax.tensor<[4096], f16>
  // GENERIC: "relax.rms_norm"(%{{.*}}, %{{.*}}) <{epsilon = 1.000000e-05 : f64}> : (!relax.tensor<[n, 4096], f16>, !relax.tensor<[4096], f16>) -> !relax.tensor<[n, 4096], f16>
  %0 = relax.rms_norm %x, %w : !relax.tensor<[n, 4096], f16>, !relax.tensor<[4096], f16>
  // CHECK: relax.rms_norm %{{.*}}, %{{.*}} epsilon 9.9999999999999995E-7 : !relax.tensor<[b, n, k], f32>, !relax.tensor<[k], f32>
  %1 = relax.rms_norm %y, %v epsilon 1.0e-06 : !relax.tensor<[b, n, k], f32>, !relax.tensor<[k], f32>
  return
}

/// GELU (exact and tanh) and leaky_relu (alpha prints when not 0.01).
// CHECK-LABEL: func.func @activations
func.func @activations(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // CHECK: relax.gelu %{{.*}} : !relax.tensor<[n, 4], f32>
  %0 = relax.gelu %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.gelu_tanh %{{.*}} : !relax.tensor<[n, 4], f32>
  %1 = relax.gelu_tanh %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.leaky_relu %{{.*}} alpha 2.000000e-01 : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.leaky_relu"(%{{.*}}) <{alpha = 2.000000e-01 : f64}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %2 = relax.leaky_relu %x alpha 0.2 : !relax.tensor<[n, 4], f32>
  // CHECK: relax.leaky_relu %{{.*}} : !relax.tensor<[n, 4], f32>
  %3 = relax.leaky_relu %x : !relax.tensor<[n, 4], f32>
  return
}

/// expand_dims, squeeze and flatten infer their shapes.
// CHECK-LABEL: func.func @reshapes
func.func @reshapes(%x: !relax.tensor<[n, 1, 4], f32>) attributes {relax.function} {
  // CHECK: relax.expand_dims %{{.*}} axes [0, -1] : !relax.tensor<[n, 1, 4], f32>
  // GENERIC: "relax.expand_dims"(%{{.*}}) <{axes = array<i64: 0, -1>}> : (!relax.tensor<[n, 1, 4], f32>) -> !relax.tensor<[1, n, 1, 4, 1], f32>
  %0 = relax.expand_dims %x axes [0, -1] : !relax.tensor<[n, 1, 4], f32>
  // GENERIC: "relax.squeeze"(%{{.*}}) : (!relax.tensor<[n, 1, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %1 = relax.squeeze %x : !relax.tensor<[n, 1, 4], f32>
  // CHECK: relax.squeeze %{{.*}} axes [1] : !relax.tensor<[n, 1, 4], f32>
  %2 = relax.squeeze %x axes [1] : !relax.tensor<[n, 1, 4], f32>
  // GENERIC: "relax.flatten"(%{{.*}}) : (!relax.tensor<[n, 1, 4], f32>) -> !relax.tensor<[4 * n], f32>
  %3 = relax.flatten %x : !relax.tensor<[n, 1, 4], f32>
  return
}

/// astype keeps the shape and takes the dtype.
// CHECK-LABEL: func.func @astype
func.func @astype(%x: !relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], bf16> attributes {relax.function} {
  // CHECK: relax.astype %{{.*}} to f16 : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.astype"(%{{.*}}) <{dtype = f16}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f16>
  %0 = relax.astype %x to f16 : !relax.tensor<[n, 4], f32>
  // CHECK: relax.astype %{{.*}} to i1 : !relax.tensor<[n, 4], f16>
  %1 = relax.astype %0 to i1 : !relax.tensor<[n, 4], f16>
  // CHECK: relax.astype %{{.*}} to bf16 : !relax.tensor<[n, 4], i1>
  %2 = relax.astype %1 to bf16 : !relax.tensor<[n, 4], i1>
  return %2 : !relax.tensor<[n, 4], bf16>
}

/// layer_norm over the last axis, log_softmax along an axis: the input's type.
// CHECK-LABEL: func.func @layer_norm_log_softmax
func.func @layer_norm_log_softmax(%x: !relax.tensor<[n, 768], f32>, %w: !relax.tensor<[768], f32>,
                                  %b: !relax.tensor<[768], f32>) -> !relax.tensor<[n, 768], f32> attributes {relax.function} {
  // CHECK: relax.layer_norm %{{.*}}, %{{.*}}, %{{.*}} epsilon 9.9999999999999995E-7 : !relax.tensor<[n, 768], f32>, !relax.tensor<[768], f32>, !relax.tensor<[768], f32>
  // GENERIC: "relax.layer_norm"(%{{.*}}, %{{.*}}, %{{.*}}) <{epsilon = 9.9999999999999995E-7 : f64}> : (!relax.tensor<[n, 768], f32>, !relax.tensor<[768], f32>, !relax.tensor<[768], f32>) -> !relax.tensor<[n, 768], f32>
  %0 = relax.layer_norm %x, %w, %b epsilon 1.0e-06 : !relax.tensor<[n, 768], f32>, !relax.tensor<[768], f32>, !relax.tensor<[768], f32>
  // CHECK: relax.log_softmax %{{.*}} axis 0 : !relax.tensor<[n, 768], f32>
  // GENERIC: "relax.log_softmax"(%{{.*}}) <{axis = 0 : i64}> : (!relax.tensor<[n, 768], f32>) -> !relax.tensor<[n, 768], f32>
  %1 = relax.log_softmax %0 axis 0 : !relax.tensor<[n, 768], f32>
  // CHECK: relax.log_softmax %{{.*}} : !relax.tensor<[n, 768], f32>
  %2 = relax.log_softmax %1 : !relax.tensor<[n, 768], f32>
  return %2 : !relax.tensor<[n, 768], f32>
}

/// attention: [b, s, h, d] x [b, t, hk, d] x [b, t, hk, dv] -> [b, s, h, dv];
/// rope keeps the input's type.
// CHECK-LABEL: func.func @attention_rope
func.func @attention_rope(%q: !relax.tensor<[1, n, 32, 128], f16>, %k: !relax.tensor<[1, t, 8, 128], f16>,
                          %v: !relax.tensor<[1, t, 8, 64], f16>, %pos: !relax.tensor<[n], i64>)
    -> !relax.tensor<[1, n, 32, 64], f16> attributes {relax.function} {
  // CHECK: relax.rope %{{.*}}, %{{.*}} theta 5.000000e+05 : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[n], i64>
  // GENERIC: "relax.rope"(%{{.*}}, %{{.*}}) <{theta = 5.000000e+05 : f64}> : (!relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[n], i64>) -> !relax.tensor<[1, n, 32, 128], f16>
  %0 = relax.rope %q, %pos theta 5.0e+05 : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[n], i64>
  // CHECK: relax.rope %{{.*}}, %{{.*}} : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[n], i64>
  %1 = relax.rope %q, %pos : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[n], i64>
  // CHECK: relax.attention %{{.*}}, %{{.*}}, %{{.*}} scale 1.250000e-01 causal : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>, !relax.tensor<[1, t, 8, 64], f16>
  // GENERIC: "relax.attention"(%{{.*}}, %{{.*}}, %{{.*}}) <{causal, scale = 1.250000e-01 : f64}> : (!relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>, !relax.tensor<[1, t, 8, 64], f16>) -> !relax.tensor<[1, n, 32, 64], f16>
  %2 = relax.attention %0, %k, %v scale 0.125 causal : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>, !relax.tensor<[1, t, 8, 64], f16>
  // CHECK: relax.attention %{{.*}}, %{{.*}}, %{{.*}} : !relax.tensor<[1, n, 32, 128], f16>
  %3 = relax.attention %1, %k, %v : !relax.tensor<[1, n, 32, 128], f16>, !relax.tensor<[1, t, 8, 128], f16>, !relax.tensor<[1, t, 8, 64], f16>
  return %2 : !relax.tensor<[1, n, 32, 64], f16>
}

/// q4_quantize gives the packed words and the scales; q4_dequantize the
/// weight again. group_size prints only when not the default (32).
// CHECK-LABEL: func.func @q4
func.func @q4(%w: !relax.tensor<[n, 4096], f16>, %k: !relax.tensor<[8, k], f32>) -> !relax.tensor<[n, 4096], f16> attributes {relax.function} {
  // CHECK: relax.q4_quantize %{{.*}} : !relax.tensor<[n, 4096], f16>
  // GENERIC: "relax.q4_quantize"(%{{.*}}) <{group_size = 32 : i64}> : (!relax.tensor<[n, 4096], f16>) -> (!relax.tensor<[n, 512], i32>, !relax.tensor<[n, 128], f16>)
  %q, %s = relax.q4_quantize %w : !relax.tensor<[n, 4096], f16>
  // CHECK: relax.q4_dequantize %{{.*}}, %{{.*}} : !relax.tensor<[n, 512], i32>, !relax.tensor<[n, 128], f16>
  // GENERIC: "relax.q4_dequantize"(%{{.*}}, %{{.*}}) <{group_size = 32 : i64}> : (!relax.tensor<[n, 512], i32>, !relax.tensor<[n, 128], f16>) -> !relax.tensor<[n, 4096], f16>
  %d = relax.q4_dequantize %q, %s : !relax.tensor<[n, 512], i32>, !relax.tensor<[n, 128], f16>
  // A symbolic k gives k floordiv 8 words and k floordiv 64 groups.
  // CHECK: relax.q4_quantize %{{.*}} group_size 64 : !relax.tensor<[8, k], f32>
  // GENERIC: "relax.q4_quantize"(%{{.*}}) <{group_size = 64 : i64}> : (!relax.tensor<[8, k], f32>) -> (!relax.tensor<[8, k floordiv 8], i32>, !relax.tensor<[8, k floordiv 64], f32>)
  %q2, %s2 = relax.q4_quantize %k group_size 64 : !relax.tensor<[8, k], f32>
  return %d : !relax.tensor<[n, 4096], f16>
}

/// The copies by index arithmetic infer their shapes.
// CHECK-LABEL: func.func @indexing
func.func @indexing(%x: !relax.tensor<[n, 1], f32>, %y: !relax.tensor<[m, 4], f32>,
                    %ids: !relax.tensor<[k], i32>,
                    %kn: !relax.tensor<[k + n, 1], f32>) attributes {relax.function} {
  // CHECK: relax.broadcast_to %{{.*}} [n, 4] : !relax.tensor<[n, 1], f32>
  // GENERIC: "relax.broadcast_to"(%{{.*}}) <{shape = #relax.shape<[n, 4]>}> : (!relax.tensor<[n, 1], f32>) -> !relax.tensor<[n, 4], f32>
  %0 = relax.broadcast_to %x [n, 4] : !relax.tensor<[n, 1], f32>
  // CHECK: relax.concat %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], f32>, !relax.tensor<[m, 4], f32>
  // GENERIC: "relax.concat"(%{{.*}}, %{{.*}}) <{axis = 0 : i64}> : (!relax.tensor<[n, 4], f32>, !relax.tensor<[m, 4], f32>) -> !relax.tensor<[m + n, 4], f32>
  %1 = relax.concat %0, %y : !relax.tensor<[n, 4], f32>, !relax.tensor<[m, 4], f32>
  // CHECK: relax.concat %{{.*}}, %{{.*}} axis 1 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 1], f32>
  // GENERIC: -> !relax.tensor<[n, 5], f32>
  %2 = relax.concat %0, %x axis 1 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 1], f32>
  // CHECK: relax.flip %{{.*}} axis -1 : !relax.tensor<[m, 4], f32>
  %3 = relax.flip %y axis -1 : !relax.tensor<[m, 4], f32>
  // CHECK: relax.tril %{{.*}} : !relax.tensor<[m, 4], f32>
  %4 = relax.tril %y : !relax.tensor<[m, 4], f32>
  // CHECK: relax.triu %{{.*}} k -1 : !relax.tensor<[m, 4], f32>
  // GENERIC: "relax.triu"(%{{.*}}) <{k = -1 : i64}>
  %5 = relax.triu %y k -1 : !relax.tensor<[m, 4], f32>
  // CHECK: relax.tile %{{.*}} repeats [3] : !relax.tensor<[m, 4], f32>
  // GENERIC: "relax.tile"(%{{.*}}) <{repeats = array<i64: 3>}> : (!relax.tensor<[m, 4], f32>) -> !relax.tensor<[m, 12], f32>
  %6 = relax.tile %y repeats [3] : !relax.tensor<[m, 4], f32>
  // CHECK: relax.repeat %{{.*}} repeats 2 axis 0 : !relax.tensor<[m, 4], f32>
  // GENERIC: -> !relax.tensor<[2 * m, 4], f32>
  %7 = relax.repeat %y repeats 2 axis 0 : !relax.tensor<[m, 4], f32>
  // CHECK: relax.strided_slice %{{.*}} axes [1] begin [0] end [4] strides [2] : !relax.tensor<[m, 4], f32>
  // GENERIC: -> !relax.tensor<[m, 2], f32>
  %8 = relax.strided_slice %y axes [1] begin [0] end [4] strides [2] : !relax.tensor<[m, 4], f32>
  // Symbolic bounds: [k, k + n) of a dim k + n needs no clamp.
  // CHECK: relax.strided_slice %{{.*}} axes [0] begin [k] end [k + n] : !relax.tensor<[k + n, 1], f32>
  // GENERIC: "relax.strided_slice"(%{{.*}}) <{axes = array<i64: 0>, begin = #relax.shape<[k]>, end = #relax.shape<[k + n]>}> : (!relax.tensor<[k + n, 1], f32>) -> !relax.tensor<[n, 1], f32>
  %w = relax.strided_slice %kn axes [0] begin [k] end [k + n] : !relax.tensor<[k + n, 1], f32>
  // CHECK: relax.strided_slice %{{.*}} axes [0] begin [k] end [m] :
  // GENERIC: -> !relax.tensor<[m - min(k, m), 4], f32>
  %w2 = relax.strided_slice %y axes [0] begin [k] end [m] : !relax.tensor<[m, 4], f32>
  // CHECK: relax.take %{{.*}}, %{{.*}} : !relax.tensor<[m, 4], f32>, !relax.tensor<[k], i32>
  // GENERIC: "relax.take"(%{{.*}}, %{{.*}}) <{axis = 0 : i64}> : (!relax.tensor<[m, 4], f32>, !relax.tensor<[k], i32>) -> !relax.tensor<[k, 4], f32>
  %9 = relax.take %y, %ids : !relax.tensor<[m, 4], f32>, !relax.tensor<[k], i32>
  // CHECK: relax.one_hot %{{.*}} depth 3 on 1.000000e+00 off 0.000000e+00 : !relax.tensor<[k], i32> to f16
  // GENERIC: -> !relax.tensor<[k, 3], f16>
  %10 = relax.one_hot %ids depth 3 on 1.0 off 0.0 : !relax.tensor<[k], i32> to f16
  return
}

/// mod and the shifts broadcast like the other binary operators.
// CHECK-LABEL: func.func @remainders_and_shifts
func.func @remainders_and_shifts(%x: !relax.tensor<[n, 4], i32>, %y: !relax.tensor<[4], i32>) attributes {relax.function} {
  // CHECK: relax.mod %{{.*}}, %{{.*}} : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // GENERIC: "relax.mod"(%{{.*}}, %{{.*}}) : (!relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>) -> !relax.tensor<[n, 4], i32>
  %0 = relax.mod %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.left_shift
  %1 = relax.left_shift %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  // CHECK: relax.right_shift
  %2 = relax.right_shift %x, %y : !relax.tensor<[n, 4], i32>, !relax.tensor<[4], i32>
  return
}

/// variance/std are reductions; argmax/argmin give i64 indices; the scans
/// keep the shape, or flatten without an axis.
// CHECK-LABEL: func.func @statistics
func.func @statistics(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // CHECK: relax.variance %{{.*}} axes [1] : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.variance"(%{{.*}}) <{axes = array<i64: 1>}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n], f32>
  %0 = relax.variance %x axes [1] : !relax.tensor<[n, 4], f32>
  // CHECK: relax.std %{{.*}} keepdims : !relax.tensor<[n, 4], f32>
  // GENERIC: -> !relax.tensor<[1, 1], f32>
  %1 = relax.std %x keepdims : !relax.tensor<[n, 4], f32>
  // CHECK: relax.argmax %{{.*}} axis 1 keepdims : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.argmax"(%{{.*}}) <{axis = 1 : i64, keepdims}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 1], i64>
  %2 = relax.argmax %x axis 1 keepdims : !relax.tensor<[n, 4], f32>
  // CHECK: relax.argmin %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: -> !relax.tensor<[], i64>
  %3 = relax.argmin %x : !relax.tensor<[n, 4], f32>
  // CHECK: relax.cumsum %{{.*}} axis 0 : !relax.tensor<[n, 4], f32>
  // GENERIC: "relax.cumsum"(%{{.*}}) <{axis = 0 : i64}> : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %4 = relax.cumsum %x axis 0 : !relax.tensor<[n, 4], f32>
  // CHECK: relax.cumprod %{{.*}} : !relax.tensor<[n, 4], f32>
  // GENERIC: -> !relax.tensor<[4 * n], f32>
  %5 = relax.cumprod %x : !relax.tensor<[n, 4], f32>
  return
}

/// conv2d, conv2d_transpose, pooling and batch_norm infer their output shapes; the defaults
/// (strides 1, no padding, dilation 1, groups 1, NCHW) do not print.
// CHECK-LABEL: func.func @cnn
func.func @cnn(%x: !relax.tensor<[n, 3, h, w], f32>, %k: !relax.tensor<[8, 3, 3, 3], f32>,
               %c: !relax.tensor<[8], f32>, %y: !relax.tensor<[n, h, w, 4], f16>,
               %kt: !relax.tensor<[3, 8, 3, 3], f32>) attributes {relax.function} {
  // CHECK: relax.conv2d %{{.*}}, %{{.*}} strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[8, 3, 3, 3], f32>
  // GENERIC: "relax.conv2d"(%{{.*}}, %{{.*}}) <{dilation = array<i64: 1, 1>, groups = 1 : i64, layout = 0 : i32, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (!relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[8, 3, 3, 3], f32>) -> !relax.tensor<[n, 8, (h - 1) floordiv 2 + 1, (w - 1) floordiv 2 + 1], f32>
  %0 = relax.conv2d %x, %k strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[8, 3, 3, 3], f32>
  // CHECK: relax.max_pool2d %{{.*}} pool_size [2, 2] strides [2, 2] : !relax.tensor<[n, 3, h, w], f32>
  // GENERIC: -> !relax.tensor<[n, 3, h floordiv 2, w floordiv 2], f32>
  %1 = relax.max_pool2d %x pool_size [2, 2] strides [2, 2] : !relax.tensor<[n, 3, h, w], f32>
  // CHECK: relax.avg_pool2d %{{.*}} pool_size [3, 3] padding [1, 1, 1, 1] count_include_pad layout NHWC : !relax.tensor<[n, h, w, 4], f16>
  // GENERIC: -> !relax.tensor<[n, h, w, 4], f16>
  %2 = relax.avg_pool2d %y pool_size [3, 3] padding [1, 1, 1, 1] count_include_pad layout NHWC : !relax.tensor<[n, h, w, 4], f16>
  // CHECK: relax.adaptive_avg_pool2d %{{.*}} output_size [1, 1] : !relax.tensor<[n, 3, h, w], f32>
  // GENERIC: -> !relax.tensor<[n, 3, 1, 1], f32>
  %3 = relax.adaptive_avg_pool2d %x output_size [1, 1] : !relax.tensor<[n, 3, h, w], f32>
  // CHECK: relax.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} epsilon 1.000000e-03
  // GENERIC: "relax.batch_norm"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{axis = 1 : i64, epsilon = 1.000000e-03 : f64}>
  %4 = relax.batch_norm %0, %c, %c, %c, %c epsilon 1.0e-03 : !relax.tensor<[n, 8, (h - 1) floordiv 2 + 1, (w - 1) floordiv 2 + 1], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>
  // CHECK: relax.conv2d_transpose %{{.*}}, %{{.*}} strides [2, 2] padding [1, 1, 1, 1] output_padding [1, 1] : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[3, 8, 3, 3], f32>
  // GENERIC: "relax.conv2d_transpose"(%{{.*}}, %{{.*}}) <{dilation = array<i64: 1, 1>, groups = 1 : i64, output_padding = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (!relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[3, 8, 3, 3], f32>) -> !relax.tensor<[n, 8, 2 * h, 2 * w], f32>
  %5 = relax.conv2d_transpose %x, %kt strides [2, 2] padding [1, 1, 1, 1] output_padding [1, 1] : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[3, 8, 3, 3], f32>
  // CHECK: relax.conv2d_transpose %{{.*}}, %{{.*}} dilation [2, 1] groups 3 :
  // GENERIC: -> !relax.tensor<[n, 24, h + 4, w + 2], f32>
  %6 = relax.conv2d_transpose %x, %kt dilation [2, 1] groups 3 : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[3, 8, 3, 3], f32>
  return
}

/// Creation: the shape and dtype are attributes.
// CHECK-LABEL: func.func @creation
func.func @creation(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // CHECK: relax.zeros [n, 2] : f32
  // GENERIC: "relax.zeros"() <{dtype = f32, shape = #relax.shape<[n, 2]>}> : () -> !relax.tensor<[n, 2], f32>
  %0 = relax.zeros [n, 2] : f32
  // CHECK: relax.ones [4] : i8
  %1 = relax.ones [4] : i8
  // CHECK: relax.full [n] value -2.500000e+00 : f16
  // GENERIC: "relax.full"() <{dtype = f16, shape = #relax.shape<[n]>, value = -2.500000e+00 : f64}> : () -> !relax.tensor<[n], f16>
  %2 = relax.full [n] value -2.5 : f16
  // CHECK: relax.arange [n] : i64
  // GENERIC: "relax.arange"() <{dtype = i64, end = #relax.shape<[n]>, start = 0 : i64, step = 1 : i64}> : () -> !relax.tensor<[n], i64>
  %3 = relax.arange [n] : i64
  // CHECK: relax.arange [n] start 4 step -1 : f32
  // GENERIC: -> !relax.tensor<[max(4 - n, 0)], f32>
  %4 = relax.arange [n] start 4 step -1 : f32
  return
}

/// linear, pad and dropout.
// CHECK-LABEL: func.func @linear_pad_dropout
func.func @linear_pad_dropout(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[4, 8], f32>,
                              %b: !relax.tensor<[4], f32>) attributes {relax.function} {
  // CHECK: relax.linear %{{.*}}, %{{.*}}, %{{.*}} : !relax.tensor<[n, 8], f32>, !relax.tensor<[4, 8], f32>, !relax.tensor<[4], f32>
  // GENERIC: "relax.linear"(%{{.*}}, %{{.*}}, %{{.*}}) : (!relax.tensor<[n, 8], f32>, !relax.tensor<[4, 8], f32>, !relax.tensor<[4], f32>) -> !relax.tensor<[n, 4], f32>
  %0 = relax.linear %x, %w, %b : !relax.tensor<[n, 8], f32>, !relax.tensor<[4, 8], f32>, !relax.tensor<[4], f32>
  // CHECK: relax.linear %{{.*}}, %{{.*}} : !relax.tensor<[n, 8], f32>, !relax.tensor<[4, 8], f32>
  %1 = relax.linear %x, %w : !relax.tensor<[n, 8], f32>, !relax.tensor<[4, 8], f32>
  // CHECK: relax.pad %{{.*}} pad_width [1, 1, 0, 2] mode reflect : !relax.tensor<[n, 8], f32>
  // GENERIC: "relax.pad"(%{{.*}}) <{mode = 2 : i32, pad_width = array<i64: 1, 1, 0, 2>, value = 0.000000e+00 : f64}> : (!relax.tensor<[n, 8], f32>) -> !relax.tensor<[n + 2, 10], f32>
  %2 = relax.pad %x pad_width [1, 1, 0, 2] mode reflect : !relax.tensor<[n, 8], f32>
  // CHECK: relax.dropout %{{.*}} rate 1.000000e-01 : !relax.tensor<[n, 8], f32>
  %3 = relax.dropout %x rate 0.1 : !relax.tensor<[n, 8], f32>
  return
}

/// split gives one result per part; the gathers take the indices' shape.
// CHECK-LABEL: func.func @split_gather
func.func @split_gather(%x: !relax.tensor<[n, 6], f32>, %i: !relax.tensor<[n, 2], i32>,
                        %t: !relax.tensor<[k, 2], i64>) attributes {relax.function} {
  // CHECK: relax.split %{{.*}} sections 2 axis 1 : !relax.tensor<[n, 6], f32>
  // GENERIC: "relax.split"(%{{.*}}) <{axis = 1 : i64, sections = 2 : i64}> : (!relax.tensor<[n, 6], f32>) -> (!relax.tensor<[n, 3], f32>, !relax.tensor<[n, 3], f32>)
  %a, %b = relax.split %x sections 2 axis 1 : !relax.tensor<[n, 6], f32>
  // CHECK: relax.split %{{.*}} indices [1, 4] axis 1 : !relax.tensor<[n, 6], f32>
  // GENERIC: -> (!relax.tensor<[n, 1], f32>, !relax.tensor<[n, 3], f32>, !relax.tensor<[n, 2], f32>)
  %c:3 = relax.split %x indices [1, 4] axis 1 : !relax.tensor<[n, 6], f32>
  // CHECK: relax.gather_elements %{{.*}}, %{{.*}} axis 1 : !relax.tensor<[n, 6], f32>, !relax.tensor<[n, 2], i32>
  // GENERIC: -> !relax.tensor<[n, 2], f32>
  %g = relax.gather_elements %x, %i axis 1 : !relax.tensor<[n, 6], f32>, !relax.tensor<[n, 2], i32>
  // CHECK: relax.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} axis 1
  // GENERIC: -> !relax.tensor<[n, 6], f32>
  %s = relax.scatter_elements %x, %i, %g axis 1 : !relax.tensor<[n, 6], f32>, !relax.tensor<[n, 2], i32>, !relax.tensor<[n, 2], f32>
  // CHECK: relax.gather_nd %{{.*}}, %{{.*}} : !relax.tensor<[n, 6], f32>, !relax.tensor<[k, 2], i64>
  // GENERIC: -> !relax.tensor<[k], f32>
  %d = relax.gather_nd %x, %t : !relax.tensor<[n, 6], f32>, !relax.tensor<[k, 2], i64>
  return
}

/// group_norm keeps the input's type.
// CHECK-LABEL: func.func @group_norm
func.func @group_norm(%x: !relax.tensor<[n, 8, h, w], f32>, %p: !relax.tensor<[8], f32>) attributes {relax.function} {
  // CHECK: relax.group_norm %{{.*}}, %{{.*}}, %{{.*}} num_groups 4 : !relax.tensor<[n, 8, h, w], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>
  // GENERIC: "relax.group_norm"(%{{.*}}, %{{.*}}, %{{.*}}) <{epsilon = 1.000000e-05 : f64, num_groups = 4 : i64}> : (!relax.tensor<[n, 8, h, w], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>) -> !relax.tensor<[n, 8, h, w], f32>
  %0 = relax.group_norm %x, %p, %p num_groups 4 : !relax.tensor<[n, 8, h, w], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>
  return
}

/// conv1d: conv2d's rule over a height of 1.
// CHECK-LABEL: func.func @conv1d
func.func @conv1d(%x: !relax.tensor<[n, 3, l], f32>, %k: !relax.tensor<[8, 3, 5], f32>) attributes {relax.function} {
  // CHECK: relax.conv1d %{{.*}}, %{{.*}} strides [2] padding [2, 2] : !relax.tensor<[n, 3, l], f32>, !relax.tensor<[8, 3, 5], f32>
  // GENERIC: "relax.conv1d"(%{{.*}}, %{{.*}}) <{dilation = array<i64: 1>, groups = 1 : i64, layout = 0 : i32, padding = array<i64: 2, 2>, strides = array<i64: 2>}> : (!relax.tensor<[n, 3, l], f32>, !relax.tensor<[8, 3, 5], f32>) -> !relax.tensor<[n, 8, (l - 1) floordiv 2 + 1], f32>
  %0 = relax.conv1d %x, %k strides [2] padding [2, 2] : !relax.tensor<[n, 3, l], f32>, !relax.tensor<[8, 3, 5], f32>
  return
}

/// resize2d replaces the spatial dims by its symbolic size.
// CHECK-LABEL: func.func @resize2d
func.func @resize2d(%x: !relax.tensor<[n, 3, h, w], f32>) attributes {relax.function} {
  // CHECK: relax.resize2d %{{.*}} [2 * h, 2 * w] method linear coordinates align_corners : !relax.tensor<[n, 3, h, w], f32>
  // GENERIC: "relax.resize2d"(%{{.*}}) <{coordinates = 1 : i32, layout = 0 : i32, method = 1 : i32, size = #relax.shape<[2 * h, 2 * w]>}> : (!relax.tensor<[n, 3, h, w], f32>) -> !relax.tensor<[n, 3, 2 * h, 2 * w], f32>
  %0 = relax.resize2d %x [2 * h, 2 * w] method linear coordinates align_corners : !relax.tensor<[n, 3, h, w], f32>
  // CHECK: relax.resize2d %{{.*}} [7, 7] : !relax.tensor<[n, 3, h, w], f32>
  %1 = relax.resize2d %x [7, 7] : !relax.tensor<[n, 3, h, w], f32>
  return
}

/// einsum: the result letters' dims; implicit output is the letters seen
/// once, sorted.
// CHECK-LABEL: func.func @einsum
func.func @einsum(%a: !relax.tensor<[b, n, k], f32>, %c: !relax.tensor<[b, k, m], f32>) attributes {relax.function} {
  // CHECK: relax.einsum "bij,bjk->bik" %{{.*}}, %{{.*}} : !relax.tensor<[b, n, k], f32>, !relax.tensor<[b, k, m], f32>
  // GENERIC: "relax.einsum"(%{{.*}}, %{{.*}}) <{subscripts = "bij,bjk->bik"}> : (!relax.tensor<[b, n, k], f32>, !relax.tensor<[b, k, m], f32>) -> !relax.tensor<[b, n, m], f32>
  %0 = relax.einsum "bij,bjk->bik" %a, %c : !relax.tensor<[b, n, k], f32>, !relax.tensor<[b, k, m], f32>
  // GENERIC: "relax.einsum"(%{{.*}}) <{subscripts = "bij"}> : (!relax.tensor<[b, n, k], f32>) -> !relax.tensor<[b, n, k], f32>
  %1 = relax.einsum "bij" %a : !relax.tensor<[b, n, k], f32>
  // GENERIC: "relax.einsum"(%{{.*}}) <{subscripts = "bij->j"}> : (!relax.tensor<[b, n, k], f32>) -> !relax.tensor<[k], f32>
  %2 = relax.einsum "bij->j" %a : !relax.tensor<[b, n, k], f32>
  return
}
