// relax.reshape at symbolic shapes; see ../reshape.test.

// -1 inferred as n: [n, 4, 8] -> [n, 32].
func.func @reshape_infer(%x: !relax.tensor<[n, 4, 8], f32>) -> !relax.tensor<[n, 32], f32> attributes {relax.function} {
  %0 = relax.reshape %x [-1, 32] : !relax.tensor<[n, 4, 8], f32>
  return %0 : !relax.tensor<[n, 32], f32>
}

// -1 inferred as 2 * n.
func.func @reshape_split(%x: !relax.tensor<[n, 6], f32>) -> !relax.tensor<[2 * n, 3], f32> attributes {relax.function} {
  %0 = relax.reshape %x [-1, 3] : !relax.tensor<[n, 6], f32>
  return %0 : !relax.tensor<[2 * n, 3], f32>
}

func.func @reshape_flatten(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[m * n], i32> attributes {relax.function} {
  %0 = relax.reshape %x [-1] : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[m * n], i32>
}

func.func @reshape_expand(%x: !relax.tensor<[n, 6], f32>) -> !relax.tensor<[n, 2, 3], f32> attributes {relax.function} {
  %0 = relax.reshape %x [n, 2, 3] : !relax.tensor<[n, 6], f32>
  return %0 : !relax.tensor<[n, 2, 3], f32>
}
