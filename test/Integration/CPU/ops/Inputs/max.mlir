// relax.max at symbolic shapes; see ../max.test.

func.func @max_axis(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[m], f32> attributes {relax.function} {
  %0 = relax.max %x axes [0] : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[m], f32>
}

func.func @max_all_keepdims(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[1, 1], f32> attributes {relax.function} {
  %0 = relax.max %x keepdims : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[1, 1], f32>
}

func.func @max_i32(%x: !relax.tensor<[n, 3], i32>) -> !relax.tensor<[n], i32> attributes {relax.function} {
  %0 = relax.max %x axes [1] : !relax.tensor<[n, 3], i32>
  return %0 : !relax.tensor<[n], i32>
}
