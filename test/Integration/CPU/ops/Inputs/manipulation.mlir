// expand_dims, squeeze and flatten at symbolic shapes; see ../manipulation.test.

func.func @expand_dims_f32(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[1, n, 3, 1], f32> attributes {relax.function} {
  %0 = relax.expand_dims %x axes [0, -1] : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[1, n, 3, 1], f32>
}

func.func @squeeze_f32(%x: !relax.tensor<[n, 1, 3], f32>) -> !relax.tensor<[n, 3], f32> attributes {relax.function} {
  %0 = relax.squeeze %x axes [1] : !relax.tensor<[n, 1, 3], f32>
  return %0 : !relax.tensor<[n, 3], f32>
}

func.func @flatten_i32(%x: !relax.tensor<[n, 3], i32>) -> !relax.tensor<[3 * n], i32> attributes {relax.function} {
  %0 = relax.flatten %x : !relax.tensor<[n, 3], i32>
  return %0 : !relax.tensor<[3 * n], i32>
}
