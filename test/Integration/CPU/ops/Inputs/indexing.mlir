// The copies by index arithmetic at symbolic shapes; see ../indexing.test.

func.func @broadcast_to_f32(%x: !relax.tensor<[n, 1], f32>) -> !relax.tensor<[2, n, 4], f32> attributes {relax.function} {
  %0 = relax.broadcast_to %x [2, n, 4] : !relax.tensor<[n, 1], f32>
  return %0 : !relax.tensor<[2, n, 4], f32>
}

func.func @concat_f32(%a: !relax.tensor<[n, 3], f32>, %b: !relax.tensor<[m, 3], f32>, %c: !relax.tensor<[2, 3], f32>) -> !relax.tensor<[n + m + 2, 3], f32> attributes {relax.function} {
  %0 = relax.concat %a, %b, %c : !relax.tensor<[n, 3], f32>, !relax.tensor<[m, 3], f32>, !relax.tensor<[2, 3], f32>
  return %0 : !relax.tensor<[n + m + 2, 3], f32>
}

func.func @concat_axis1_i32(%a: !relax.tensor<[n, m], i32>, %b: !relax.tensor<[n, 1], i32>) -> !relax.tensor<[n, m + 1], i32> attributes {relax.function} {
  %0 = relax.concat %a, %b axis -1 : !relax.tensor<[n, m], i32>, !relax.tensor<[n, 1], i32>
  return %0 : !relax.tensor<[n, m + 1], i32>
}

func.func @flip_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  %0 = relax.flip %x axis 1 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

func.func @tril_f32(%x: !relax.tensor<[b, n, m], f32>) -> !relax.tensor<[b, n, m], f32> attributes {relax.function} {
  %0 = relax.tril %x : !relax.tensor<[b, n, m], f32>
  return %0 : !relax.tensor<[b, n, m], f32>
}

func.func @triu_i32(%x: !relax.tensor<[n, m], i32>) -> !relax.tensor<[n, m], i32> attributes {relax.function} {
  %0 = relax.triu %x k 1 : !relax.tensor<[n, m], i32>
  return %0 : !relax.tensor<[n, m], i32>
}

func.func @tile_f32(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[2, 3 * n, 6], f32> attributes {relax.function} {
  %0 = relax.tile %x repeats [2, 3, 2] : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[2, 3 * n, 6], f32>
}

func.func @repeat_f32(%x: !relax.tensor<[n, m], f32>) -> !relax.tensor<[n, 3 * m], f32> attributes {relax.function} {
  %0 = relax.repeat %x repeats 3 axis 1 : !relax.tensor<[n, m], f32>
  return %0 : !relax.tensor<[n, 3 * m], f32>
}

func.func @strided_slice_f32(%x: !relax.tensor<[n, 7], f32>) -> !relax.tensor<[n, 5], f32> attributes {relax.function} {
  %0 = relax.strided_slice %x axes [1] begin [1] end [-1] : !relax.tensor<[n, 7], f32>
  return %0 : !relax.tensor<[n, 5], f32>
}

// Every other row; columns 8, 6, 4, 2 (backwards).
func.func @strided_slice_reverse(%x: !relax.tensor<[n, 10], f32>) -> !relax.tensor<[n ceildiv 2, 4], f32> attributes {relax.function} {
  %0 = relax.strided_slice %x axes [0, 1] begin [0, 8] end [9223372036854775807, 0] strides [2, -2] : !relax.tensor<[n, 10], f32>
  return %0 : !relax.tensor<[n ceildiv 2, 4], f32>
}

// The last three rows (all of them when n < 3): a symbolic extent.
func.func @strided_slice_tail(%x: !relax.tensor<[n, 2], f32>) -> !relax.tensor<[max(n - max(n - 3, 0), 0), 2], f32> attributes {relax.function} {
  %0 = relax.strided_slice %x axes [0] begin [-3] end [9223372036854775807] : !relax.tensor<[n, 2], f32>
  return %0 : !relax.tensor<[max(n - max(n - 3, 0), 0), 2], f32>
}

// Symbolic bounds: positions [p, p + n) of a cache (a KV window), and the
// same backwards by 2; the bounds clamp into t.
func.func @strided_slice_window(%past: !relax.tensor<[p], i32>, %new: !relax.tensor<[n], i32>, %cache: !relax.tensor<[b, t, 3], f32>) -> !relax.tensor<[b, max(min(t, n + p) - min(p, t), 0), 3], f32> attributes {relax.function} {
  %0 = relax.strided_slice %cache axes [1] begin [p] end [p + n] : !relax.tensor<[b, t, 3], f32>
  return %0 : !relax.tensor<[b, max(min(t, n + p) - min(p, t), 0), 3], f32>
}

func.func @strided_slice_window_back(%past: !relax.tensor<[p], i32>, %new: !relax.tensor<[n], i32>, %cache: !relax.tensor<[b, t, 3], f32>) -> !relax.tensor<[b, max((min(n + p, t - 1) - min(p, t - 1)) ceildiv 2, 0), 3], f32> attributes {relax.function} {
  %0 = relax.strided_slice %cache axes [1] begin [p + n] end [p] strides [-2] : !relax.tensor<[b, t, 3], f32>
  return %0 : !relax.tensor<[b, max((min(n + p, t - 1) - min(p, t - 1)) ceildiv 2, 0), 3], f32>
}

func.func @take_f32(%table: !relax.tensor<[v, 4], f32>, %ids: !relax.tensor<[n], i32>) -> !relax.tensor<[n, 4], f32> attributes {relax.function} {
  %0 = relax.take %table, %ids : !relax.tensor<[v, 4], f32>, !relax.tensor<[n], i32>
  return %0 : !relax.tensor<[n, 4], f32>
}

func.func @take_axis1(%x: !relax.tensor<[3, v], f32>, %ids: !relax.tensor<[n, 2], i64>) -> !relax.tensor<[3, n, 2], f32> attributes {relax.function} {
  %0 = relax.take %x, %ids axis 1 : !relax.tensor<[3, v], f32>, !relax.tensor<[n, 2], i64>
  return %0 : !relax.tensor<[3, n, 2], f32>
}

func.func @one_hot_f32(%ids: !relax.tensor<[n], i64>) -> !relax.tensor<[n, 5], f32> attributes {relax.function} {
  %0 = relax.one_hot %ids depth 5 on 2.0 off -1.0 : !relax.tensor<[n], i64> to f32
  return %0 : !relax.tensor<[n, 5], f32>
}
