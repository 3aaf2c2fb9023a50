// relax.layer_norm at symbolic shapes; see ../layer_norm.test.

func.func @layer_norm_f32(%x: !relax.tensor<[n, m], f32>, %w: !relax.tensor<[m], f32>, %b: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.layer_norm %x, %w, %b : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @layer_norm_3d(%x: !relax.tensor<[b, n, m], f32>, %w: !relax.tensor<[m], f32>, %bias: !relax.tensor<[m], f32>) -> !relax.tensor<[b, n, m], f32> attributes {relax.function} {
  %0 = relax.layer_norm %x, %w, %bias epsilon 1.0e-06 : !relax.tensor<[b, n, m], f32>, !relax.tensor<[m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[b, n, m], f32>
}
