// relax.softmax at symbolic shapes; see ../softmax.test.

func.func @softmax_last(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.softmax %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @softmax_axis0(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[n, 3], f32> attributes {relax.function} {
  %0 = relax.softmax %x axis 0 : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[n, 3], f32>
}

func.func @softmax_3d(%x: !relax.tensor<[b, n, m], f32>) -> !relax.tensor<[b, n, m], f32> attributes {relax.function} {
  %0 = relax.softmax %x axis 1 : !relax.tensor<[b, n, m], f32>
  return %0 : !relax.tensor<[b, n, m], f32>
}

func.func @softmax_f16(%x: !relax.tensor<[n, 8], f16>) -> !relax.tensor<[n, 8], f16> attributes {relax.function} {
  %0 = relax.softmax %x : !relax.tensor<[n, 8], f16>
  return %0 : !relax.tensor<[n, 8], f16>
}
