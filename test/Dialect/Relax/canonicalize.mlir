// RUN: mlc-opt %s -split-input-file -canonicalize | FileCheck %s

// The shape of a tensor whose dims are all known is a constant shape.

// CHECK-LABEL: func.func @shape_of_known
// CHECK-NEXT: %[[SHAPE:.*]] = relax.shape [n, 2 * n]
// CHECK-NEXT: return %[[SHAPE]]
func.func @shape_of_known(%x: !relax.tensor<[n, 2 * n], f32>) -> !relax.shape<[n, 2 * n]> attributes {relax.function} {
  %s = relax.shape_of %x : !relax.tensor<[n, 2 * n], f32>
  return %s : !relax.shape<[n, 2 * n]>
}

// -----

// An unknown dim keeps the shape a run-time value.

// CHECK-LABEL: func.func @shape_of_unknown
// CHECK-NEXT: %[[SHAPE:.*]] = relax.shape_of
// CHECK-NEXT: return %[[SHAPE]]
func.func @shape_of_unknown(%x: !relax.tensor<[n, ?], f32>) -> !relax.shape<[n, ?]> attributes {relax.function} {
  %s = relax.shape_of %x : !relax.tensor<[n, ?], f32>
  return %s : !relax.shape<[n, ?]>
}

// -----

// A cast to the type a value already has checks nothing.

// CHECK-LABEL: func.func @match_cast_identity
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>)
// CHECK-NOT: relax.match_cast
// CHECK: return %[[X]]
func.func @match_cast_identity(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %y = relax.match_cast %x : !relax.tensor<[n], f32> to !relax.tensor<[n], f32>
  return %y : !relax.tensor<[n], f32>
}

// -----

// An unused match_cast is a run-time check: it stays. An unused pure call
// goes.

tir.prim_func @k(%x: memref<?xf32>, %out: memref<?xf32>) {
  tir.return
}

// CHECK-LABEL: func.func @dead_code
// CHECK-NOT: relax.call_tir
// CHECK: relax.match_cast
// CHECK-NOT: relax.call_tir
func.func @dead_code(%x: !relax.tensor<[?], f32>) attributes {relax.function} {
  %y = relax.call_tir @k(%x) : (!relax.tensor<[?], f32>) -> !relax.tensor<[?], f32>
  %z = relax.match_cast %x : !relax.tensor<[?], f32> to !relax.tensor<[m], f32>
  return
}

// -----

// Canonicalization happens inside dataflow regions too; the shape stays
// where it was (it is not a hoistable constant).

// CHECK-LABEL: func.func @in_dataflow
// CHECK-NEXT: relax.dataflow
// CHECK-NEXT: %[[SHAPE:.*]] = relax.shape [n]
// CHECK-NEXT: relax.output %[[SHAPE]]
func.func @in_dataflow(%x: !relax.tensor<[n], f32>) -> !relax.shape<[n]> attributes {relax.function} {
  %r = relax.dataflow -> !relax.shape<[n]> {
    %s = relax.shape_of %x : !relax.tensor<[n], f32>
    relax.output %s : !relax.shape<[n]>
  }
  return %r : !relax.shape<[n]>
}

// -----

// A shape over a variable that a match_cast defines stays after the cast.

// CHECK-LABEL: func.func @after_match_cast
// CHECK-NEXT: relax.match_cast
// CHECK-NEXT: %[[SHAPE:.*]] = relax.shape [m]
// CHECK-NEXT: %[[ERASED:.*]] = relax.match_cast %[[SHAPE]]
// CHECK-NEXT: return %[[ERASED]]
func.func @after_match_cast(%x: !relax.tensor<[?], f32>) -> !relax.shape<[?]> attributes {relax.function} {
  %t = relax.match_cast %x : !relax.tensor<[?], f32> to !relax.tensor<[m], f32>
  %s = relax.shape_of %t : !relax.tensor<[m], f32>
  %e = relax.match_cast %s : !relax.shape<[m]> to !relax.shape<[?]>
  return %e : !relax.shape<[?]>
}

// -----

// A field of a tuple built in place is the value itself.

// CHECK-LABEL: func.func @tuple_get_item_of_tuple
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>, %[[Y:.*]]: !relax.tensor<[2], i8>)
// CHECK-NEXT: return %[[Y]]
func.func @tuple_get_item_of_tuple(%x: !relax.tensor<[n], f32>, %y: !relax.tensor<[2], i8>) -> !relax.tensor<[2], i8> attributes {relax.function} {
  %t = relax.tuple %x, %y : !relax.tensor<[n], f32>, !relax.tensor<[2], i8>
  %f = relax.tuple_get_item %t[1] : tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i8>>
  return %f : !relax.tensor<[2], i8>
}

// -----

/// Inference dropout folds to its input.
// CHECK-LABEL: func.func @dropout_folds
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>)
// CHECK-NEXT: return %[[X]]
func.func @dropout_folds(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %0 = relax.dropout %x : !relax.tensor<[n], f32>
  return %0 : !relax.tensor<[n], f32>
}

// -----

/// Ops that give their input's own type return it: astype to the same dtype,
/// reshape/broadcast_to to the same shape, squeeze of no 1.
// CHECK-LABEL: func.func @identities
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n, 4], f32>)
// CHECK-NEXT: return %[[X]], %[[X]], %[[X]], %[[X]]
func.func @identities(%x: !relax.tensor<[n, 4], f32>)
    -> (!relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  %0 = relax.astype %x to f32 : !relax.tensor<[n, 4], f32>
  %1 = relax.reshape %x [n, 4] : !relax.tensor<[n, 4], f32>
  %2 = relax.broadcast_to %x [n, 4] : !relax.tensor<[n, 4], f32>
  %3 = relax.squeeze %x : !relax.tensor<[n, 4], f32>
  return %0, %1, %2, %3 : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
}

// -----

/// Unknown dims may stand for different sizes: no fold.
// CHECK-LABEL: func.func @unknown_dims_stay
// CHECK: relax.reshape
func.func @unknown_dims_stay(%x: !relax.tensor<[?, 4], f32>) -> !relax.tensor<[?, 4], f32> attributes {relax.function} {
  %0 = relax.reshape %x [-1, 4] : !relax.tensor<[?, 4], f32>
  return %0 : !relax.tensor<[?, 4], f32>
}

// -----

/// A reshape of a reshape reshapes the original; a flip of a flip along one
/// axis and a permutation undone by another vanish; two permutations compose.
// CHECK-LABEL: func.func @compositions
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n, 4, 6], f32>)
// CHECK-NEXT: %[[R:.*]] = relax.reshape %[[X]] [n, 24]
// CHECK-NEXT: %[[P:.*]] = relax.permute_dims %[[X]] axes [2, 0, 1]
// CHECK-NEXT: return %[[R]], %[[X]], %[[X]], %[[P]]
func.func @compositions(%x: !relax.tensor<[n, 4, 6], f32>)
    -> (!relax.tensor<[n, 24], f32>, !relax.tensor<[n, 4, 6], f32>, !relax.tensor<[n, 4, 6], f32>, !relax.tensor<[6, n, 4], f32>) attributes {relax.function} {
  %0 = relax.reshape %x [n, 2, 12] : !relax.tensor<[n, 4, 6], f32>
  %1 = relax.reshape %0 [n, 24] : !relax.tensor<[n, 2, 12], f32>
  %2 = relax.flip %x axis 1 : !relax.tensor<[n, 4, 6], f32>
  %3 = relax.flip %2 axis 1 : !relax.tensor<[n, 4, 6], f32>
  %4 = relax.permute_dims %x axes [1, 0, 2] : !relax.tensor<[n, 4, 6], f32>
  %5 = relax.permute_dims %4 axes [1, 0, 2] : !relax.tensor<[4, n, 6], f32>
  %6 = relax.permute_dims %x axes [0, 2, 1] : !relax.tensor<[n, 4, 6], f32>
  %7 = relax.permute_dims %6 axes [1, 0, 2] : !relax.tensor<[n, 6, 4], f32>
  return %1, %3, %5, %7 : !relax.tensor<[n, 24], f32>, !relax.tensor<[n, 4, 6], f32>, !relax.tensor<[n, 4, 6], f32>, !relax.tensor<[6, n, 4], f32>
}

// -----

// Arithmetic on two constants of one type folds, computed in the element
// type: f32 overflows to inf, NaN propagates through maximum, i8 wraps
// (127 + 1 = -128, and -(-128) stays -128).

// CHECK-LABEL: func.func @fold_arithmetic
// CHECK-DAG: %[[FLOATS:.*]] = relax.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [0x7F800000, 0x7FC00000]]> : tensor<2x2xf32>
// CHECK-DAG: %[[WRAPPED:.*]] = relax.constant dense<[-128, 127, -6, 2]> : tensor<4xi8>
// CHECK-NOT: relax.add
// CHECK-NOT: relax.negative
// CHECK: return %[[FLOATS]], %[[WRAPPED]]
func.func @fold_arithmetic() -> (!relax.tensor<[2, 2], f32>, !relax.tensor<[4], i8>) attributes {relax.function} {
  %a = relax.constant dense<[[1.0, 2.0], [3.0, 0x7FC00000]]> : tensor<2x2xf32>
  %b = relax.constant dense<[[0.5, -2.0], [1.0e38, 1.0]]> : tensor<2x2xf32>
  %0 = relax.add %a, %b : !relax.tensor<[2, 2], f32>, !relax.tensor<[2, 2], f32>
  %1 = relax.multiply %0, %b : !relax.tensor<[2, 2], f32>, !relax.tensor<[2, 2], f32>
  %2 = relax.maximum %1, %a : !relax.tensor<[2, 2], f32>, !relax.tensor<[2, 2], f32>
  %i = relax.constant dense<[127, -128, 5, -3]> : tensor<4xi8>
  %j = relax.constant dense<1> : tensor<4xi8>
  %3 = relax.add %i, %j : !relax.tensor<[4], i8>, !relax.tensor<[4], i8>
  %4 = relax.negative %3 : !relax.tensor<[4], i8>
  return %2, %4 : !relax.tensor<[2, 2], f32>, !relax.tensor<[4], i8>
}

// -----

// subtract, minimum and abs on splats and dense constants.

// CHECK-LABEL: func.func @fold_splats
// CHECK: %[[R:.*]] = relax.constant dense<[0, 3, 3]> : tensor<3xi32>
// CHECK: return %[[R]]
func.func @fold_splats() -> !relax.tensor<[3], i32> attributes {relax.function} {
  %a = relax.constant dense<[4, -1, 9]> : tensor<3xi32>
  %b = relax.constant dense<4> : tensor<3xi32>
  %0 = relax.subtract %a, %b : !relax.tensor<[3], i32>, !relax.tensor<[3], i32>
  %1 = relax.abs %0 : !relax.tensor<[3], i32>
  %c = relax.constant dense<3> : tensor<3xi32>
  %2 = relax.minimum %1, %c : !relax.tensor<[3], i32>, !relax.tensor<[3], i32>
  return %2 : !relax.tensor<[3], i32>
}

// -----

// astype of a constant: round to nearest even (1 + 2^-8 is a tie in bf16,
// which goes to 1; inf and NaN stay), a float to an integer truncates, an
// integer to a boolean is x != 0; reshape keeps the element order.

// CHECK-LABEL: func.func @fold_casts
// CHECK-DAG: relax.constant dense<[1.000000e+00, 3.000000e+00, 0x7F80, 0x7FC0]> : tensor<4xbf16>
// CHECK-DAG: relax.constant dense<[2, -2, 0]> : tensor<3xi32>
// CHECK-DAG: relax.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-DAG: relax.constant dense<{{\[}}[2.000000e+00, -2.000000e+00, 0.000000e+00]]> : tensor<1x3xf32>
// CHECK-NOT: relax.astype
// CHECK-NOT: relax.reshape
func.func @fold_casts() -> (!relax.tensor<[4], bf16>, !relax.tensor<[3], i32>, !relax.tensor<[3], i1>, !relax.tensor<[1, 3], f32>) attributes {relax.function} {
  %f = relax.constant dense<[1.00390625, 3.0, 0x7FF0000000000000, 0x7FF8000000000000]> : tensor<4xf64>
  %0 = relax.astype %f to bf16 : !relax.tensor<[4], f64>
  %g = relax.constant dense<[2.9, -2.9, 0.5]> : tensor<3xf32>
  %1 = relax.astype %g to i32 : !relax.tensor<[3], f32>
  %2 = relax.astype %1 to i1 : !relax.tensor<[3], i32>
  %3 = relax.astype %1 to f32 : !relax.tensor<[3], i32>
  %4 = relax.reshape %3 [1, 3] : !relax.tensor<[3], f32>
  return %0, %1, %2, %4 : !relax.tensor<[4], bf16>, !relax.tensor<[3], i32>, !relax.tensor<[3], i1>, !relax.tensor<[1, 3], f32>
}

// -----

// What does not fold: operands of different shapes (broadcasting), a
// non-constant operand, and a float outside the integer range (its
// conversion is unspecified).

// CHECK-LABEL: func.func @no_fold
// CHECK: relax.add
// CHECK: relax.multiply
// CHECK: relax.astype
func.func @no_fold(%x: !relax.tensor<[2], f32>) -> (!relax.tensor<[2, 2], f32>, !relax.tensor<[2], f32>, !relax.tensor<[1], i32>) attributes {relax.function} {
  %a = relax.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = relax.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = relax.add %a, %b : !relax.tensor<[2, 2], f32>, !relax.tensor<[2], f32>
  %1 = relax.multiply %x, %b : !relax.tensor<[2], f32>, !relax.tensor<[2], f32>
  %c = relax.constant dense<[1.0e10]> : tensor<1xf32>
  %2 = relax.astype %c to i32 : !relax.tensor<[1], f32>
  return %0, %1, %2 : !relax.tensor<[2, 2], f32>, !relax.tensor<[2], f32>, !relax.tensor<[1], i32>
}
