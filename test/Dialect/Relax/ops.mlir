// RUN: mlc-opt %s | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | mlc-opt | FileCheck %s

// Types: constant, symbolic, unknown dims; unknown rank; the dtypes.

// CHECK-LABEL: func.func @tensor_types
// CHECK-SAME: !relax.tensor<[n, 2 * n], f32>
// CHECK-SAME: !relax.tensor<[?, 4096], f16>
// CHECK-SAME: !relax.tensor<[], i64>
// CHECK-SAME: !relax.tensor<*, bf16>
// CHECK-SAME: !relax.tensor<[(n + 31) floordiv 32, n mod 8, min(n, 64)], ui8>
// CHECK-SAME: !relax.tensor<[m * n, m ceildiv 4, max(m, 4)], i1>
// min and max parse n-ary, as mlc::sym::parseExpr (pass options) does; they
// print binary.
// CHECK-SAME: !relax.tensor<[min(m, min(n, 4)), max(k, max(m, max(n, 2)))], f32>
func.func @tensor_types(%a: !relax.tensor<[n, 2 * n], f32>,
                        %b: !relax.tensor<[?, 4096], f16>,
                        %c: !relax.tensor<[], i64>,
                        %d: !relax.tensor<*, bf16>,
                        %e: !relax.tensor<[(n + 31) floordiv 32, n mod 8, min(n, 64)], ui8>,
                        %f: !relax.tensor<[m * n, m ceildiv 4, max(4, m)], i1>,
                        %g: !relax.tensor<[min(n, m, 4), max(max(m, 2), n, k)], f32>) attributes {relax.function} {
  return
}

// Equal expressions print identically: the canonical form.

// CHECK-LABEL: func.func @canonical_dims
// CHECK-SAME: !relax.tensor<[2 * n, n, n + 1], f64>
func.func @canonical_dims(%a: !relax.tensor<[n + n, (2 * n) floordiv 2, 1 + n], f64>) attributes {relax.function} {
  return
}

// CHECK-LABEL: func.func @shape_and_object
// CHECK-SAME: !relax.shape<[n, 4]>
// CHECK-SAME: !relax.shape<*>
// CHECK-SAME: !relax.object
// CHECK-SAME: tuple<!relax.tensor<[n], i8>, !relax.shape<[n]>>
func.func @shape_and_object(%s: !relax.shape<[n, 4]>, %t: !relax.shape<*>,
                            %o: !relax.object,
                            %u: tuple<!relax.tensor<[n], i8>, !relax.shape<[n]>>) attributes {relax.function} {
  return
}

tir.prim_func @add(%x: memref<?xf32>, %y: memref<?xf32>, %out: memref<?xf32>) {
  tir.return
}

tir.prim_func @tile(%x: memref<?xf32>, %out: memref<?xf32>, %n: index, %n2: index) {
  tir.return
}

tir.prim_func @relu_(%x: memref<?x4xf32>) {
  tir.return
}

// CHECK-LABEL: func.func @calls
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>, %[[M:.*]]: !relax.tensor<[n, 4], f32>)
func.func @calls(%x: !relax.tensor<[n], f32>, %m: !relax.tensor<[n, 4], f32>)
    -> (!relax.tensor<[n], f32>, !relax.tensor<[2 * n], f32>,
        !relax.tensor<[n, 4], f32>, !relax.tensor<[n, n], f32>) attributes {relax.function} {
  // CHECK: %[[SUM:.*]] = relax.call_tir @add(%[[X]], %[[X]]) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %sum = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  // CHECK: %[[TILED:.*]] = relax.call_tir @tile(%[[SUM]]) tir_vars [n, 2 * n] : (!relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32>
  %tiled = relax.call_tir @tile(%sum) tir_vars [n, 2 * n] : (!relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32>
  // CHECK: %[[RELU:.*]] = relax.call_tir_inplace @relu_(%[[M]]) inplace [0] : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  %relu = relax.call_tir_inplace @relu_(%m) inplace [0] : (!relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, 4], f32>
  // CHECK: %[[GEMM:.*]] = relax.call_dps_packed "mlc.cpu.matmul"(%[[RELU]], %[[RELU]]) : (!relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, n], f32>
  %gemm = relax.call_dps_packed "mlc.cpu.matmul"(%relu, %relu) : (!relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>) -> !relax.tensor<[n, n], f32>
  // CHECK: return %[[SUM]], %[[TILED]], %[[RELU]], %[[GEMM]]
  return %sum, %tiled, %relu, %gemm : !relax.tensor<[n], f32>, !relax.tensor<[2 * n], f32>, !relax.tensor<[n, 4], f32>, !relax.tensor<[n, n], f32>
}

// A signature dim linear in one variable defines it: `2 * k` defines `k`.
// CHECK-LABEL: func.func @linear_dim_defines
func.func @linear_dim_defines(%x: !relax.tensor<[2 * k], f32>) -> !relax.shape<[k, 2 * k]> attributes {relax.function} {
  // CHECK: relax.shape [k, 2 * k]
  %s = relax.shape [k, 2 * k]
  return %s : !relax.shape<[k, 2 * k]>
}

// match_cast defines `m`; later ops may use it.

// CHECK-LABEL: func.func @match_cast_defines
// A result type may only use what the arguments define: `?` here.
func.func @match_cast_defines(%x: !relax.tensor<[?, ?], f32>) -> !relax.shape<[?, ?]> attributes {relax.function} {
  // CHECK: %[[CAST:.*]] = relax.match_cast %{{.*}} : !relax.tensor<[?, ?], f32> to !relax.tensor<[m, 2 * m], f32>
  %t = relax.match_cast %x : !relax.tensor<[?, ?], f32> to !relax.tensor<[m, 2 * m], f32>
  // CHECK: %[[SHAPE:.*]] = relax.shape_of %[[CAST]] : !relax.tensor<[m, 2 * m], f32>
  %s = relax.shape_of %t : !relax.tensor<[m, 2 * m], f32>
  // CHECK: %[[ERASED:.*]] = relax.match_cast %[[SHAPE]] : !relax.shape<[m, 2 * m]> to !relax.shape<[?, ?]>
  // CHECK: return %[[ERASED]] : !relax.shape<[?, ?]>
  %r = relax.match_cast %s : !relax.shape<[m, 2 * m]> to !relax.shape<[?, ?]>
  return %r : !relax.shape<[?, ?]>
}

// CHECK-LABEL: func.func @shapes_and_constants
func.func @shapes_and_constants(%x: !relax.tensor<*, f32>) -> (!relax.shape<*>, !relax.shape<[?, ?]>, !relax.tensor<[2, 2], f32>, !relax.object)
    attributes {relax.function, relax.sym_bounds = {n = array<i64: 1, 4096>}, relax.sym_divisible = {n = 32 : i64}} {
  // CHECK: relax.shape_of %{{.*}} : !relax.tensor<*, f32>
  %s = relax.shape_of %x : !relax.tensor<*, f32>
  // CHECK: %[[SHAPE:.*]] = relax.match_cast %{{.*}} : !relax.shape<*> to !relax.shape<[n, ?]>
  %t = relax.match_cast %s : !relax.shape<*> to !relax.shape<[n, ?]>
  // CHECK: relax.shape [n, n + 1]
  %u = relax.shape [n, n + 1]
  // CHECK: relax.constant dense<{{.*}}> : tensor<2x2xf32>
  %c = relax.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  // CHECK: relax.match_cast %{{.*}} : !relax.tensor<[2, 2], f32> to !relax.object
  %o = relax.match_cast %c : !relax.tensor<[2, 2], f32> to !relax.object
  %v = relax.match_cast %u : !relax.shape<[n, n + 1]> to !relax.shape<[?, ?]>
  return %s, %v, %c, %o : !relax.shape<*>, !relax.shape<[?, ?]>, !relax.tensor<[2, 2], f32>, !relax.object
}

// CHECK-LABEL: func.func @dataflow
func.func @dataflow(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // CHECK: %[[OUT:.*]]:2 = relax.dataflow -> !relax.tensor<[n], f32>, !relax.shape<[n]> {
  %out:2 = relax.dataflow -> !relax.tensor<[n], f32>, !relax.shape<[n]> {
    // CHECK: %[[SUM:.*]] = relax.call_tir @add
    %0 = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    %1 = relax.shape_of %0 : !relax.tensor<[n], f32>
    // CHECK: relax.output %[[SUM]], %{{.*}} : !relax.tensor<[n], f32>, !relax.shape<[n]>
    relax.output %0, %1 : !relax.tensor<[n], f32>, !relax.shape<[n]>
  }
  // CHECK: return %[[OUT]]#0
  return %out#0 : !relax.tensor<[n], f32>
}

// INT64_MIN, which has no positive counterpart, round-trips.

// CHECK-LABEL: func.func @extreme_constants
// CHECK: relax.shape [n + -9223372036854775808, -9223372036854775808 * n, -3, 5 - n]
func.func @extreme_constants(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  %s = relax.shape [n - 9223372036854775808, -9223372036854775808 * n, -3, 5 - n]
  return
}

// A minus before a negative literal or a variable.

// CHECK-LABEL: func.func @double_minus
// CHECK: relax.shape [n + 5, m + n, n, 13, -7, -3]
func.func @double_minus(%x: !relax.tensor<[n], f32>, %y: !relax.tensor<[m], f32>) attributes {relax.function} {
  %s = relax.shape [n - -5, n - -m, - -n, 10 - -3, -(3 + 4), -min(3, 4)]
  return
}

// Variables a dataflow region's casts define may appear in its results.

// CHECK-LABEL: func.func @dataflow_defines
// CHECK: relax.dataflow -> !relax.tensor<[m], f32>
func.func @dataflow_defines(%x: !relax.tensor<[?], f32>) -> !relax.shape<[?]> attributes {relax.function} {
  %y = relax.dataflow -> !relax.tensor<[m], f32> {
    %t = relax.match_cast %x : !relax.tensor<[?], f32> to !relax.tensor<[m], f32>
    relax.output %t : !relax.tensor<[m], f32>
  }
  %s = relax.shape_of %y : !relax.tensor<[m], f32>
  %r = relax.match_cast %s : !relax.shape<[m]> to !relax.shape<[?]>
  return %r : !relax.shape<[?]>
}

// Tuples match element by element.

// CHECK-LABEL: func.func @tuple_cast
// CHECK: relax.match_cast %{{.*}} : tuple<!relax.tensor<[?], f32>, !relax.shape<*>> to tuple<!relax.tensor<[k], f32>, !relax.shape<[k]>>
func.func @tuple_cast(%x: tuple<!relax.tensor<[?], f32>, !relax.shape<*>>) attributes {relax.function} {
  %t = relax.match_cast %x : tuple<!relax.tensor<[?], f32>, !relax.shape<*>> to tuple<!relax.tensor<[k], f32>, !relax.shape<[k]>>
  return
}

// Tuples are built and taken apart; the types are inferred.

// CHECK-LABEL: func.func @tuples
// CHECK: %[[T:.*]] = relax.tuple %{{.*}}, %{{.*}} : !relax.tensor<[n], f32>, !relax.shape<[n]>
// CHECK: %[[NESTED:.*]] = relax.tuple %[[T]] : tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>>
// CHECK: relax.tuple_get_item %[[NESTED]][0] : tuple<tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>>>
// CHECK: relax.tuple_get_item %{{.*}}[1] : tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>>
// CHECK: relax.tuple{{$}}
func.func @tuples(%x: !relax.tensor<[n], f32>) -> !relax.shape<[n]> attributes {relax.function} {
  %s = relax.shape [n]
  %t = relax.tuple %x, %s : !relax.tensor<[n], f32>, !relax.shape<[n]>
  %nested = relax.tuple %t : tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>>
  %inner = relax.tuple_get_item %nested[0] : tuple<tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>>>
  %shape = relax.tuple_get_item %inner[1] : tuple<!relax.tensor<[n], f32>, !relax.shape<[n]>>
  %empty = relax.tuple
  return %shape : !relax.shape<[n]>
}

// Arguments that are model parameters name them.

// CHECK-LABEL: func.func @params
// CHECK-SAME: {relax.param = "fc1.weight"}
// CHECK-SAME: {relax.param = "model/layers.0:bias-1"}
func.func @params(%x: !relax.tensor<[n, 4], f32>,
                  %w: !relax.tensor<[4, 3], f32> {relax.param = "fc1.weight"},
                  %b: !relax.tensor<[3], f32> {relax.param = "model/layers.0:bias-1"}) attributes {relax.function} {
  return
}

// A packed function that allocates its results; not pure.

// Objects in and out of packed calls.
// CHECK-LABEL: func.func @call_packed_objects
// CHECK: %[[CACHE:.*]] = relax.call_packed "user.cache_new"() : () -> !relax.object
// CHECK: relax.call_packed "user.cache_append"(%[[CACHE]], %{{.*}}) : (!relax.object, !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
func.func @call_packed_objects(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  %c = relax.call_packed "user.cache_new"() : () -> !relax.object
  %y = relax.call_packed "user.cache_append"(%c, %x) : (!relax.object, !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
  return
}

// CHECK-LABEL: func.func @call_packed
// CHECK: %{{.*}}:2 = relax.call_packed "user.split"(%{{.*}}) : (!relax.tensor<[n], f32>) -> (!relax.tensor<[?], f32>, !relax.tensor<[2], i64>)
// CHECK: relax.call_packed "user.log"(%{{.*}}) : (!relax.tensor<[n], f32>) -> ()
func.func @call_packed(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  %a:2 = relax.call_packed "user.split"(%x) : (!relax.tensor<[n], f32>) -> (!relax.tensor<[?], f32>, !relax.tensor<[2], i64>)
  relax.call_packed "user.log"(%x) : (!relax.tensor<[n], f32>) -> ()
  return
}

/// A kernel with a symbolic signature, called with constant and with
/// symbolic shapes: [n, m] -> [n * m] matches [16, 16] -> [256] and, with
/// n = a and m = b from tir_vars, [a, b] -> [a * b].
// CHECK-LABEL: func.func @signature_calls
// CHECK: relax.call_tir @flatten(%{{.*}}) tir_vars [16, 16] : (!relax.tensor<[16, 16], f32>) -> !relax.tensor<[256], f32>
// CHECK: relax.call_tir @flatten(%{{.*}}) tir_vars [a, b] : (!relax.tensor<[a, b], f32>) -> !relax.tensor<[a * b], f32>
tir.prim_func @flatten(%x: memref<?x?xf32>, %out: memref<?xf32>, %n: index, %m: index)
    attributes {sym_shapes = [#mlc.shape<[n, m]>, #mlc.shape<[n * m]>], sym_vars = #mlc.shape<[n, m]>} {
  tir.return
}

func.func @signature_calls(%x: !relax.tensor<[16, 16], f32>, %y: !relax.tensor<[a, b], f32>)
    attributes {relax.function} {
  %f = relax.call_tir @flatten(%x) tir_vars [16, 16] : (!relax.tensor<[16, 16], f32>) -> !relax.tensor<[256], f32>
  %g = relax.call_tir @flatten(%y) tir_vars [a, b] : (!relax.tensor<[a, b], f32>) -> !relax.tensor<[a * b], f32>
  return
}
