// relax.q4_quantize, q4_dequantize and a dequantization fused into a matmul
// (MLC-LLM's q4f16_1 and q4f32_1 layouts) at symbolic shapes; see
// ../quantize.test.

func.func @q4_quantize_f16(%w: !relax.tensor<[n, 64], f16>) -> (!relax.tensor<[n, 8], i32>, !relax.tensor<[n, 2], f16>) attributes {relax.function} {
  %q, %s = relax.q4_quantize %w : !relax.tensor<[n, 64], f16>
  return %q, %s : !relax.tensor<[n, 8], i32>, !relax.tensor<[n, 2], f16>
}

func.func @q4_quantize_f32(%w: !relax.tensor<[b, n, 128], f32>) -> (!relax.tensor<[b, n, 16], i32>, !relax.tensor<[b, n, 2], f32>) attributes {relax.function} {
  %q, %s = relax.q4_quantize %w group_size 64 : !relax.tensor<[b, n, 128], f32>
  return %q, %s : !relax.tensor<[b, n, 16], i32>, !relax.tensor<[b, n, 2], f32>
}

func.func @q4_dequantize_f16(%q: !relax.tensor<[n, 8], i32>, %s: !relax.tensor<[n, 2], f16>) -> !relax.tensor<[n, 64], f16> attributes {relax.function} {
  %w = relax.q4_dequantize %q, %s : !relax.tensor<[n, 8], i32>, !relax.tensor<[n, 2], f16>
  return %w : !relax.tensor<[n, 64], f16>
}

// x [m, 64] times the transposed [16, 64] weight.
func.func @q4_linear_f16(%x: !relax.tensor<[m, 64], f16>, %q: !relax.tensor<[16, 8], i32>, %s: !relax.tensor<[16, 2], f16>) -> !relax.tensor<[m, 16], f16> attributes {relax.function} {
  %w = relax.q4_dequantize %q, %s : !relax.tensor<[16, 8], i32>, !relax.tensor<[16, 2], f16>
  %t = relax.permute_dims %w : !relax.tensor<[16, 64], f16>
  %y = relax.matmul %x, %t : !relax.tensor<[m, 64], f16>, !relax.tensor<[64, 16], f16>
  return %y : !relax.tensor<[m, 16], f16>
}

// A batched f32 activation and groups of 64 (no separate accumulator).
func.func @q4_linear_f32(%x: !relax.tensor<[b, m, 128], f32>, %q: !relax.tensor<[8, 16], i32>, %s: !relax.tensor<[8, 2], f32>) -> !relax.tensor<[b, m, 8], f32> attributes {relax.function} {
  %w = relax.q4_dequantize %q, %s group_size 64 : !relax.tensor<[8, 16], i32>, !relax.tensor<[8, 2], f32>
  %t = relax.permute_dims %w axes [1, 0] : !relax.tensor<[8, 128], f32>
  %y = relax.matmul %x, %t : !relax.tensor<[b, m, 128], f32>, !relax.tensor<[128, 8], f32>
  return %y : !relax.tensor<[b, m, 8], f32>
}
