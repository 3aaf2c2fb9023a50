// relax.divide at symbolic shapes; see ../divide.test.

func.func @divide_f32(%a: !relax.tensor<[n, 4], f32>, %b: !relax.tensor<[4], f32>)
    -> !relax.tensor<[n, 4], f32> attributes {relax.function} {
  %0 = relax.divide %a, %b : !relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>
  return %0 : !relax.tensor<[n, 4], f32>
}

// Integer division floors (numpy's //), with x // 0 = 0 and
// INT_MIN // -1 = INT_MIN.
func.func @divide_i32(%a: !relax.tensor<[n], i32>, %b: !relax.tensor<[n], i32>)
    -> !relax.tensor<[n], i32> attributes {relax.function} {
  %0 = relax.divide %a, %b : !relax.tensor<[n], i32>, !relax.tensor<[n], i32>
  return %0 : !relax.tensor<[n], i32>
}
