// relax.permute_dims at symbolic shapes; see ../permute_dims.test.

// Without axes: a transpose.
func.func @permute_dims_reverse(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[m, n], f32> attributes {relax.function} {
  %0 = relax.permute_dims %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[m, n], f32>
}

func.func @permute_dims_axes(%x: !relax.tensor<[b, n, 4], f32>) -> !relax.tensor<[4, b, n], f32> attributes {relax.function} {
  %0 = relax.permute_dims %x axes [2, 0, 1] : !relax.tensor<[b, n, 4], f32>
  return %0 : !relax.tensor<[4, b, n], f32>
}

// A copy takes any element type, unsigned ones included.
func.func @permute_dims_u8(%x: !relax.tensor<[n, 2], ui8>) -> !relax.tensor<[2, n], ui8> attributes {relax.function} {
  %0 = relax.permute_dims %x : !relax.tensor<[n, 2], ui8>
  return %0 : !relax.tensor<[2, n], ui8>
}
