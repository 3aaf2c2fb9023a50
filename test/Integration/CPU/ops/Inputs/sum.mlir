// relax.sum at symbolic shapes; see ../sum.test.

func.func @sum_keepdims(%x: !relax.tensor<[n, m, 4], f32>) -> !relax.tensor<[n, 1, 4], f32> attributes {relax.function} {
  %0 = relax.sum %x axes [1] keepdims : !relax.tensor<[n, m, 4], f32>
  return %0 : !relax.tensor<[n, 1, 4], f32>
}

// Every axis: a rank-0 result.
func.func @sum_all(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[], f32> attributes {relax.function} {
  %0 = relax.sum %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[], f32>
}

func.func @sum_negative_axes(%x: !relax.tensor<[n, m, 3], f32>) -> !relax.tensor<[m], f32> attributes {relax.function} {
  %0 = relax.sum %x axes [-1, 0] : !relax.tensor<[n, m, 3], f32>
  return %0 : !relax.tensor<[m], f32>
}

func.func @sum_i32(%x: !relax.tensor<[n, 5], i32>) -> !relax.tensor<[n], i32> attributes {relax.function} {
  %0 = relax.sum %x axes [1] : !relax.tensor<[n, 5], i32>
  return %0 : !relax.tensor<[n], i32>
}
