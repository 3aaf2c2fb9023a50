// One Llama-style decoder block in relax, with MLC-LLM's q4f16_1 weights,
// n new tokens (a symbolic sequence length) and a KV cache of p earlier
// ones (a second symbolic length):
//
//   k, v = concat(k_cache, rope(k_proj(rms_norm(x)))), concat(v_cache, ...)
//   h    = x + o_proj(attention(rope(q_proj(rms_norm(x))), k, v, causal))
//   out  = h + down_proj(silu(gate_proj(rms_norm(h))) * up_proj(rms_norm(h)))
//
// The block returns out and the grown caches k and v ([1, p + n, 2, 32]);
// the causal mask lets new token i see the p cached ones and new ones up to
// i. The positions of the new tokens (p, p + 1, ...) are an input.
//
// hidden size 256, 8 query heads over 2 key/value heads of 32 (grouped-query
// attention), MLP width 512, f16 activations. Each projection is a linear layer
// over a 4-bit weight [out, in]: relax.q4_dequantize, relax.permute_dims and
// relax.matmul, which relax-legalize turns into one kernel that dequantizes
// inside the matmul. bash scripts/run-example.sh compiles it, runs it at two
// sequence lengths and checks it against
// examples/transformer_block_reference.py (numpy).

func.func @transformer_block(
    %x: !relax.tensor<[1, n, 256], f16>, %positions: !relax.tensor<[n], i64>,
    %k_cache: !relax.tensor<[1, p, 2, 32], f16>,
    %v_cache: !relax.tensor<[1, p, 2, 32], f16>,
    %attn_norm: !relax.tensor<[256], f16>,
    %wq_q: !relax.tensor<[256, 32], i32>, %wq_s: !relax.tensor<[256, 8], f16>,
    %wk_q: !relax.tensor<[64, 32], i32>, %wk_s: !relax.tensor<[64, 8], f16>,
    %wv_q: !relax.tensor<[64, 32], i32>, %wv_s: !relax.tensor<[64, 8], f16>,
    %wo_q: !relax.tensor<[256, 32], i32>, %wo_s: !relax.tensor<[256, 8], f16>,
    %mlp_norm: !relax.tensor<[256], f16>,
    %wg_q: !relax.tensor<[512, 32], i32>, %wg_s: !relax.tensor<[512, 8], f16>,
    %wu_q: !relax.tensor<[512, 32], i32>, %wu_s: !relax.tensor<[512, 8], f16>,
    %wd_q: !relax.tensor<[256, 64], i32>, %wd_s: !relax.tensor<[256, 16], f16>)
    -> (!relax.tensor<[1, n, 256], f16>, !relax.tensor<[1, p + n, 2, 32], f16>,
        !relax.tensor<[1, p + n, 2, 32], f16>)
    attributes {relax.function,
                relax.sym_bounds = {n = array<i64: 1, 2048>, p = array<i64: 0, 2048>}} {
  %out, %keys, %values = relax.dataflow -> !relax.tensor<[1, n, 256], f16>,
      !relax.tensor<[1, p + n, 2, 32], f16>, !relax.tensor<[1, p + n, 2, 32], f16> {
    // Attention.
    %h0 = relax.rms_norm %x, %attn_norm epsilon 1.0e-06
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256], f16>
    %wq_w = relax.q4_dequantize %wq_q, %wq_s
        : !relax.tensor<[256, 32], i32>, !relax.tensor<[256, 8], f16>
    %wq_t = relax.permute_dims %wq_w : !relax.tensor<[256, 256], f16>
    %q0 = relax.matmul %h0, %wq_t
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256, 256], f16>
    %wk_w = relax.q4_dequantize %wk_q, %wk_s
        : !relax.tensor<[64, 32], i32>, !relax.tensor<[64, 8], f16>
    %wk_t = relax.permute_dims %wk_w : !relax.tensor<[64, 256], f16>
    %k0 = relax.matmul %h0, %wk_t
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256, 64], f16>
    %wv_w = relax.q4_dequantize %wv_q, %wv_s
        : !relax.tensor<[64, 32], i32>, !relax.tensor<[64, 8], f16>
    %wv_t = relax.permute_dims %wv_w : !relax.tensor<[64, 256], f16>
    %v0 = relax.matmul %h0, %wv_t
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256, 64], f16>
    %q1 = relax.reshape %q0 [1, n, 8, 32] : !relax.tensor<[1, n, 256], f16>
    %k1 = relax.reshape %k0 [1, n, 2, 32] : !relax.tensor<[1, n, 64], f16>
    %v1 = relax.reshape %v0 [1, n, 2, 32] : !relax.tensor<[1, n, 64], f16>
    %q2 = relax.rope %q1, %positions theta 5.0e+05
        : !relax.tensor<[1, n, 8, 32], f16>, !relax.tensor<[n], i64>
    %k2 = relax.rope %k1, %positions theta 5.0e+05
        : !relax.tensor<[1, n, 2, 32], f16>, !relax.tensor<[n], i64>
    %k3 = relax.concat %k_cache, %k2 axis 1
        : !relax.tensor<[1, p, 2, 32], f16>, !relax.tensor<[1, n, 2, 32], f16>
    %v3 = relax.concat %v_cache, %v1 axis 1
        : !relax.tensor<[1, p, 2, 32], f16>, !relax.tensor<[1, n, 2, 32], f16>
    %a0 = relax.attention %q2, %k3, %v3 causal
        : !relax.tensor<[1, n, 8, 32], f16>, !relax.tensor<[1, n + p, 2, 32], f16>, !relax.tensor<[1, n + p, 2, 32], f16>
    %a1 = relax.reshape %a0 [1, n, 256] : !relax.tensor<[1, n, 8, 32], f16>
    %wo_w = relax.q4_dequantize %wo_q, %wo_s
        : !relax.tensor<[256, 32], i32>, !relax.tensor<[256, 8], f16>
    %wo_t = relax.permute_dims %wo_w : !relax.tensor<[256, 256], f16>
    %o0 = relax.matmul %a1, %wo_t
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256, 256], f16>
    %h = relax.add %x, %o0 : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[1, n, 256], f16>
    // MLP.
    %m0 = relax.rms_norm %h, %mlp_norm epsilon 1.0e-06
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256], f16>
    %wg_w = relax.q4_dequantize %wg_q, %wg_s
        : !relax.tensor<[512, 32], i32>, !relax.tensor<[512, 8], f16>
    %wg_t = relax.permute_dims %wg_w : !relax.tensor<[512, 256], f16>
    %g0 = relax.matmul %m0, %wg_t
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256, 512], f16>
    %wu_w = relax.q4_dequantize %wu_q, %wu_s
        : !relax.tensor<[512, 32], i32>, !relax.tensor<[512, 8], f16>
    %wu_t = relax.permute_dims %wu_w : !relax.tensor<[512, 256], f16>
    %u0 = relax.matmul %m0, %wu_t
        : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[256, 512], f16>
    %g1 = relax.silu %g0 : !relax.tensor<[1, n, 512], f16>
    %m1 = relax.multiply %g1, %u0 : !relax.tensor<[1, n, 512], f16>, !relax.tensor<[1, n, 512], f16>
    %wd_w = relax.q4_dequantize %wd_q, %wd_s
        : !relax.tensor<[256, 64], i32>, !relax.tensor<[256, 16], f16>
    %wd_t = relax.permute_dims %wd_w : !relax.tensor<[256, 512], f16>
    %d0 = relax.matmul %m1, %wd_t
        : !relax.tensor<[1, n, 512], f16>, !relax.tensor<[512, 256], f16>
    %y = relax.add %h, %d0 : !relax.tensor<[1, n, 256], f16>, !relax.tensor<[1, n, 256], f16>
    relax.output %y, %k3, %v3 : !relax.tensor<[1, n, 256], f16>,
        !relax.tensor<[1, n + p, 2, 32], f16>, !relax.tensor<[1, n + p, 2, 32], f16>
  }
  return %out, %keys, %values : !relax.tensor<[1, n, 256], f16>,
      !relax.tensor<[1, p + n, 2, 32], f16>, !relax.tensor<[1, p + n, 2, 32], f16>
}
