// relax.add at symbolic shapes; see ../add.test.

// Both operands broadcast: [n, 1, 4] + [m, 1] -> [n, m, 4].
func.func @add_bcast_f32(%a: !relax.tensor<[n, 1, 4], f32>, %b: !relax.tensor<[m, 1], f32>)
    -> !relax.tensor<[n, m, 4], f32> attributes {relax.function} {
  %0 = relax.add %a, %b : !relax.tensor<[n, 1, 4], f32>, !relax.tensor<[m, 1], f32>
  return %0 : !relax.tensor<[n, m, 4], f32>
}

// A row vector added to every row.
func.func @add_i32(%a: !relax.tensor<[n, m], i32>, %b: !relax.tensor<[m], i32>)
    -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.add %a, %b : !relax.tensor<[n, m], i32>, !relax.tensor<[m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @add_f16(%a: !relax.tensor<[n, 3], f16>, %b: !relax.tensor<[n, 3], f16>)
    -> !relax.tensor<[n, 3], f16> attributes {relax.function} {
  %0 = relax.add %a, %b : !relax.tensor<[n, 3], f16>, !relax.tensor<[n, 3], f16>
  return %0 : !relax.tensor<[n, 3], f16>
}
