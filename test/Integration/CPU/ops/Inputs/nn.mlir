// linear, pad and dropout at symbolic shapes; see ../nn.test.

func.func @linear_bias(%x: !relax.tensor<[b, n, 5], f32>, %w: !relax.tensor<[3, 5], f32>, %c: !relax.tensor<[3], f32>) -> !relax.tensor<[b, n, 3], f32> attributes {relax.function} {
  %0 = relax.linear %x, %w, %c : !relax.tensor<[b, n, 5], f32>, !relax.tensor<[3, 5], f32>, !relax.tensor<[3], f32>
  return %0 : !relax.tensor<[b, n, 3], f32>
}

func.func @linear_nobias(%x: !relax.tensor<[n, k], f32>, %w: !relax.tensor<[m, k], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.linear %x, %w : !relax.tensor<[n, k], f32>, !relax.tensor<[m, k], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @pad_constant(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n + 3, m + 1], f32> attributes {relax.function} {
  %0 = relax.pad %x pad_width [1, 2, 0, 1] value -1.5 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n + 3, m + 1], f32>
}

func.func @pad_edge(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n + 2, m + 3], i32> attributes {relax.function} {
  %0 = relax.pad %x pad_width [2, 0, 1, 2] mode edge : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n + 2, m + 3], i32>
}

func.func @pad_reflect(%x: !relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 9], f32> attributes {relax.function} {
  %0 = relax.pad %x pad_width [0, 0, 3, 2] mode reflect : !relax.tensor<[n, 4], f32>
  return %0 : !relax.tensor<[n, 9], f32>
}

func.func @dropout(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.dropout %x rate 0.25 : !relax.tensor<[n, m], f32>
  %1 = relax.relu %0 : !relax.tensor<[n, m], f32>
  return %1 : !relax.tensor<[n, m], f32>
}

func.func @einsum_bmm(%a: !relax.tensor<[b, 3, k], f32>, %c: !relax.tensor<[b, k, 4], f32>) -> !relax.tensor<[b, 3, 4], f32> attributes {relax.function} {
  %0 = relax.einsum "bij,bjk->bik" %a, %c : !relax.tensor<[b, 3, k], f32>, !relax.tensor<[b, k, 4], f32>
  return %0 : !relax.tensor<[b, 3, 4], f32>
}

func.func @einsum_outer_t(%a: !relax.tensor<[n], f32>, %c: !relax.tensor<[m], f32>) -> !relax.tensor<[m, n], f32> attributes {relax.function} {
  %0 = relax.einsum "i,j->ji" %a, %c : !relax.tensor<[n], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[m, n], f32>
}

func.func @einsum_trace(%a: !relax.tensor<[n, n], f32>) -> !relax.tensor<[], f32> attributes {relax.function} {
  %0 = relax.einsum "ii" %a : !relax.tensor<[n, n], f32>
  return %0 : !relax.tensor<[], f32>
}

func.func @einsum_implicit(%a: !relax.tensor<[n, k], f32>, %c: !relax.tensor<[k, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.einsum "ik,kj" %a, %c : !relax.tensor<[n, k], f32>, !relax.tensor<[k, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}
