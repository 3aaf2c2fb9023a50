// relax.multiply at symbolic shapes; see ../multiply.test.

// The rhs broadcasts along the middle dim.
func.func @multiply_bcast_f32(%a: !relax.tensor<[b, n, m], f32>, %c: !relax.tensor<[b, 1, m], f32>)
    -> !relax.tensor<[b, n, m], f32> attributes {relax.function} {
  %0 = relax.multiply %a, %c : !relax.tensor<[b, n, m], f32>, !relax.tensor<[b, 1, m], f32>
  return %0 : !relax.tensor<[b, n, m], f32>
}

// Products of i8 values up to 100 wrap around.
func.func @multiply_i8(%a: !relax.tensor<[n], i8>, %b: !relax.tensor<[n], i8>)
    -> !relax.tensor<[n], i8> attributes {relax.function} {
  %0 = relax.multiply %a, %b : !relax.tensor<[n], i8>, !relax.tensor<[n], i8>
  return %0 : !relax.tensor<[n], i8>
}
