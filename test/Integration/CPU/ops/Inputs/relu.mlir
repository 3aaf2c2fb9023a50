// relax.relu at symbolic shapes; see ../relu.test.

func.func @relu_f32(%x: !relax.tensor<[n, 5], f32>) -> !relax.tensor<[n, 5], f32> attributes {relax.function} {
  %0 = relax.relu %x : !relax.tensor<[n, 5], f32>
  return %0 : !relax.tensor<[n, 5], f32>
}

func.func @relu_i32(%x: !relax.tensor<[n], i32>) -> !relax.tensor<[n], i32> attributes {relax.function} {
  %0 = relax.relu %x : !relax.tensor<[n], i32>
  return %0 : !relax.tensor<[n], i32>
}
