// RUN: mlc-opt %s -split-input-file -verify-diagnostics

func.func @negative_broadcast_constants(%x: !relax.tensor<[n, 3], f32>,
                                        %y: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.add' op operand shapes [n, 3] and [4] do not broadcast: dimension 1 of the lhs is 3 and dimension 0 of the rhs is 4, which provably differ and are not 1}}
  %0 = relax.add %x, %y : !relax.tensor<[n, 3], f32>, !relax.tensor<[4], f32>
  return
}

// -----

// Without facts `n` and `m` broadcast to `?`; the bounds separate them, and
// exclude 1, so the verifier proves the mismatch.
func.func @negative_broadcast_with_facts(%x: !relax.tensor<[n], f32>,
                                         %y: !relax.tensor<[m], f32>) attributes {relax.function, 
    relax.sym_bounds = {n = array<i64: 2, 8>, m = array<i64: 16, 32>}} {
  // expected-error @+1 {{'relax.multiply' op operand shapes [n] and [m] do not broadcast: dimension 0 of the lhs is n and dimension 0 of the rhs is m, which provably differ and are not 1}}
  %0 = relax.multiply %x, %y : !relax.tensor<[n], f32>, !relax.tensor<[m], f32>
  return
}

// -----

func.func @negative_dtype_mismatch(%x: !relax.tensor<[n], f32>,
                                   %y: !relax.tensor<[n], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.subtract' op operands must have the same element type, but the lhs is '!relax.tensor<[n], f32>' and the rhs is '!relax.tensor<[n], f16>' (no implicit promotion)}}
  %0 = relax.subtract %x, %y : !relax.tensor<[n], f32>, !relax.tensor<[n], f16>
  return
}

// -----

func.func @negative_matmul_contraction(%a: !relax.tensor<[n, k], f32>,
                                       %b: !relax.tensor<[k + 1, m], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.matmul' op contraction dimensions provably differ: the lhs '!relax.tensor<[n, k], f32>' contracts k and the rhs '!relax.tensor<[k + 1, m], f32>' contracts k + 1}}
  %0 = relax.matmul %a, %b : !relax.tensor<[n, k], f32>, !relax.tensor<[k + 1, m], f32>
  return
}

// -----

func.func @negative_matmul_batch(%a: !relax.tensor<[2, n, k], f32>,
                                 %b: !relax.tensor<[3, k, m], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.matmul' op batch dimensions [2] and [3] do not broadcast: dimension 0 of the lhs is 2 and dimension 0 of the rhs is 3, which provably differ and are not 1}}
  %0 = relax.matmul %a, %b : !relax.tensor<[2, n, k], f32>, !relax.tensor<[3, k, m], f32>
  return
}

// -----

func.func @negative_matmul_scalar(%a: !relax.tensor<[], f32>,
                                  %b: !relax.tensor<[k], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.matmul' op operands must have at least one dimension, but the lhs is '!relax.tensor<[], f32>' and the rhs is '!relax.tensor<[k], f32>'}}
  %0 = relax.matmul %a, %b : !relax.tensor<[], f32>, !relax.tensor<[k], f32>
  return
}

// -----

func.func @negative_exp_of_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.exp' op operand #0 must be relax tensor of floating-point values, but got '!relax.tensor<[n], i32>'}}
  %0 = relax.exp %x : !relax.tensor<[n], i32>
  return
}

// -----

func.func @negative_softmax_axis(%x: !relax.tensor<[b, n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.softmax' op axis 2 is out of range for a tensor of rank 2; expected an axis in [-2, 2)}}
  %0 = relax.softmax %x axis 2 : !relax.tensor<[b, n], f32>
  return
}

// -----

func.func @negative_sum_duplicate_axes(%x: !relax.tensor<[b, n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.sum' op axes [1, -2] name dimension 1 more than once}}
  %0 = relax.sum %x axes [1, -2] : !relax.tensor<[b, n, 4], f32>
  return
}

// -----

func.func @negative_permute_dims_count(%x: !relax.tensor<[b, n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.permute_dims' op axes [1, 0] must list each of the 3 dimensions of '!relax.tensor<[b, n, 4], f32>' once, but have 2 entries}}
  %0 = relax.permute_dims %x axes [1, 0] : !relax.tensor<[b, n, 4], f32>
  return
}

// -----

func.func @negative_reshape_two_inferred(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op the target shape [-1, -1] has more than one -1; at most one dimension can be inferred}}
  %0 = relax.reshape %x [-1, -1] : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_reshape_negative_dim(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op dimension 1 of the target shape [n, -4] is -4, which is negative; only -1 (infer) may be}}
  %0 = relax.reshape %x [n, -4] : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_reshape_count(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op cannot reshape '!relax.tensor<[n, 4], f32>' (4 * n elements) to [n + 1, 4] (4 * n + 4 elements): the element counts provably differ}}
  %0 = relax.reshape %x [n + 1, 4] : !relax.tensor<[n, 4], f32>
  return
}

// -----

// 4 * n and 2 * n agree only for n = 0, which the bounds exclude.
func.func @negative_reshape_count_with_facts(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function, 
    relax.sym_bounds = {n = array<i64: 1, 4096>}} {
  // expected-error @+1 {{'relax.reshape' op cannot reshape '!relax.tensor<[n, 4], f32>' (4 * n elements) to [n, 2] (2 * n elements): the element counts provably differ}}
  %0 = relax.reshape %x [n, 2] : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_reshape_uneven(%x: !relax.tensor<[6], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op cannot reshape '!relax.tensor<[6], f32>' (6 elements) to [-1, 4]: the elements do not divide evenly by the other dimensions (4)}}
  %0 = relax.reshape %x [-1, 4] : !relax.tensor<[6], f32>
  return
}

// -----

func.func @negative_reshape_infer_from_zero(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op cannot infer the -1 in [0, -1]: the other dimensions hold no elements}}
  %0 = relax.reshape %x [0, -1] : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_reshape_undefined_var(%x: !relax.tensor<*, f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op uses symbolic variable 'k' before it is defined}}
  %0 = relax.reshape %x [k, -1] : !relax.tensor<*, f32>
  return
}

// -----

// The generic form spells out the result type; it must be the inferred one.
// (MLIR's InferTypeOpInterface verifier adds the second error.)
func.func @negative_generic_result_type(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+2 {{'relax.sum' op inferred type(s) '!relax.tensor<[n], f32>' are incompatible with return type(s) of operation '!relax.tensor<[4], f32>'}}
  // expected-error @+1 {{'relax.sum' op failed to infer returned types}}
  %0 = "relax.sum"(%x) <{axes = array<i64: 1>}>
      : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_generic_missing_shape(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op requires attribute 'shape'}}
  %0 = "relax.reshape"(%x) : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_generic_operand_kind(%s: !relax.shape<[n]>, %x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.add' op operand #0 must be relax tensor, but got '!relax.shape<[n]>'}}
  %0 = "relax.add"(%s, %x) : (!relax.shape<[n]>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

// `-n` is not provably negative (n may be 0), but the inferred n floordiv -n
// is -1.
func.func @negative_reshape_negative_inferred(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op cannot reshape '!relax.tensor<[n], f32>' to [-1, -n]: the inferred dimension would be -1, a negative size}}
  %0 = relax.reshape %x [-1, 0 - n] : !relax.tensor<[n], f32>
  return
}

// -----

// Without a rank, an axis named twice is still an error.
func.func @negative_sum_unranked_duplicate_axes(%x: !relax.tensor<*, f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.sum' op axes [1, 1] name axis 1 more than once}}
  %0 = relax.sum %x axes [1, 1] : !relax.tensor<*, f32>
  return
}

// -----

// A [?, 3] tensor holds a multiple of 3 elements: 4 cannot be its count.
func.func @negative_reshape_known_part(%x: !relax.tensor<[?, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op cannot reshape '!relax.tensor<[?, 3], f32>' to [4] (4 elements): that is no multiple of the 3 elements its known dimensions hold}}
  %0 = relax.reshape %x [4] : !relax.tensor<[?, 3], f32>
  return
}

// -----

func.func @negative_log_of_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.log' op operand #0 must be relax tensor of floating-point values, but got '!relax.tensor<[n], i32>'}}
  %0 = relax.log %x : !relax.tensor<[n], i32>
  return
}

// -----

func.func @negative_unary_result_type(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.abs' op requires the same type for all operands and results}}
  %0 = "relax.abs"(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f16>
  return
}


// -----

func.func @negative_compare_dtypes(%x: !relax.tensor<[n], f32>, %y: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.less' op operands must have the same element type, but the lhs is '!relax.tensor<[n], f32>' and the rhs is '!relax.tensor<[n], i32>' (no implicit promotion)}}
  %0 = relax.less %x, %y : !relax.tensor<[n], f32>, !relax.tensor<[n], i32>
  return
}

// -----

func.func @negative_maximum_shapes(%x: !relax.tensor<[3], f32>, %y: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.maximum' op operand shapes [3] and [4] do not broadcast: dimension 0 of the lhs is 3 and dimension 0 of the rhs is 4, which provably differ and are not 1}}
  %0 = relax.maximum %x, %y : !relax.tensor<[3], f32>, !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_clip_bounds(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.clip' op expects min <= max, but got min 2.000000e+00 and max 1.000000e+00}}
  %0 = relax.clip %x min 2.0 max 1.0 : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_where_condition(%c: !relax.tensor<[n], f32>, %x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.where' op expects a boolean (i1) condition, but got '!relax.tensor<[n], f32>'}}
  %0 = relax.where %c, %x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_where_shapes(%c: !relax.tensor<[3], i1>, %x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.where' op operand shapes [3] and [4] do not broadcast}}
  %0 = relax.where %c, %x, %x : !relax.tensor<[3], i1>, !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_isnan_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.isnan' op operand #0 must be relax tensor of floating-point values, but got '!relax.tensor<[n], i32>'}}
  %0 = relax.isnan %x : !relax.tensor<[n], i32>
  return
}

// -----

func.func @negative_mean_axis(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.mean' op axis 2 is out of range for a tensor of rank 2}}
  %0 = relax.mean %x axes [2] : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_rms_norm_weight(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rms_norm' op expects a weight of 8 elements (the input's last dimension), but it has 4, and they provably differ}}
  %0 = relax.rms_norm %x, %w : !relax.tensor<[n, 8], f32>, !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_rms_norm_rank(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[2, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rms_norm' op expects an input of rank >= 1 and a weight of rank 1, but got '!relax.tensor<[n, 8], f32>' and '!relax.tensor<[2, 4], f32>'}}
  %0 = relax.rms_norm %x, %w : !relax.tensor<[n, 8], f32>, !relax.tensor<[2, 4], f32>
  return
}

// -----

func.func @negative_rms_norm_dtype(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[8], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rms_norm' op expects the weight to have the input's element type, but got '!relax.tensor<[8], f16>' for '!relax.tensor<[n, 8], f32>'}}
  %0 = relax.rms_norm %x, %w : !relax.tensor<[n, 8], f32>, !relax.tensor<[8], f16>
  return
}

// -----

func.func @negative_rms_norm_epsilon(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rms_norm' op expects a non-negative epsilon, but got -1.000000e+00}}
  %0 = relax.rms_norm %x, %w epsilon -1.0 : !relax.tensor<[n, 8], f32>, !relax.tensor<[8], f32>
  return
}

// -----

func.func @negative_gelu_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.gelu' op operand #0 must be relax tensor of floating-point values, but got '!relax.tensor<[n], i32>'}}
  %0 = relax.gelu %x : !relax.tensor<[n], i32>
  return
}

// -----

func.func @negative_squeeze_dim(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.squeeze' op cannot squeeze dimension 0 of '!relax.tensor<[n, 4], f32>': it is n, not 1}}
  %0 = relax.squeeze %x axes [0] : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_expand_dims_axis(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.expand_dims' op axis 3 is out of range for a tensor of rank 3}}
  %0 = relax.expand_dims %x axes [3] : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_astype_dtype(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.astype' op expects an integer or floating-point dtype, but got 'index'}}
  %0 = relax.astype %x to index : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_layer_norm_bias(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[8], f32>, %b: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.layer_norm' op expects a bias of 8 elements (the input's last dimension), but it has 4, and they provably differ}}
  %0 = relax.layer_norm %x, %w, %b : !relax.tensor<[n, 8], f32>, !relax.tensor<[8], f32>, !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_layer_norm_bias_dtype(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[8], f32>, %b: !relax.tensor<[8], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.layer_norm' op expects the bias to have the input's element type, but got '!relax.tensor<[8], f16>' for '!relax.tensor<[n, 8], f32>'}}
  %0 = relax.layer_norm %x, %w, %b : !relax.tensor<[n, 8], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f16>
  return
}

// -----

func.func @negative_layer_norm_epsilon(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[8], f32>, %b: !relax.tensor<[8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.layer_norm' op expects a non-negative epsilon, but got -1.000000e+00}}
  %0 = relax.layer_norm %x, %w, %b epsilon -1.0 : !relax.tensor<[n, 8], f32>, !relax.tensor<[8], f32>, !relax.tensor<[8], f32>
  return
}

// -----

func.func @negative_log_softmax_axis(%x: !relax.tensor<[n, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.log_softmax' op axis 2 is out of range for a tensor of rank 2}}
  %0 = relax.log_softmax %x axis 2 : !relax.tensor<[n, 8], f32>
  return
}

// -----

func.func @negative_attention_heads(%q: !relax.tensor<[1, n, 6, 8], f32>, %k: !relax.tensor<[1, t, 4, 8], f32>, %v: !relax.tensor<[1, t, 4, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.attention' op expects the query's heads (6) to be a multiple of the key's (4)}}
  %0 = relax.attention %q, %k, %v : !relax.tensor<[1, n, 6, 8], f32>, !relax.tensor<[1, t, 4, 8], f32>, !relax.tensor<[1, t, 4, 8], f32>
  return
}

// -----

func.func @negative_attention_head_dim(%q: !relax.tensor<[1, n, 4, 8], f32>, %k: !relax.tensor<[1, t, 4, 16], f32>, %v: !relax.tensor<[1, t, 4, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.attention' op the head dims of query and key are 8 and 16, which provably differ}}
  %0 = relax.attention %q, %k, %v : !relax.tensor<[1, n, 4, 8], f32>, !relax.tensor<[1, t, 4, 16], f32>, !relax.tensor<[1, t, 4, 8], f32>
  return
}

// -----

func.func @negative_attention_kv_length(%q: !relax.tensor<[1, n, 4, 8], f32>, %k: !relax.tensor<[1, 5, 4, 8], f32>, %v: !relax.tensor<[1, 6, 4, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.attention' op the sequence lengths of key and value are 5 and 6, which provably differ}}
  %0 = relax.attention %q, %k, %v : !relax.tensor<[1, n, 4, 8], f32>, !relax.tensor<[1, 5, 4, 8], f32>, !relax.tensor<[1, 6, 4, 8], f32>
  return
}

// -----

func.func @negative_attention_rank(%q: !relax.tensor<[n, 4, 8], f32>, %k: !relax.tensor<[1, t, 4, 8], f32>, %v: !relax.tensor<[1, t, 4, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.attention' op expects query, key and value of rank 4 (batch, sequence, heads, head dim), but got '!relax.tensor<[n, 4, 8], f32>', '!relax.tensor<[1, t, 4, 8], f32>' and '!relax.tensor<[1, t, 4, 8], f32>'}}
  %0 = relax.attention %q, %k, %v : !relax.tensor<[n, 4, 8], f32>, !relax.tensor<[1, t, 4, 8], f32>, !relax.tensor<[1, t, 4, 8], f32>
  return
}

// -----

func.func @negative_attention_dtype(%q: !relax.tensor<[1, n, 4, 8], f16>, %k: !relax.tensor<[1, t, 4, 8], f32>, %v: !relax.tensor<[1, t, 4, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.attention' op expects query, key and value of one element type, but got '!relax.tensor<[1, n, 4, 8], f16>', '!relax.tensor<[1, t, 4, 8], f32>' and '!relax.tensor<[1, t, 4, 8], f32>'}}
  %0 = relax.attention %q, %k, %v : !relax.tensor<[1, n, 4, 8], f16>, !relax.tensor<[1, t, 4, 8], f32>, !relax.tensor<[1, t, 4, 8], f32>
  return
}

// -----

func.func @negative_attention_scale(%q: !relax.tensor<[1, n, 4, 8], f32>, %k: !relax.tensor<[1, t, 4, 8], f32>, %v: !relax.tensor<[1, t, 4, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.attention' op expects a positive scale, but got 0.000000e+00}}
  %0 = relax.attention %q, %k, %v scale 0.0 : !relax.tensor<[1, n, 4, 8], f32>, !relax.tensor<[1, t, 4, 8], f32>, !relax.tensor<[1, t, 4, 8], f32>
  return
}

// -----

func.func @negative_rope_odd(%x: !relax.tensor<[1, n, 4, 7], f32>, %p: !relax.tensor<[n], i64>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rope' op expects an even head dim, but got 7}}
  %0 = relax.rope %x, %p : !relax.tensor<[1, n, 4, 7], f32>, !relax.tensor<[n], i64>
  return
}

// -----

func.func @negative_rope_positions(%x: !relax.tensor<[1, n, 4, 8], f32>, %p: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rope' op expects integer positions, but got '!relax.tensor<[n], f32>'}}
  %0 = relax.rope %x, %p : !relax.tensor<[1, n, 4, 8], f32>, !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_rope_length(%x: !relax.tensor<[1, 3, 4, 8], f32>, %p: !relax.tensor<[4], i64>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rope' op the sequence length of the input and the number of positions are 3 and 4, which provably differ}}
  %0 = relax.rope %x, %p : !relax.tensor<[1, 3, 4, 8], f32>, !relax.tensor<[4], i64>
  return
}

// -----

func.func @negative_rope_theta(%x: !relax.tensor<[1, n, 4, 8], f32>, %p: !relax.tensor<[n], i64>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rope' op expects a positive theta, but got -1.000000e+00}}
  %0 = relax.rope %x, %p theta -1.0 : !relax.tensor<[1, n, 4, 8], f32>, !relax.tensor<[n], i64>
  return
}

// -----

func.func @negative_q4_quantize_group(%w: !relax.tensor<[n, 64], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_quantize' op expects a group size that is a positive multiple of 8 (the elements of a word), but got 12}}
  %q, %s = relax.q4_quantize %w group_size 12 : !relax.tensor<[n, 64], f16>
  return
}

// -----

func.func @negative_q4_quantize_length(%w: !relax.tensor<[n, 48], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_quantize' op expects the last dimension (48) to be a multiple of the group size (32)}}
  %q, %s = relax.q4_quantize %w : !relax.tensor<[n, 48], f16>
  return
}

// -----

func.func @negative_q4_quantize_rank(%w: !relax.tensor<[], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_quantize' op expects a weight of rank >= 1, but got '!relax.tensor<[], f16>'}}
  %q, %s = relax.q4_quantize %w : !relax.tensor<[], f16>
  return
}

// -----

func.func @negative_q4_dequantize_words(%q: !relax.tensor<[n, 8], i64>, %s: !relax.tensor<[n, 2], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_dequantize' op expects packed words of type i32, but got '!relax.tensor<[n, 8], i64>'}}
  %w = relax.q4_dequantize %q, %s : !relax.tensor<[n, 8], i64>, !relax.tensor<[n, 2], f16>
  return
}

// -----

func.func @negative_q4_dequantize_groups(%q: !relax.tensor<[n, 8], i32>, %s: !relax.tensor<[n, 3], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_dequantize' op the elements (8 per word) and the elements the scales cover are 64 and 96, which provably differ}}
  %w = relax.q4_dequantize %q, %s : !relax.tensor<[n, 8], i32>, !relax.tensor<[n, 3], f16>
  return
}

// -----

func.func @negative_q4_dequantize_rows(%q: !relax.tensor<[4, 8], i32>, %s: !relax.tensor<[5, 2], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_dequantize' op dimension 0 of the packed words and the scales are 4 and 5, which provably differ}}
  %w = relax.q4_dequantize %q, %s : !relax.tensor<[4, 8], i32>, !relax.tensor<[5, 2], f16>
  return
}

// -----

func.func @negative_q4_dequantize_rank(%q: !relax.tensor<[4, 8], i32>, %s: !relax.tensor<[8], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_dequantize' op expects packed words and scales of one rank >= 1, but got '!relax.tensor<[4, 8], i32>' and '!relax.tensor<[8], f16>'}}
  %w = relax.q4_dequantize %q, %s : !relax.tensor<[4, 8], i32>, !relax.tensor<[8], f16>
  return
}

// -----

func.func @negative_broadcast_to(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.broadcast_to' op cannot broadcast '!relax.tensor<[n, 3], f32>' to [n, 4]: dimension 1 is 3, neither 1 nor 4}}
  %0 = relax.broadcast_to %x [n, 4] : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_broadcast_to_rank(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.broadcast_to' op cannot broadcast '!relax.tensor<[n, 3], f32>' to [3]: the target has fewer dimensions}}
  %0 = relax.broadcast_to %x [3] : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_concat_dims(%a: !relax.tensor<[n, 3], f32>, %b: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.concat' op expects the inputs to agree outside axis 0, but dimension 1 is 3 in '!relax.tensor<[n, 3], f32>' and 4 in '!relax.tensor<[n, 4], f32>'}}
  %0 = relax.concat %a, %b : !relax.tensor<[n, 3], f32>, !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_concat_rank(%a: !relax.tensor<[n, 3], f32>, %b: !relax.tensor<[3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.concat' op expects inputs of one rank, but got '!relax.tensor<[n, 3], f32>' and '!relax.tensor<[3], f32>'}}
  %0 = relax.concat %a, %b axis 1 : !relax.tensor<[n, 3], f32>, !relax.tensor<[3], f32>
  return
}

// -----

func.func @negative_concat_dtype(%a: !relax.tensor<[n, 3], f32>, %b: !relax.tensor<[n, 3], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.concat' op expects inputs of one element type, but got '!relax.tensor<[n, 3], f32>' and '!relax.tensor<[n, 3], f16>'}}
  %0 = relax.concat %a, %b : !relax.tensor<[n, 3], f32>, !relax.tensor<[n, 3], f16>
  return
}

// -----

func.func @negative_concat_empty() attributes {relax.function} {
  // expected-error @+1 {{'relax.concat' op expects at least one input}}
  %0 = "relax.concat"() : () -> !relax.tensor<[1], f32>
  return
}

// -----

func.func @negative_flip_axis(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.flip' op axis 2 is out of range for a tensor of rank 2}}
  %0 = relax.flip %x axis 2 : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_tril_rank(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.tril' op expects an input of rank >= 2, but got '!relax.tensor<[n], f32>'}}
  %0 = relax.tril %x : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_tile_repeats(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.tile' op expects positive repeats, but got [0]}}
  %0 = relax.tile %x repeats [0] : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_repeat_count(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.repeat' op expects a positive repeat count, but got -2}}
  %0 = relax.repeat %x repeats -2 axis 0 : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_strided_slice_unknown_bound(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'?' (an unknown value) is not allowed here}}
  %0 = relax.strided_slice %x axes [0] begin [?] end [2] : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_strided_slice_undefined_bound(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.strided_slice' op uses symbolic variable 'p' before it is defined}}
  %0 = relax.strided_slice %x axes [0] begin [p] end [n] : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_strided_slice_stride(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.strided_slice' op expects non-zero strides, but got [0]}}
  %0 = relax.strided_slice %x axes [0] begin [0] end [2] strides [0] : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_strided_slice_lengths(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.strided_slice' op expects one begin, end and stride per axis, but got 1 axes, 2 begins, 1 ends and 0 strides}}
  %0 = relax.strided_slice %x axes [0] begin [0, 1] end [2] : !relax.tensor<[n], f32>
  return
}

// -----

func.func @negative_take_indices(%x: !relax.tensor<[n, 4], f32>, %i: !relax.tensor<[k], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.take' op expects integer indices, but got '!relax.tensor<[k], f32>'}}
  %0 = relax.take %x, %i : !relax.tensor<[n, 4], f32>, !relax.tensor<[k], f32>
  return
}

// -----

func.func @negative_one_hot_depth(%i: !relax.tensor<[k], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.one_hot' op expects a positive depth, but got 0}}
  %0 = relax.one_hot %i depth 0 on 1.0 off 0.0 : !relax.tensor<[k], i32> to f32
  return
}

// -----

func.func @negative_argmax_axis(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.argmax' op axis 2 is out of range for a tensor of rank 2}}
  %0 = relax.argmax %x axis 2 : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_cumsum_axis(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.cumsum' op axis -3 is out of range for a tensor of rank 2}}
  %0 = relax.cumsum %x axis -3 : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_variance_axes(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.variance' op axis 5 is out of range for a tensor of rank 2}}
  %0 = relax.variance %x axes [5] : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_conv2d_channels(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[4, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d' op expects 3 data channels to be the weight's 2 times the groups (1)}}
  %0 = relax.conv2d %x, %k : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[4, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_groups(%x: !relax.tensor<[n, 4, 8, 8], f32>, %k: !relax.tensor<[3, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d' op expects the 3 output channels to be a multiple of the groups (2)}}
  %0 = relax.conv2d %x, %k groups 2 : !relax.tensor<[n, 4, 8, 8], f32>, !relax.tensor<[3, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_window(%x: !relax.tensor<[n, 3, 2, 8], f32>, %k: !relax.tensor<[4, 3, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d' op the window of 3 does not fit the padded extent of 2 (0 outputs along y)}}
  %0 = relax.conv2d %x, %k : !relax.tensor<[n, 3, 2, 8], f32>, !relax.tensor<[4, 3, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_strides(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[4, 3, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d' op expects positive strides and dilation, but got [0, 1] and [1, 1]}}
  %0 = relax.conv2d %x, %k strides [0, 1] : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[4, 3, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_padding(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[4, 3, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d' op expects 2 strides, 2 dilations and 4 paddings (top, left, bottom, right), but got 2, 2 and 2}}
  %0 = relax.conv2d %x, %k padding [1, 1] : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[4, 3, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_rank(%x: !relax.tensor<[3, 8, 8], f32>, %k: !relax.tensor<[4, 3, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d' op expects data and weight of rank 4, but got '!relax.tensor<[3, 8, 8], f32>' and '!relax.tensor<[4, 3, 3, 3], f32>'}}
  %0 = relax.conv2d %x, %k : !relax.tensor<[3, 8, 8], f32>, !relax.tensor<[4, 3, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_transpose_channels(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[4, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op the data's channels and the weight's first dim are 3 and 4, which provably differ}}
  %0 = relax.conv2d_transpose %x, %k : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[4, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_transpose_groups(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[3, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op expects the 3 data channels to be a multiple of the groups (2)}}
  %0 = relax.conv2d_transpose %x, %k groups 2 : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[3, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_transpose_zero_groups(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[3, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op expects positive groups, but got 0}}
  %0 = relax.conv2d_transpose %x, %k groups 0 : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[3, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_transpose_output_padding(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[3, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op expects each output padding to be smaller than its stride or its dilation, but got [1, 0]}}
  %0 = relax.conv2d_transpose %x, %k output_padding [1, 0] : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[3, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_transpose_output_padding_count(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[3, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op expects 2 output paddings, but got 1}}
  %0 = relax.conv2d_transpose %x, %k output_padding [1] : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[3, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_conv2d_transpose_padding(%x: !relax.tensor<[n, 3, 1, 8], f32>, %k: !relax.tensor<[3, 2, 1, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op the padding leaves 0 outputs along y}}
  %0 = relax.conv2d_transpose %x, %k padding [1, 0, 0, 0] : !relax.tensor<[n, 3, 1, 8], f32>, !relax.tensor<[3, 2, 1, 3], f32>
  return
}

// -----

func.func @negative_conv2d_transpose_element_type(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[3, 2, 3, 3], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op expects data and weight of one element type, but got '!relax.tensor<[n, 3, 8, 8], f32>' and '!relax.tensor<[3, 2, 3, 3], f16>'}}
  %0 = relax.conv2d_transpose %x, %k : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[3, 2, 3, 3], f16>
  return
}

// -----

func.func @negative_conv2d_transpose_rank(%x: !relax.tensor<[3, 8, 8], f32>, %k: !relax.tensor<[3, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op expects data and weight of rank 4, but got '!relax.tensor<[3, 8, 8], f32>' and '!relax.tensor<[3, 2, 3, 3], f32>'}}
  %0 = relax.conv2d_transpose %x, %k : !relax.tensor<[3, 8, 8], f32>, !relax.tensor<[3, 2, 3, 3], f32>
  return
}

// -----

func.func @negative_pool_size(%x: !relax.tensor<[n, 3, 8, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.max_pool2d' op expects a pool size of 2 positive extents, but got [2]}}
  %0 = relax.max_pool2d %x pool_size [2] : !relax.tensor<[n, 3, 8, 8], f32>
  return
}

// -----

func.func @negative_adaptive_size(%x: !relax.tensor<[n, 3, 8, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.adaptive_avg_pool2d' op expects an output size of 2 positive extents, but got [0, 1]}}
  %0 = relax.adaptive_avg_pool2d %x output_size [0, 1] : !relax.tensor<[n, 3, 8, 8], f32>
  return
}

// -----

func.func @negative_batch_norm_param(%x: !relax.tensor<[n, 3, 8, 8], f32>, %p: !relax.tensor<[3], f32>, %q: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.batch_norm' op expects a variance of 3 elements (the input's axis dimension), but it has 4, and they provably differ}}
  %0 = relax.batch_norm %x, %p, %p, %p, %q : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[3], f32>, !relax.tensor<[3], f32>, !relax.tensor<[3], f32>, !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_full_dtype(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.full' op expects an integer or floating-point dtype, but got 'index'}}
  %0 = relax.full [n] value 1.0 : index
  return
}

// -----

func.func @negative_zeros_dim(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.zeros' op expects non-negative dims, but got [n, -2]}}
  %0 = relax.zeros [n, -2] : f32
  return
}

// -----

func.func @negative_arange_step(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.arange' op expects a non-zero step}}
  %0 = relax.arange [n] step 0 : i32
  return
}

// -----

func.func @negative_arange_end(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.arange' op expects one end expression, but got [n, 2]}}
  %0 = relax.arange [n, 2] : i32
  return
}

// -----

func.func @negative_linear_k(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[4, 6], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.linear' op the input's last dimension and the weight's second are 8 and 6, which provably differ}}
  %0 = relax.linear %x, %w : !relax.tensor<[n, 8], f32>, !relax.tensor<[4, 6], f32>
  return
}

// -----

func.func @negative_linear_bias(%x: !relax.tensor<[n, 8], f32>, %w: !relax.tensor<[4, 8], f32>, %b: !relax.tensor<[3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.linear' op the bias length and the weight's first dimension are 3 and 4, which provably differ}}
  %0 = relax.linear %x, %w, %b : !relax.tensor<[n, 8], f32>, !relax.tensor<[4, 8], f32>, !relax.tensor<[3], f32>
  return
}

// -----

func.func @negative_pad_widths(%x: !relax.tensor<[n, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.pad' op expects 2 pad widths per dimension (4), but got 2}}
  %0 = relax.pad %x pad_width [1, 1] : !relax.tensor<[n, 8], f32>
  return
}

// -----

func.func @negative_pad_reflect(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.pad' op expects reflect widths smaller than the dimension, but dimension 1 is 3 and a width is 3}}
  %0 = relax.pad %x pad_width [0, 0, 3, 0] mode reflect : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_dropout_rate(%x: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.dropout' op expects a rate in [0, 1), but got 1.000000e+00}}
  %0 = relax.dropout %x rate 1.0 : !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_split_both(%x: !relax.tensor<[n, 6], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.split' op expects either sections or indices}}
  %0:2 = relax.split %x sections 2 indices [3] : !relax.tensor<[n, 6], f32>
  return
}

// -----

func.func @negative_split_uneven(%x: !relax.tensor<[n, 6], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.split' op cannot split 6 into 4 equal sections}}
  %0:4 = relax.split %x sections 4 axis 1 : !relax.tensor<[n, 6], f32>
  return
}

// -----

func.func @negative_split_unsorted(%x: !relax.tensor<[n, 6], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.split' op expects sorted indices, but got [3, 1]}}
  %0:3 = relax.split %x indices [3, 1] : !relax.tensor<[n, 6], f32>
  return
}

// -----

func.func @negative_gather_elements_rank(%x: !relax.tensor<[n, 6], f32>, %i: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.gather_elements' op expects indices of the input's rank, but got '!relax.tensor<[n], i32>' for '!relax.tensor<[n, 6], f32>'}}
  %0 = relax.gather_elements %x, %i : !relax.tensor<[n, 6], f32>, !relax.tensor<[n], i32>
  return
}

// -----

func.func @negative_scatter_updates(%x: !relax.tensor<[n, 6], f32>, %i: !relax.tensor<[n, 2], i32>, %u: !relax.tensor<[n, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.scatter_elements' op dimensions of the updates and the indices are 3 and 2, which provably differ}}
  %0 = relax.scatter_elements %x, %i, %u : !relax.tensor<[n, 6], f32>, !relax.tensor<[n, 2], i32>, !relax.tensor<[n, 3], f32>
  return
}

// -----

func.func @negative_gather_nd_tuple(%x: !relax.tensor<[n, 6], f32>, %i: !relax.tensor<[k, 3], i64>) attributes {relax.function} {
  // expected-error @+1 {{'relax.gather_nd' op expects index tuples of a constant length in [1, 2], but the indices are '!relax.tensor<[k, 3], i64>'}}
  %0 = relax.gather_nd %x, %i : !relax.tensor<[n, 6], f32>, !relax.tensor<[k, 3], i64>
  return
}

// -----

func.func @negative_group_norm_groups(%x: !relax.tensor<[n, 6, 4], f32>, %p: !relax.tensor<[6], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.group_norm' op expects the 6 channels to be a multiple of the groups (4)}}
  %0 = relax.group_norm %x, %p, %p num_groups 4 : !relax.tensor<[n, 6, 4], f32>, !relax.tensor<[6], f32>, !relax.tensor<[6], f32>
  return
}

// -----

func.func @negative_group_norm_weight(%x: !relax.tensor<[n, 6, 4], f32>, %p: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.group_norm' op expects a weight of 6 elements (the input's channels), but it has 4, and they provably differ}}
  %0 = relax.group_norm %x, %p, %p num_groups 2 : !relax.tensor<[n, 6, 4], f32>, !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_conv1d_window(%x: !relax.tensor<[n, 3, 8], f32>, %k: !relax.tensor<[4, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv1d' op expects 1 stride, 1 dilation and 2 paddings (left, right), but got 1, 1 and 4}}
  %0 = relax.conv1d %x, %k padding [1, 1, 1, 1] : !relax.tensor<[n, 3, 8], f32>, !relax.tensor<[4, 3, 3], f32>
  return
}

// -----

func.func @negative_conv1d_rank(%x: !relax.tensor<[n, 3, 8, 8], f32>, %k: !relax.tensor<[4, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv1d' op expects data and weight of rank 3, but got '!relax.tensor<[n, 3, 8, 8], f32>' and '!relax.tensor<[4, 3, 3], f32>'}}
  %0 = relax.conv1d %x, %k : !relax.tensor<[n, 3, 8, 8], f32>, !relax.tensor<[4, 3, 3], f32>
  return
}

// -----

func.func @negative_resize_size(%x: !relax.tensor<[n, 3, 8, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.resize2d' op expects a size of 2 dims, but got [4]}}
  %0 = relax.resize2d %x [4] : !relax.tensor<[n, 3, 8, 8], f32>
  return
}

// -----

func.func @negative_resize_zero(%x: !relax.tensor<[n, 3, 8, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.resize2d' op expects a positive size, but got [0, 4]}}
  %0 = relax.resize2d %x [0, 4] : !relax.tensor<[n, 3, 8, 8], f32>
  return
}

// -----

func.func @negative_einsum_ellipsis(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[3, 2], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.einsum' op does not support ellipses in '...ij->ij'}}
  %0 = relax.einsum "...ij->ij" %x : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_einsum_rank(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[3, 2], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.einsum' op 'ijk' names 3 dims of an operand of rank 2}}
  %0 = relax.einsum "ijk->i" %x : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_einsum_output(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[3, 2], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.einsum' op expects result letters that appear in the operands once each, but got 'iz'}}
  %0 = relax.einsum "ij->iz" %x : !relax.tensor<[n, 4], f32>
  return
}

// -----

func.func @negative_einsum_dims(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[3, 2], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.einsum' op the dims of 'j' are 4 and 3, which provably differ}}
  %0 = relax.einsum "ij,jk->ik" %x, %y : !relax.tensor<[n, 4], f32>, !relax.tensor<[3, 2], f32>
  return
}

// -----

func.func @negative_einsum_operands(%x: !relax.tensor<[n, 4], f32>, %y: !relax.tensor<[3, 2], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.einsum' op expects subscripts for its 1 operands (one or two), but got 'ij,jk->ik'}}
  %0 = relax.einsum "ij,jk->ik" %x : !relax.tensor<[n, 4], f32>
  return
}
