// relax.matmul at symbolic shapes; see ../matmul.test.

func.func @matmul_2d(%a: !relax.tensor<[n, k], f32>, %b: !relax.tensor<[k, m], f32>)
    -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.matmul %a, %b : !relax.tensor<[n, k], f32>, !relax.tensor<[k, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

// Batch dims broadcast: [b, 1] against [h] gives [b, h].
func.func @matmul_batched(%a: !relax.tensor<[b, 1, n, 8], f32>, %w: !relax.tensor<[h, 8, m], f32>)
    -> !relax.tensor<[b, h, n, m], f32> attributes {relax.function} {
  %0 = relax.matmul %a, %w : !relax.tensor<[b, 1, n, 8], f32>, !relax.tensor<[h, 8, m], f32>
  return %0 : !relax.tensor<[b, h, n, m], f32>
}

// Batched without broadcast: the batched micro-kernel.
func.func @matmul_bmm(%a: !relax.tensor<[b, n, k], f32>, %w: !relax.tensor<[b, k, m], f32>)
    -> !relax.tensor<[b, n, m], f32> attributes {relax.function} {
  %0 = relax.matmul %a, %w : !relax.tensor<[b, n, k], f32>, !relax.tensor<[b, k, m], f32>
  return %0 : !relax.tensor<[b, n, m], f32>
}

// 1-D operands: a row vector on the left, a column vector on the right.
func.func @matmul_vec_mat(%v: !relax.tensor<[k], f32>, %b: !relax.tensor<[k, m], f32>)
    -> !relax.tensor<[m], f32> attributes {relax.function} {
  %0 = relax.matmul %v, %b : !relax.tensor<[k], f32>, !relax.tensor<[k, m], f32>
  return %0 : !relax.tensor<[m], f32>
}

func.func @matmul_mat_vec(%a: !relax.tensor<[n, k], f32>, %v: !relax.tensor<[k], f32>)
    -> !relax.tensor<[n], f32> attributes {relax.function} {
  %0 = relax.matmul %a, %v : !relax.tensor<[n, k], f32>, !relax.tensor<[k], f32>
  return %0 : !relax.tensor<[n], f32>
}

func.func @matmul_i32(%a: !relax.tensor<[n, 3], i32>, %b: !relax.tensor<[3, 2], i32>)
    -> !relax.tensor<[n, 2], i32> attributes {relax.function} {
  %0 = relax.matmul %a, %b : !relax.tensor<[n, 3], i32>, !relax.tensor<[3, 2], i32>
  return %0 : !relax.tensor<[n, 2], i32>
}
