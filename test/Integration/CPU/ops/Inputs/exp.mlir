// relax.exp at symbolic shapes; see ../exp.test.

func.func @exp_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.exp %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @exp_f16(%x: !relax.tensor<[n], f16>) -> !relax.tensor<[n], f16> attributes {relax.function} {
  %0 = relax.exp %x : !relax.tensor<[n], f16>
  return %0 : !relax.tensor<[n], f16>
}
