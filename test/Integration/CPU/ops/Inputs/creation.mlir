// zeros, ones, full and arange; see ../creation.test. The argument only
// defines n (a symbolic variable needs a definition).

func.func @full_f32(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n, 2], f32> attributes {relax.function} {
  %0 = relax.full [n, 2] value 1.5 : f32
  return %0 : !relax.tensor<[n, 2], f32>
}

func.func @zeros_i32(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[3, n], i32> attributes {relax.function} {
  %0 = relax.zeros [3, n] : i32
  return %0 : !relax.tensor<[3, n], i32>
}

func.func @ones_f16(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f16> attributes {relax.function} {
  %0 = relax.ones [n] : f16
  return %0 : !relax.tensor<[n], f16>
}

func.func @arange_i64(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], i64> attributes {relax.function} {
  %0 = relax.arange [n] : i64
  return %0 : !relax.tensor<[n], i64>
}

func.func @arange_step_f32(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[max(n, 0)], f32> attributes {relax.function} {
  %0 = relax.arange [2 * n] start 1 step 2 : f32
  return %0 : !relax.tensor<[max(n, 0)], f32>
}

func.func @arange_down_i32(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[max(n ceildiv 3, 0)], i32> attributes {relax.function} {
  %0 = relax.arange [-3] start -1 step -3 : i32
  %1 = relax.arange [-1 - n] start -1 step -3 : i32
  return %1 : !relax.tensor<[max(n ceildiv 3, 0)], i32>
}
