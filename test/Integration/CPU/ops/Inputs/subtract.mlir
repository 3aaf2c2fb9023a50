// relax.subtract at symbolic shapes; see ../subtract.test.

// An outer difference: [1, m] - [n, 1] -> [n, m].
func.func @subtract_bcast_f32(%a: !relax.tensor<[1, m], f32>, %b: !relax.tensor<[n, 1], f32>)
    -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.subtract %a, %b : !relax.tensor<[1, m], f32>, !relax.tensor<[n, 1], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @subtract_i64(%a: !relax.tensor<[n], i64>, %b: !relax.tensor<[n], i64>)
    -> !relax.tensor<[n], i64> attributes {relax.function} {
  %0 = relax.subtract %a, %b : !relax.tensor<[n], i64>, !relax.tensor<[n], i64>
  return %0 : !relax.tensor<[n], i64>
}
