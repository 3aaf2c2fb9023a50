// relax.silu at symbolic shapes; see ../silu.test.

func.func @silu_f32(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[n, 3], f32> attributes {relax.function} {
  %0 = relax.silu %x : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[n, 3], f32>
}

func.func @silu_f16(%x: !relax.tensor<[n], f16>) -> !relax.tensor<[n], f16> attributes {relax.function} {
  %0 = relax.silu %x : !relax.tensor<[n], f16>
  return %0 : !relax.tensor<[n], f16>
}
