// The unary elementwise operators at symbolic shapes; see ../unary.test.

func.func @abs_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.abs %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @abs_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.abs %x : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @negative_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.negative %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @negative_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.negative %x : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @sign_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.sign %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @sign_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.sign %x : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @square_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.square %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @square_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.square %x : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @log_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.log %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @sqrt_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.sqrt %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @rsqrt_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.rsqrt %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @sin_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.sin %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @cos_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.cos %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @tanh_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.tanh %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @sigmoid_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.sigmoid %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @erf_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.erf %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @floor_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.floor %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @ceil_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.ceil %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @round_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.round %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}
