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

func.func @logical_not_bool(%x: !relax.tensor<[n, m], i1>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.logical_not %x : !relax.tensor<[n, m], i1>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @bitwise_not_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.bitwise_not %x : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @isnan_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.isnan %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @isinf_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.isinf %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @clip_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.clip %x min -0.5 max 1.25 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @clip_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.clip %x min -20.0 max 30.0 : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @where_f32(%c: !relax.tensor<[m], i1>, %x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.where %c, %x, %y : !relax.tensor<[m], i1>, !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @gelu_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.gelu %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @gelu_tanh_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.gelu_tanh %x : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @leaky_relu_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.leaky_relu %x alpha 0.2 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}
