// relax.rms_norm at symbolic shapes; see ../rms_norm.test.

func.func @rms_norm_f32(%x: !relax.tensor<[n, m], f32>, %w: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.rms_norm %x, %w : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @rms_norm_3d(%x: !relax.tensor<[b, n, m], f32>, %w: !relax.tensor<[m], f32>) -> !relax.tensor<[b, n, m], f32> attributes {relax.function} {
  %0 = relax.rms_norm %x, %w epsilon 1.0e-06 : !relax.tensor<[b, n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[b, n, m], f32>
}

// f16 sums and scales in f32.
func.func @rms_norm_f16(%x: !relax.tensor<[n, 256], f16>, %w: !relax.tensor<[256], f16>) -> !relax.tensor<[n, 256], f16> attributes {relax.function} {
  %0 = relax.rms_norm %x, %w : !relax.tensor<[n, 256], f16>, !relax.tensor<[256], f16>
  return %0 : !relax.tensor<[n, 256], f16>
}
