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

func.func @variance_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %0 = relax.variance %x axes [1] : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n], f32>
}

func.func @std_keepdims(%x: !relax.tensor<[n, m, 3], f32>) -> !relax.tensor<[1, m, 1], f32> attributes {relax.function} {
  %0 = relax.std %x axes [0, 2] keepdims : !relax.tensor<[n, m, 3], f32>
  return %0 : !relax.tensor<[1, m, 1], f32>
}

func.func @variance_all(%x: !relax.tensor<[n, m], f64>) -> !relax.tensor<[], f64> attributes {relax.function} {
  %0 = relax.variance %x : !relax.tensor<[n, m], f64>
  return %0 : !relax.tensor<[], f64>
}

func.func @argmax_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n], i64> attributes {relax.function} {
  %0 = relax.argmax %x axis 1 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n], i64>
}

func.func @argmin_keepdims(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[1, m], i64> attributes {relax.function} {
  %0 = relax.argmin %x axis 0 keepdims : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[1, m], i64>
}

func.func @argmax_flat(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[], i64> attributes {relax.function} {
  %0 = relax.argmax %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[], i64>
}

func.func @cumsum_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.cumsum %x axis 1 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @cumsum_axis0_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.cumsum %x axis 0 : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @cumprod_flat(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[m * n], f32> attributes {relax.function} {
  %0 = relax.cumprod %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[m * n], f32>
}
