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
