// RUN: mlc-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{relax tensor element type must be an integer or float type, got 'index'}}
func.func @bad_dtype(%x: !relax.tensor<[4], index>) attributes {relax.function}

// -----

// expected-error @+1 {{relax tensor dimension must not be negative, got -4}}
func.func @negative_dim(%x: !relax.tensor<[2 - 6], f32>) attributes {relax.function}

// -----

// expected-error @+1 {{invalid symbolic expression: division by zero}}
func.func @division_by_zero(%x: !relax.tensor<[n floordiv 0], f32>) attributes {relax.function}

// -----

// expected-error @+1 {{'mod' is an operator, not a variable name}}
func.func @operator_as_var(%x: !relax.tensor<[mod], f32>) attributes {relax.function}

// -----

// expected-error @+1 {{expected a symbolic expression}}
func.func @missing_dim(%x: !relax.tensor<[n, ], f32>) attributes {relax.function}

// -----

func.func @unknown_in_shape_attr() attributes {relax.function} {
  // expected-error @+1 {{'?' (an unknown value) is not allowed here}}
  %s = relax.shape [?]
  return
}

// -----

// A symbolic variable must be defined before it is used: `k` never occurs
// bare in the signature, and `k floordiv 2` is not linear in `k`, so no
// argument value determines it.
func.func @undefined_var(%x: !relax.tensor<[k floordiv 2], f32>) attributes {relax.function} {
  // expected-error @+1 {{uses symbolic variable 'k' before it is defined}}
  %s = relax.shape_of %x : !relax.tensor<[k floordiv 2], f32>
  return
}

// -----

func.func @use_before_match_cast(%x: !relax.tensor<[?], f32>) attributes {relax.function} {
  // expected-error @+1 {{uses symbolic variable 'm' before it is defined}}
  %s = relax.shape [m]
  %t = relax.match_cast %x : !relax.tensor<[?], f32> to !relax.tensor<[m], f32>
  return
}

// -----

tir.prim_func @k(%x: memref<?xf32>, %out: memref<?xf32>) {
  tir.return
}

func.func @undefined_output_var(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{uses symbolic variable 'p' before it is defined}}
  %y = relax.call_tir @k(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[p], f32>
  return
}

// -----

// The issue's example: the output is declared [n, 4] but the callee writes
// a buffer of [?, 8].
tir.prim_func @writes_n_by_8(%x: memref<?x8xf32>, %out: memref<?x8xf32>) {
  tir.return
}

func.func @provable_output_mismatch(%x: !relax.tensor<[n, 8], f32>) attributes {relax.function} {
  // expected-error @+1 {{output 0 (parameter 1 of @writes_n_by_8) dimension 1 is 4 but 8 is required, and they provably differ}}
  %y = relax.call_tir @writes_n_by_8(%x) : (!relax.tensor<[n, 8], f32>) -> !relax.tensor<[n, 4], f32>
  return
}

// -----

// A kernel with a symbolic signature: out is [n * m] where n and m are the
// dims of x. The call passes [16, 16] and declares 255 elements.
// expected-note @+1 {{kernel signature [m * n] for output 0}}
tir.prim_func @flatten(%x: memref<?x?xf32>, %out: memref<?xf32>, %n: index, %m: index)
    attributes {sym_shapes = [#mlc.shape<[n, m]>, #mlc.shape<[n * m]>], sym_vars = #mlc.shape<[n, m]>} {
  tir.return
}

func.func @signature_mismatch(%x: !relax.tensor<[16, 16], f32>) attributes {relax.function} {
  // expected-error @+1 {{output 0 dimension 0 is 255 but the kernel's signature requires m * n = 256, and they provably differ}}
  %y = relax.call_tir @flatten(%x) tir_vars [16, 16] : (!relax.tensor<[16, 16], f32>) -> !relax.tensor<[255], f32>
  return
}

// -----

// The signature's variables are bound by the call's dims when no tir_var
// gives them: [a, 4] binds n = a, m = 4, so the output must be 4 * a.
// expected-note @+1 {{kernel signature [m * n] for output 0}}
tir.prim_func @flatten(%x: memref<?x?xf32>, %out: memref<?xf32>)
    attributes {sym_shapes = [#mlc.shape<[n, m]>, #mlc.shape<[n * m]>], sym_vars = #mlc.shape<[]>} {
  tir.return
}

func.func @signature_mismatch_symbolic(%x: !relax.tensor<[a, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{output 0 dimension 0 is 4 * a + 1 but the kernel's signature requires m * n = 4 * a, and they provably differ}}
  %y = relax.call_tir @flatten(%x) : (!relax.tensor<[a, 4], f32>) -> !relax.tensor<[4 * a + 1], f32>
  return
}

// -----

// With bounds, `n` cannot be 8192.
tir.prim_func @big(%x: memref<8192xf32>, %out: memref<8192xf32>) {
  tir.return
}

func.func @mismatch_under_bounds(%x: !relax.tensor<[n], f32>)
    attributes {relax.function, relax.sym_bounds = {n = array<i64: 1, 4096>}} {
  // expected-error @+1 {{input 0 (parameter 0 of @big) dimension 0 is n but 8192 is required, and they provably differ}}
  %y = relax.call_tir @big(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[8192], f32>
  return
}

// -----

tir.prim_func @f32_kernel(%x: memref<?xf32>, %out: memref<?xf32>) {
  tir.return
}

func.func @dtype_mismatch(%x: !relax.tensor<[n], f16>) attributes {relax.function} {
  // expected-error @+1 {{input 0 (parameter 0 of @f32_kernel) has dtype 'f16' but 'f32' is required}}
  %y = relax.call_tir @f32_kernel(%x) : (!relax.tensor<[n], f16>) -> !relax.tensor<[n], f32>
  return
}

// -----

tir.prim_func @rank2(%x: memref<?x?xf32>, %out: memref<?x?xf32>) {
  tir.return
}

func.func @rank_mismatch(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{input 0 (parameter 0 of @rank2) has rank 1 but rank 2 is required}}
  %y = relax.call_tir @rank2(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n, n], f32>
  return
}

// -----

tir.prim_func @unary(%x: memref<?xf32>, %out: memref<?xf32>) {
  tir.return
}

func.func @wrong_param_count(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{passes 3 values to @unary (1 inputs, 1 outputs, 1 tir_vars) but it takes 2 parameters}}
  %y = relax.call_tir @unary(%x) tir_vars [n] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

tir.prim_func @index_first(%n: index, %out: memref<?xf32>) {
  tir.return
}

func.func @tensor_to_index_param(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{input 0 is passed to parameter 0 of @index_first, which is 'index', not a buffer (memref)}}
  %y = relax.call_tir @index_first(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

tir.prim_func @buffer_last(%x: memref<?xf32>, %out: memref<?xf32>, %n: memref<?xf32>) {
  tir.return
}

func.func @tir_var_to_buffer(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{tir_vars are passed to parameter 2 of @buffer_last, which must be 'index' but is 'memref<?xf32>'}}
  %y = relax.call_tir @buffer_last(%x) tir_vars [n] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

memref.global "private" @not_a_kernel : memref<4xf32>

func.func @callee_not_a_kernel(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee @not_a_kernel must be a tir.prim_func or a func.func, but it is a 'memref.global'}}
  %y = relax.call_tir @not_a_kernel(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

func.func @missing_callee(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee @nowhere does not name a symbol in scope}}
  %y = relax.call_tir @nowhere(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

tir.prim_func @inplace(%x: memref<?xf32>) {
  tir.return
}

func.func @inplace_index_out_of_range(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{inplace index 3 of result 0 is not -1 or the index of one of 1 inputs}}
  %y = relax.call_tir_inplace @inplace(%x) inplace [3] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

tir.prim_func @inplace(%x: memref<?xf32>) {
  tir.return
}

func.func @inplace_count(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{has 1 results but 2 inplace indices}}
  %y = relax.call_tir_inplace @inplace(%x) inplace [0, -1] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

tir.prim_func @inplace2(%x: memref<?xf32>) {
  tir.return
}

func.func @inplace_twice(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{input 0 is written in place by two results}}
  %y:2 = relax.call_tir_inplace @inplace2(%x) inplace [0, 0] : (!relax.tensor<[n], f32>) -> (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>)
  return
}

// -----

tir.prim_func @inplace(%x: memref<?xf32>) {
  tir.return
}

func.func @inplace_type_change(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{result 0 (in place of input 0) dimension 0 is n + 1 but n is required, and they provably differ}}
  %y = relax.call_tir_inplace @inplace(%x) inplace [0] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n + 1], f32>
  return
}

// -----

func.func @empty_packed_name(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee name must not be empty}}
  %y = relax.call_dps_packed ""(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return
}

// -----

func.func @match_cast_kind(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{cannot match a tensor ('!relax.tensor<[n], f32>') against a shape ('!relax.shape<[n]>')}}
  %y = relax.match_cast %x : !relax.tensor<[n], f32> to !relax.shape<[n]>
  return
}

// -----

func.func @match_cast_provable(%x: !relax.tensor<[n, 4], f32>) attributes {relax.function} {
  // expected-error @+1 {{value dimension 1 is 4 but 8 is required, and they provably differ}}
  %y = relax.match_cast %x : !relax.tensor<[n, 4], f32> to !relax.tensor<[m, 8], f32>
  return
}

// -----

func.func @match_cast_shape_length(%s: !relax.shape<[n, 4]>) attributes {relax.function} {
  // expected-error @+1 {{cannot match a shape of 2 values ('!relax.shape<[n, 4]>') against one of 3 values ('!relax.shape<[a, b, c]>')}}
  %y = relax.match_cast %s : !relax.shape<[n, 4]> to !relax.shape<[a, b, c]>
  return
}

// -----

func.func @dataflow_side_effect(%x: memref<4xf32>, %i: index, %v: f32) attributes {relax.function} {
  relax.dataflow {
    // expected-error @+1 {{has side effects and may not appear inside relax.dataflow, whose body must be pure}}
    memref.store %v, %x[%i] : memref<4xf32>
    relax.output
  }
  return
}

// -----

func.func @output_types(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  %y = relax.dataflow -> !relax.tensor<[n], f16> {
    // expected-error @+1 {{returns ('!relax.tensor<[n], f32>') but the enclosing relax.dataflow produces ('!relax.tensor<[n], f16>')}}
    relax.output %x : !relax.tensor<[n], f32>
  }
  return
}

// -----

// Values defined in a dataflow region do not leave it except through
// relax.output.
func.func @dataflow_value_escapes(%x: !relax.tensor<[n], f32>) -> !relax.shape<[n]> attributes {relax.function} {
  relax.dataflow {
    %s = relax.shape_of %x : !relax.tensor<[n], f32>
    relax.output
  }
  // expected-error @+1 {{use of undeclared SSA value name}}
  return %s : !relax.shape<[n]>
}

// -----

func.func @output_outside_dataflow() attributes {relax.function} {
  // expected-error @+1 {{expects parent op 'relax.dataflow'}}
  relax.output
}

// -----

// expected-error @+1 {{'relax.sym_bounds' entry 'n' has an empty range [8, 1]}}
func.func @empty_bounds() attributes {relax.sym_bounds = {n = array<i64: 8, 1>}} {
  return
}

// -----

// expected-error @+1 {{'relax.sym_bounds' entry 'n' must be array<i64: lo, hi>, got 4 : i64}}
func.func @malformed_bounds() attributes {relax.sym_bounds = {n = 4}} {
  return
}

// -----

// expected-error @+1 {{'relax.sym_bounds' must be a dictionary}}
func.func @bounds_not_dict() attributes {relax.sym_bounds = 4} {
  return
}

// -----

// expected-error @+1 {{'relax.sym_divisible' entry 'n' must be a positive 64-bit integer, got 0 : i64}}
func.func @zero_divisor() attributes {relax.sym_divisible = {n = 0}} {
  return
}

// -----

// expected-error @+1 {{'relax.sym_divisible' must be a dictionary}}
func.func @divisible_not_dict() attributes {relax.sym_divisible = 4} {
  return
}

// -----

// expected-error @+1 {{'relax.sym_bounds' may only be set on a function}}
module attributes {relax.sym_bounds = {}} {
}

// -----

// expected-error @+1 {{unknown relax attribute 'relax.bogus'}}
func.func @unknown_attr() attributes {relax.bogus} {
  return
}

// -----

func.func @constant_dynamic() attributes {relax.function} {
  // expected-error @+1 {{relax.constant needs a statically shaped integer or float value}}
  %c = relax.constant dense<1> : tensor<2xindex>
  return
}

// -----

// expected-error @+1 {{integer -9223372036854775809 does not fit in int64}}
func.func @too_negative(%x: !relax.tensor<[n - 9223372036854775809], f32>) attributes {relax.function}

// -----

// expected-error @+1 {{expected a symbolic expression, got 'true'}}
func.func private @boolean_dim(%x: !relax.tensor<[n + true], f32>) attributes {relax.function}

// -----

// expected-error @+1 {{symbolic expression nested too deeply}}
func.func private @deep(%x: !relax.tensor<[((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((n))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))], f32>) attributes {relax.function}

// -----

// expected-error @+1 {{'relax.sym_divisible' entry 'n' must be a positive 64-bit integer, got 18446744073709551648 : i128}}
func.func @huge_divisor() attributes {relax.sym_divisible = {n = 18446744073709551648 : i128}} {
  return
}

// -----

func.func @tuple_arity(%x: tuple<!relax.tensor<[n], f32>>) attributes {relax.function} {
  // expected-error @+1 {{cannot match a tuple of 1 elements ('tuple<!relax.tensor<[n], f32>>') against one of 2 elements}}
  %y = relax.match_cast %x : tuple<!relax.tensor<[n], f32>> to tuple<!relax.tensor<[m], f32>, !relax.shape<[m]>>
  return
}

// -----

func.func @tuple_element(%x: tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>>) attributes {relax.function} {
  // expected-error @+1 {{value element 0 has dtype 'f32' but 'f16' is required}}
  %y = relax.match_cast %x : tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>> to tuple<!relax.tensor<[m], f16>, !relax.shape<[m]>>
  return
}

// -----

func.func @nested_dataflow(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  relax.dataflow {
    // expected-error @+1 {{must be directly inside a function body}}
    relax.dataflow {
      relax.output
    }
    relax.output
  }
  return
}

// -----

func.func @control_flow_in_dataflow(%c: i1) attributes {relax.function} {
  relax.dataflow {
    // expected-error @+1 {{has regions; relax.dataflow may not contain control flow or nested dataflow}}
    scf.if %c {
    }
    relax.output
  }
  return
}

// -----

// expected-error @+1 {{must be directly inside a function body}}
relax.dataflow {
  relax.output
}

// -----

func.func @dataflow_block_args() attributes {relax.function} {
  // expected-error @+1 {{region should have no arguments}}
  relax.dataflow {
  ^bb0(%a: index):
    relax.output
  }
  return
}

// -----

// A variable a cast defines inside a conditional is not defined after it.
func.func @cast_in_conditional(%x: !relax.tensor<[?], f32>, %c: i1) attributes {relax.function} {
  scf.if %c {
    %t = relax.match_cast %x : !relax.tensor<[?], f32> to !relax.tensor<[m], f32>
  }
  // expected-error @+1 {{uses symbolic variable 'm' before it is defined}}
  %s = relax.shape [m]
  return
}

// -----

tir.prim_func @nothing() {
  tir.return
}

func.func @no_outputs() attributes {relax.function} {
  // expected-error @+1 {{must produce at least one output tensor}}
  relax.call_tir @nothing() : () -> ()
  return
}

// -----

func.func @packed_no_outputs(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{must produce at least one output tensor}}
  relax.call_dps_packed "lib.fn"(%x) : (!relax.tensor<[n], f32>) -> ()
  return
}

// -----

tir.prim_func @scale_(%x: memref<?xf32>) {
  tir.return
}

func.func @inplace_input_used_later(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // expected-error @+1 {{overwrites input 0 in place, but it is used after the call}}
  %y = relax.call_tir_inplace @scale_(%x) inplace [0] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %s = relax.shape_of %x : !relax.tensor<[n], f32>
  return %x : !relax.tensor<[n], f32>
}

// -----

func.func @tuple_index(%t: tuple<!relax.tensor<[4], f32>>) attributes {relax.function} {
  // expected-error @+1 {{index 1 is out of range for 'tuple<!relax.tensor<[4], f32>>' of 1 fields}}
  %x = relax.tuple_get_item %t[1] : tuple<!relax.tensor<[4], f32>>
  return
}

// -----

func.func @tuple_negative_index(%t: tuple<!relax.tensor<[4], f32>>) attributes {relax.function} {
  // expected-error @+1 {{index -1 is out of range}}
  %x = relax.tuple_get_item %t[-1] : tuple<!relax.tensor<[4], f32>>
  return
}

// -----

func.func @tuple_field(%x: memref<4xf32>) attributes {relax.function} {
  // expected-error @+1 {{operand #0 must be variadic of relax tensor or relax shape or Opaque runtime object or tuple, but got 'memref<4xf32>'}}
  %t = relax.tuple %x : memref<4xf32>
  return
}

// -----

// expected-error @+1 {{'relax.param' of argument 0 must be a string of 1 to 256 characters from [A-Za-z0-9_.:/-], got "fc 1"}}
func.func @param_name(%w: !relax.tensor<[4], f32> {relax.param = "fc 1"}) attributes {relax.function} {
  return
}

// -----

// expected-error @+1 {{'relax.param' argument 0 must be a relax tensor, not 'i32'}}
func.func @param_type(%w: i32 {relax.param = "w"}) {
  return
}

// -----

// expected-error @+1 {{arguments 0 and 1 are both parameter "w"}}
func.func @param_twice(%a: !relax.tensor<[4], f32> {relax.param = "w"}, %b: !relax.tensor<[4], f32> {relax.param = "w"}) attributes {relax.function} {
  return
}

// -----

// expected-error @+1 {{unknown relax argument attribute 'relax.weight'}}
func.func @unknown_arg_attr(%a: !relax.tensor<[4], f32> {relax.weight = "w"}) attributes {relax.function} {
  return
}

// -----

// A result type that names a variable its arguments do not define (the
// review's bug: `m` here is bound inside, and a caller would read it as its
// own `m`).
// expected-error @+1 {{result type '!relax.tensor<[m], f32>' uses symbolic variable 'm', which its arguments do not define; write '?' (a caller can relax.match_cast the result)}}
func.func private @id(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[m], f32> attributes {relax.function} {
  %t = relax.match_cast %x : !relax.tensor<[n], f32> to !relax.tensor<[m], f32>
  return %t : !relax.tensor<[m], f32>
}

// -----

func.func private @id(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32> attributes {relax.function}

// A call's result type is scope-checked in the caller.
func.func @undefined_result_var(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{'func.call' op uses symbolic variable 'm' before it is defined}}
  %y = func.call @id(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[m], f32>
  return
}

// -----

// Relax code lives in functions marked relax.function.
func.func @unmarked(%x: !relax.tensor<[n], f32>) -> !relax.shape<[n]> {
  // expected-error @+1 {{'relax.shape_of' op is relax code, but its function @unmarked lacks the 'relax.function' attribute}}
  %s = relax.shape_of %x : !relax.tensor<[n], f32>
  return %s : !relax.shape<[n]>
}

// -----

// expected-error @+1 {{'relax.function' is a unit attribute}}
func.func @not_unit() attributes {relax.function = 1 : i32} {
  return
}

// -----

// expected-error @+1 {{result type '!relax.tensor<[m], f32>' uses symbolic variable 'm', which its arguments do not define}}
func.func private @declared(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[m], f32> attributes {relax.function}

// -----

// A variable a cast inside a conditional defines stays inside it.
func.func @scoped(%x: !relax.tensor<[?], f32>, %c: i1) attributes {relax.function} {
  scf.if %c {
    %t = relax.match_cast %x : !relax.tensor<[?], f32> to !relax.tensor<[k], f32>
  }
  // expected-error @+1 {{'relax.shape' op uses symbolic variable 'k' before it is defined}}
  %s = relax.shape [k]
  return
}

// -----

func.func @call_packed_unranked(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{result 0 needs a known rank (the caller provides its shape array), got '!relax.tensor<*, f32>'}}
  %a = relax.call_packed "user.f"(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<*, f32>
  return
}

// -----

func.func @call_packed_name(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee name must not be empty}}
  relax.call_packed ""(%x) : (!relax.tensor<[n], f32>) -> ()
  return
}

// -----

// Variable names are C identifiers: the runtime reads them from metadata.
// expected-error @+1 {{symbolic variable names are C identifiers ([A-Za-z_][A-Za-z0-9_]*), got 'a.b'}}
func.func @dotted_var(%x: !relax.tensor<[a.b], f32>) attributes {relax.function} {
  return
}

// -----

// expected-error @+1 {{'min' is a function (min(a, b, ...)), not a variable name}}
func.func @min_var(%x: !relax.tensor<[min], f32>) attributes {relax.function} {
  return
}

// -----

func.func @bad_callee(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee 'lib fn' is not a dotted identifier (like mlc.blas.sgemm), which the runtime's registry and metadata name functions by}}
  %y = relax.call_dps_packed "lib fn"(%x) : (!relax.tensor<[4], f32>) -> !relax.tensor<[4], f32>
  return
}

// -----

func.func @bad_callee_dot(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee 'lib..fn' is not a dotted identifier}}
  %y = relax.call_packed "lib..fn"(%x) : (!relax.tensor<[4], f32>) -> !relax.tensor<[4], f32>
  return
}

// -----

// Facts no value satisfies would make every comparison provable.
// expected-error @+1 {{contradictory facts about 'n': no multiple of 32 lies in its bounds [1, 31]}}
func.func @contradictory_facts(%x: !relax.tensor<[n], f32>) attributes {relax.function, relax.sym_bounds = {n = array<i64: 1, 31>}, relax.sym_divisible = {n = 32}} {
  return
}
