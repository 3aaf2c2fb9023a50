// relax.attention and relax.rope at symbolic shapes; see ../attention.test.

// Grouped-query (4 query heads over 2 key/value heads), causal, with a key
// sequence t that differs from the query sequence n (a KV cache).
func.func @attention_gqa_causal(%q: !relax.tensor<[1, n, 4, 8], f32>, %k: !relax.tensor<[1, t, 2, 8], f32>, %v: !relax.tensor<[1, t, 2, 8], f32>) -> !relax.tensor<[1, n, 4, 8], f32> attributes {relax.function} {
  %0 = relax.attention %q, %k, %v causal : !relax.tensor<[1, n, 4, 8], f32>, !relax.tensor<[1, t, 2, 8], f32>, !relax.tensor<[1, t, 2, 8], f32>
  return %0 : !relax.tensor<[1, n, 4, 8], f32>
}

// Symbolic batch, value dim other than the key dim, explicit scale.
func.func @attention_scaled(%q: !relax.tensor<[b, n, 2, 4], f32>, %k: !relax.tensor<[b, t, 2, 4], f32>, %v: !relax.tensor<[b, t, 2, 6], f32>) -> !relax.tensor<[b, n, 2, 6], f32> attributes {relax.function} {
  %0 = relax.attention %q, %k, %v scale 3.000000e-01 : !relax.tensor<[b, n, 2, 4], f32>, !relax.tensor<[b, t, 2, 4], f32>, !relax.tensor<[b, t, 2, 6], f32>
  return %0 : !relax.tensor<[b, n, 2, 6], f32>
}

func.func @attention_f16(%q: !relax.tensor<[1, n, 2, 16], f16>, %k: !relax.tensor<[1, n, 2, 16], f16>, %v: !relax.tensor<[1, n, 2, 16], f16>) -> !relax.tensor<[1, n, 2, 16], f16> attributes {relax.function} {
  %0 = relax.attention %q, %k, %v causal : !relax.tensor<[1, n, 2, 16], f16>, !relax.tensor<[1, n, 2, 16], f16>, !relax.tensor<[1, n, 2, 16], f16>
  return %0 : !relax.tensor<[1, n, 2, 16], f16>
}

func.func @rope_f32(%x: !relax.tensor<[b, n, 3, 8], f32>, %p: !relax.tensor<[n], i64>) -> !relax.tensor<[b, n, 3, 8], f32> attributes {relax.function} {
  %0 = relax.rope %x, %p : !relax.tensor<[b, n, 3, 8], f32>, !relax.tensor<[n], i64>
  return %0 : !relax.tensor<[b, n, 3, 8], f32>
}

func.func @rope_f16(%x: !relax.tensor<[1, n, 2, 16], f16>, %p: !relax.tensor<[n], i32>) -> !relax.tensor<[1, n, 2, 16], f16> attributes {relax.function} {
  %0 = relax.rope %x, %p theta 5.000000e+05 : !relax.tensor<[1, n, 2, 16], f16>, !relax.tensor<[n], i32>
  return %0 : !relax.tensor<[1, n, 2, 16], f16>
}
