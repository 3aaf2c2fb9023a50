// RUN: mlc-opt %s -split-input-file --relax-legalize -verify-diagnostics

/// A pair of dims that are neither provably equal nor 1: the kernel cannot
/// know which operand broadcasts (the result dim is `?`).
func.func @undecidable_broadcast(%a: !relax.tensor<[n], f32>, %b: !relax.tensor<[m], f32>)
    -> !relax.tensor<[?], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.add' op cannot legalize: broadcasting the operand shapes [n] and [m]: dimension 0 of the lhs (n) and dimension 0 of the rhs (m) are neither provably equal nor 1, so which one broadcasts cannot be decided; relax.match_cast can give the operands shapes that decide it}}
  %0 = relax.add %a, %b : !relax.tensor<[n], f32>, !relax.tensor<[m], f32>
  return %0 : !relax.tensor<[?], f32>
}

// -----

/// An unknown dim may be 1 or not.
func.func @unknown_dim_broadcast(%a: !relax.tensor<[?, 4], f32>, %b: !relax.tensor<[n, 4], f32>)
    -> !relax.tensor<[?, 4], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.multiply' op cannot legalize: broadcasting the operand shapes [?, 4] and [n, 4]: dimension 0 of the lhs is unknown (?), so whether it broadcasts cannot be decided}}
  %0 = relax.multiply %a, %b : !relax.tensor<[?, 4], f32>, !relax.tensor<[n, 4], f32>
  return %0 : !relax.tensor<[?, 4], f32>
}

// -----

/// Batch dims of matmul broadcast like elementwise operands.
func.func @undecidable_batch(%a: !relax.tensor<[b, n, k], f32>, %w: !relax.tensor<[c, k, m], f32>)
    -> !relax.tensor<[?, n, m], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.matmul' op cannot legalize: broadcasting the batch dimensions [b] and [c]: dimension 0 of the lhs (b) and dimension 0 of the rhs (c) are neither provably equal nor 1}}
  %0 = relax.matmul %a, %w : !relax.tensor<[b, n, k], f32>, !relax.tensor<[c, k, m], f32>
  return %0 : !relax.tensor<[?, n, m], f32>
}

// -----

/// The verifier accepts contraction lengths it cannot tell apart; a kernel
/// would read the rhs out of bounds if they differed.
func.func @unproven_contraction(%a: !relax.tensor<[n, k], f32>, %b: !relax.tensor<[j, m], f32>)
    -> !relax.tensor<[n, m], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.matmul' op cannot legalize: the contraction dimensions of the lhs (k) and the rhs (j) are not provably equal; relax.match_cast can give them one symbolic size}}
  %0 = relax.matmul %a, %b : !relax.tensor<[n, k], f32>, !relax.tensor<[j, m], f32>
  return %0 : !relax.tensor<[n, m], f32>
}

// -----

func.func @unknown_rank(%a: !relax.tensor<*, f32>) -> !relax.tensor<*, f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.exp' op cannot legalize: operand #0 has unknown rank ('!relax.tensor<*, f32>'); a kernel needs the rank, which relax.match_cast can assert}}
  %0 = relax.exp %a : !relax.tensor<*, f32>
  return %0 : !relax.tensor<*, f32>
}

// -----

/// The caller allocates the result, so its dims must be known.
func.func @unknown_result_dim(%a: !relax.tensor<[?, 4], f32>) -> !relax.tensor<[4, ?], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.permute_dims' op cannot legalize: dimension 1 of the result type '!relax.tensor<[4, ?], f32>' is unknown (?), so the caller cannot allocate it}}
  %0 = relax.permute_dims %a : !relax.tensor<[?, 4], f32>
  return %0 : !relax.tensor<[4, ?], f32>
}

// -----

/// `n floordiv 4 * 4` elements equal `n` only when 4 divides n.
func.func @reshape_uneven(%a: !relax.tensor<[n], f32>) -> !relax.tensor<[n floordiv 4, 4], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op cannot legalize: the element counts of '!relax.tensor<[n], f32>' (n) and '!relax.tensor<[n floordiv 4, 4], f32>' (n floordiv 4 * 4) are not provably equal; relax.sym_divisible or relax.match_cast can establish it}}
  %0 = relax.reshape %a [-1, 4] : !relax.tensor<[n], f32>
  return %0 : !relax.tensor<[n floordiv 4, 4], f32>
}

// -----

func.func @reshape_unknown_count(%a: !relax.tensor<[?, 4], f32>) -> !relax.tensor<[?], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.reshape' op cannot legalize: dimension 0 of the result type '!relax.tensor<[?], f32>' is unknown (?), so the caller cannot allocate it}}
  %0 = relax.reshape %a [-1] : !relax.tensor<[?, 4], f32>
  return %0 : !relax.tensor<[?], f32>
}

// -----

/// arith computes on signless integers only.
func.func @unsigned(%a: !relax.tensor<[n], ui8>) -> !relax.tensor<[n], ui8> attributes {relax.function} {
  // expected-error @+1 {{'relax.add' op cannot legalize: element type ui8 is not supported yet; kernels compute on floats and signless integers (i8 to i64) (operand #0)}}
  %0 = relax.add %a, %a : !relax.tensor<[n], ui8>, !relax.tensor<[n], ui8>
  return %0 : !relax.tensor<[n], ui8>
}

// -----

func.func @boolean(%a: !relax.tensor<[n, 2], i1>) -> !relax.tensor<[n], i1> attributes {relax.function} {
  // expected-error @+1 {{'relax.sum' op cannot legalize: element type i1 is not supported yet}}
  %0 = relax.sum %a axes [1] : !relax.tensor<[n, 2], i1>
  return %0 : !relax.tensor<[n], i1>
}

// -----

func.func @empty(%a: !relax.tensor<[0, 4], f32>) -> !relax.tensor<[0, 4], f32> attributes {relax.function} {
  // expected-error @+1 {{'relax.exp' op cannot legalize: dimension 0 of operand #0 '!relax.tensor<[0, 4], f32>' is 0; empty tensors are not supported yet}}
  %0 = relax.exp %a : !relax.tensor<[0, 4], f32>
  return %0 : !relax.tensor<[0, 4], f32>
}

// -----

/// Every op that cannot be legalized is reported, the others are still
/// legalized, and the pass fails.
func.func @several(%a: !relax.tensor<[n], f32>, %b: !relax.tensor<[m], f32>)
    -> (!relax.tensor<[n], f32>, !relax.tensor<[?], f32>, !relax.tensor<[?], f32>) attributes {relax.function} {
  %0 = relax.exp %a : !relax.tensor<[n], f32>
  // expected-error @+1 {{'relax.subtract' op cannot legalize: broadcasting the operand shapes [n] and [m]}}
  %1 = relax.subtract %a, %b : !relax.tensor<[n], f32>, !relax.tensor<[m], f32>
  // expected-error @+1 {{'relax.divide' op cannot legalize: broadcasting the operand shapes [m] and [n]}}
  %2 = relax.divide %b, %a : !relax.tensor<[m], f32>, !relax.tensor<[n], f32>
  return %0, %1, %2 : !relax.tensor<[n], f32>, !relax.tensor<[?], f32>, !relax.tensor<[?], f32>
}

// -----

/// Kernels are added to the module the pass runs on, which the symbols of a
/// nested module cannot reach.
module {
  module @inner {
    func.func @nested(%a: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
      // expected-error @+1 {{'relax.exp' op cannot legalize: the op is nested in 'builtin.module', and kernels are added to the top-level module only}}
      %0 = relax.exp %a : !relax.tensor<[n], f32>
      return %0 : !relax.tensor<[n], f32>
    }
  }
}

// -----

func.func @power_of_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.power' op cannot legalize: its operands must be floating-point, not 'i32'}}
  %0 = relax.power %x, %x : !relax.tensor<[n], i32>, !relax.tensor<[n], i32>
  return
}

// -----

func.func @bitwise_of_floats(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.bitwise_and' op cannot legalize: its operands must be integers, not 'f32'}}
  %0 = relax.bitwise_and %x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return
}

// -----

func.func @logical_of_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.logical_or' op cannot legalize: its operands must be booleans (i1), not 'i32'}}
  %0 = relax.logical_or %x, %x : !relax.tensor<[n], i32>, !relax.tensor<[n], i32>
  return
}


// -----

func.func @comparison_of_booleans(%p: !relax.tensor<[n], i1>) attributes {relax.function} {
  // expected-error @+1 {{'relax.less' op cannot legalize: comparisons of 'i1' are not supported yet (floats and signless integers from i8 to i64 are)}}
  %0 = relax.less %p, %p : !relax.tensor<[n], i1>, !relax.tensor<[n], i1>
  return
}

// -----

func.func @logical_not_of_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.logical_not' op cannot legalize: its operands must be booleans (i1), not 'i32'}}
  %0 = relax.logical_not %x : !relax.tensor<[n], i32>
  return
}

// -----

func.func @bitwise_not_of_floats(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.bitwise_not' op cannot legalize: its operands must be integers, not 'f32'}}
  %0 = relax.bitwise_not %x : !relax.tensor<[n], f32>
  return
}

// -----

func.func @mean_of_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.mean' op cannot legalize: the mean of 'i32' values is not supported (numpy's is a float)}}
  %0 = relax.mean %x : !relax.tensor<[n], i32>
  return
}

// -----

func.func @flatten_unknown(%x: !relax.tensor<[?, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.flatten' op cannot legalize: its result '!relax.tensor<[?], f32>' has an unknown dimension or rank; relax.match_cast can give the input a known shape}}
  %0 = relax.flatten %x : !relax.tensor<[?, 4], f32>
  return
}

// -----

func.func @astype_unsigned(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.astype' op cannot legalize: its element types must be floats or signless integers, but 'ui8' is not}}
  %0 = relax.astype %x to ui8 : !relax.tensor<[n], f32>
  return
}

// -----

func.func @attention_symbolic_heads(%q: !relax.tensor<[1, n, h, 8], f32>, %k: !relax.tensor<[1, n, g, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.attention' op cannot legalize: the head counts of query ('!relax.tensor<[1, n, h, 8], f32>') and key ('!relax.tensor<[1, n, g, 8], f32>') must be constants, or the same, to map query heads to key heads}}
  %0 = relax.attention %q, %k, %k : !relax.tensor<[1, n, h, 8], f32>, !relax.tensor<[1, n, g, 8], f32>, !relax.tensor<[1, n, g, 8], f32>
  return
}

// -----

func.func @rope_symbolic_head_dim(%x: !relax.tensor<[1, n, 4, d], f32>, %p: !relax.tensor<[n], i64>) attributes {relax.function} {
  // expected-error @+1 {{'relax.rope' op cannot legalize: the head dim of '!relax.tensor<[1, n, 4, d], f32>' must be a constant (each element reads its partner at (k + d/2) mod d)}}
  %0 = relax.rope %x, %p : !relax.tensor<[1, n, 4, d], f32>, !relax.tensor<[n], i64>
  return
}

// -----

func.func @q4_quantize_symbolic_length(%w: !relax.tensor<[4, k], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_quantize' op cannot legalize: the last dimension and the elements of whole groups (k and k floordiv 32 * 32) are not provably equal; relax.sym_divisible or relax.match_cast can establish it}}
  %q, %s = relax.q4_quantize %w : !relax.tensor<[4, k], f16>
  return
}

// -----

func.func @q4_dequantize_groups(%q: !relax.tensor<[4, p], i32>, %s: !relax.tensor<[4, g], f16>) attributes {relax.function} {
  // expected-error @+1 {{'relax.q4_dequantize' op cannot legalize: the elements of the words and of the groups (8 * p and 32 * g) are not provably equal; relax.sym_divisible or relax.match_cast can establish it}}
  %w = relax.q4_dequantize %q, %s : !relax.tensor<[4, p], i32>, !relax.tensor<[4, g], f16>
  return
}

// -----

func.func @broadcast_to_undecided(%x: !relax.tensor<[n], f32>, %y: !relax.tensor<[m], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.broadcast_to' op cannot legalize: dimension 0 of the input (n) is neither 1 nor the dimension 1 of the result (m), so whether it broadcasts cannot be decided}}
  %0 = relax.broadcast_to %x [2, m] : !relax.tensor<[n], f32>
  return
}

// -----

func.func @shift_floats(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.left_shift' op cannot legalize: its operands must be integers}}
  %0 = relax.left_shift %x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return
}

// -----

func.func @variance_integers(%x: !relax.tensor<[n], i32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.variance' op cannot legalize: the variance of 'i32' values is not supported (numpy's is a float)}}
  %0 = relax.variance %x : !relax.tensor<[n], i32>
  return
}

// -----

func.func @conv2d_symbolic_groups(%x: !relax.tensor<[1, 4, 8, 8], f32>, %k: !relax.tensor<[o, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d' op cannot legalize: a grouped convolution needs constant channel counts in its weight, but it is '!relax.tensor<[o, 2, 3, 3], f32>'}}
  %0 = relax.conv2d %x, %k groups 2 : !relax.tensor<[1, 4, 8, 8], f32>, !relax.tensor<[o, 2, 3, 3], f32>
  return
}

// -----

func.func @conv2d_transpose_symbolic_groups(%x: !relax.tensor<[1, c, 8, 8], f32>, %k: !relax.tensor<[c, 2, 3, 3], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.conv2d_transpose' op cannot legalize: a grouped transposed convolution needs constant channel counts, but it is '!relax.tensor<[1, c, 8, 8], f32>' and '!relax.tensor<[c, 2, 3, 3], f32>'}}
  %0 = relax.conv2d_transpose %x, %k groups 2 : !relax.tensor<[1, c, 8, 8], f32>, !relax.tensor<[c, 2, 3, 3], f32>
  return
}

// -----

func.func @group_norm_symbolic_channels(%x: !relax.tensor<[n, c, 4], f32>, %p: !relax.tensor<[c], f32>) attributes {relax.function} {
  // expected-error @+1 {{'relax.group_norm' op cannot legalize: the channels of '!relax.tensor<[n, c, 4], f32>' must be a constant to map channels to groups}}
  %0 = relax.group_norm %x, %p, %p num_groups 2 : !relax.tensor<[n, c, 4], f32>, !relax.tensor<[c], f32>, !relax.tensor<[c], f32>
  return
}
