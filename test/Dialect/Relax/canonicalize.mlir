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
