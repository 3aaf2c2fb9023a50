// relax.min, relax.prod and relax.mean at symbolic shapes; see ../reductions.test.

func.func @min_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %0 = relax.min %x axes [1] : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n], f32>
}

func.func @min_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[1, m], i32> attributes {relax.function} {
  %0 = relax.min %x axes [0] keepdims : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[1, m], i32>
}

func.func @prod_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[m], i32> attributes {relax.function} {
  %0 = relax.prod %x axes [0] : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[m], i32>
}

func.func @prod_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %0 = relax.prod %x axes [-1] : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n], f32>
}

func.func @mean_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, 1], f32> attributes {relax.function} {
  %0 = relax.mean %x axes [1] keepdims : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, 1], f32>
}

func.func @mean_all_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[], f32> attributes {relax.function} {
  %0 = relax.mean %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[], f32>
}
