// relax.layer_norm at symbolic shapes; see ../layer_norm.test.

func.func @layer_norm_f32(%x: !relax.tensor<[n, m], f32>, %w: !relax.tensor<[m], f32>, %b: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.layer_norm %x, %w, %b : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @layer_norm_3d(%x: !relax.tensor<[b, n, m], f32>, %w: !relax.tensor<[m], f32>, %bias: !relax.tensor<[m], f32>) -> !relax.tensor<[b, n, m], f32> attributes {relax.function} {
  %0 = relax.layer_norm %x, %w, %bias epsilon 1.0e-06 : !relax.tensor<[b, n, m], f32>, !relax.tensor<[m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[b, n, m], f32>
}

func.func @group_norm_4d(%x: !relax.tensor<[n, 6, h, w], f32>, %g: !relax.tensor<[6], f32>, %b: !relax.tensor<[6], f32>) -> !relax.tensor<[n, 6, h, w], f32> attributes {relax.function} {
  %0 = relax.group_norm %x, %g, %b num_groups 3 : !relax.tensor<[n, 6, h, w], f32>, !relax.tensor<[6], f32>, !relax.tensor<[6], f32>
  return %0 : !relax.tensor<[n, 6, h, w], f32>
}

func.func @group_norm_f16(%x: !relax.tensor<[n, 4, l], f16>, %g: !relax.tensor<[4], f16>, %b: !relax.tensor<[4], f16>) -> !relax.tensor<[n, 4, l], f16> attributes {relax.function} {
  %0 = relax.group_norm %x, %g, %b num_groups 2 epsilon 1.0e-03 : !relax.tensor<[n, 4, l], f16>, !relax.tensor<[4], f16>, !relax.tensor<[4], f16>
  return %0 : !relax.tensor<[n, 4, l], f16>
}
