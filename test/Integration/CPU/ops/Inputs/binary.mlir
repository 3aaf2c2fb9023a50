// The broadcasting binary operators at symbolic shapes ([n, m] with [m]);
// see ../binary.test.

func.func @floor_divide_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.floor_divide %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @floor_divide_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.floor_divide %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @power_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.power %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @floor_mod_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.floor_mod %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @floor_mod_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.floor_mod %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @minimum_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.minimum %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @maximum_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.maximum %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @bitwise_and_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.bitwise_and %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @bitwise_or_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.bitwise_or %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @bitwise_xor_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.bitwise_xor %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @logical_and_bool(%x: !relax.tensor<[n, m], i1>, %y: !relax.tensor<[m], i1>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.logical_and %x, %y : !relax.tensor<[n, m], i1>, !relax.tensor<[m], i1>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @logical_or_bool(%x: !relax.tensor<[n, m], i1>, %y: !relax.tensor<[m], i1>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.logical_or %x, %y : !relax.tensor<[n, m], i1>, !relax.tensor<[m], i1>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @equal_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.equal %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @not_equal_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.not_equal %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @less_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.less %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @less_equal_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.less_equal %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @greater_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.greater %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @greater_equal_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i1> attributes {relax.function} {
  %0 = relax.greater_equal %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i1>
}

func.func @mod_f32(%x: !relax.tensor<[n, m], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.mod %x, %y : !relax.tensor<[n, m], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @mod_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.mod %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @left_shift_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.left_shift %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @right_shift_i32(%x: !relax.tensor<[n, m], i32>, %y: !relax.tensor<[m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.right_shift %x, %y : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}
