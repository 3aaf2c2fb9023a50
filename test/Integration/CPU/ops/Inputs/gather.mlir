// split, gather_elements, scatter_elements and gather_nd; see ../gather.test.

func.func @split_sections(%x: !relax.tensor<[n, 6], f32>) -> (!relax.tensor<[n, 2], f32>, !relax.tensor<[n, 2], f32>, !relax.tensor<[n, 2], f32>) attributes {relax.function} {
  %a, %b, %c = relax.split %x sections 3 axis 1 : !relax.tensor<[n, 6], f32>
  return %a, %b, %c : !relax.tensor<[n, 2], f32>, !relax.tensor<[n, 2], f32>, !relax.tensor<[n, 2], f32>
}

func.func @split_indices(%x: !relax.tensor<[n, 3], i32>) -> (!relax.tensor<[min(n, 2), 3], i32>, !relax.tensor<[n - min(n, 2), 3], i32>) attributes {relax.function} {
  %a, %b = relax.split %x indices [2] : !relax.tensor<[n, 3], i32>
  return %a, %b : !relax.tensor<[min(n, 2), 3], i32>, !relax.tensor<[n - min(n, 2), 3], i32>
}

func.func @gather_elements(%x: !relax.tensor<[n, 5], f32>, %i: !relax.tensor<[n, 3], i64>) -> !relax.tensor<[n, 3], f32> attributes {relax.function} {
  %0 = relax.gather_elements %x, %i axis 1 : !relax.tensor<[n, 5], f32>, !relax.tensor<[n, 3], i64>
  return %0 : !relax.tensor<[n, 3], f32>
}

func.func @scatter_elements(%x: !relax.tensor<[5, m], f32>, %i: !relax.tensor<[k, m], i32>, %u: !relax.tensor<[k, m], f32>) -> !relax.tensor<[5, m], f32> attributes {relax.function} {
  %0 = relax.scatter_elements %x, %i, %u : !relax.tensor<[5, m], f32>, !relax.tensor<[k, m], i32>, !relax.tensor<[k, m], f32>
  return %0 : !relax.tensor<[5, m], f32>
}

func.func @gather_nd(%x: !relax.tensor<[n, 4, 3], f32>, %i: !relax.tensor<[k, 2], i64>) -> !relax.tensor<[k, 3], f32> attributes {relax.function} {
  %0 = relax.gather_nd %x, %i : !relax.tensor<[n, 4, 3], f32>, !relax.tensor<[k, 2], i64>
  return %0 : !relax.tensor<[k, 3], f32>
}
