// relax.log_softmax at symbolic shapes; see ../log_softmax.test.

func.func @log_softmax_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.log_softmax %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @log_softmax_axis0(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.log_softmax %x axis 0 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @log_softmax_f16(%x: !relax.tensor<[n, 8], f16>) -> !relax.tensor<[n, 8], f16> attributes {relax.function} {
  %0 = relax.log_softmax %x : !relax.tensor<[n, 8], f16>
  return %0 : !relax.tensor<[n, 8], f16>
}
