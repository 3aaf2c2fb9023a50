// RUN: mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=128,a=7,b=7" | FileCheck %s
// RUN: mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=2*m" | FileCheck %s --check-prefix=EXPR

tir.prim_func @tile(%x: memref<?x?xf32>, %out: memref<?xf32>, %a: index, %b: index) {
  tir.return
}

// CHECK-LABEL: func.func @bind
// CHECK-SAME: (%{{.*}}: !relax.tensor<[128, 129], f32>, %{{.*}}: !relax.tensor<[m], f32>) -> !relax.tensor<[256], f32>
// CHECK: relax.call_tir @tile(%{{.*}}) tir_vars [128, 256] : (!relax.tensor<[128, 129], f32>) -> !relax.tensor<[256], f32>
// EXPR-LABEL: func.func @bind
// EXPR-SAME: (%{{.*}}: !relax.tensor<[2 * m, 2 * m + 1], f32>, %{{.*}}: !relax.tensor<[m], f32>) -> !relax.tensor<[4 * m], f32>
// EXPR: relax.call_tir @tile(%{{.*}}) tir_vars [2 * m, 4 * m]
func.func @bind(%x: !relax.tensor<[n, n + 1], f32>, %w: !relax.tensor<[m], f32>) -> !relax.tensor<[2 * n], f32> attributes {relax.function} {
  %y = relax.call_tir @tile(%x) tir_vars [n, 2 * n] : (!relax.tensor<[n, n + 1], f32>) -> !relax.tensor<[2 * n], f32>
  return %y : !relax.tensor<[2 * n], f32>
}

// -----

// Variables that are not bound stay symbolic; shapes are rewritten too.

// CHECK-LABEL: func.func @partial
// CHECK-SAME: !relax.tensor<[128, m], f32>
// CHECK: relax.shape [128 * m]
// EXPR-LABEL: func.func @partial
// EXPR-SAME: !relax.tensor<[2 * m, m], f32>
// EXPR: relax.shape [2 * m * m]
func.func @partial(%x: !relax.tensor<[n, m], f32>) -> !relax.shape<[n * m]> attributes {relax.function} {
  %s = relax.shape [n * m]
  return %s : !relax.shape<[n * m]>
}

// -----

// Binding makes an inferred type more precise: `[a] + [b]` is `[?]`, but
// `[7] + [7]` is `[7]`. The function's declared result type is kept through
// a match_cast.

// CHECK-LABEL: func.func @refine
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[7], f32>, %[[Y:.*]]: !relax.tensor<[7], f32>) -> !relax.tensor<[?], f32>
// CHECK: %[[SUM:.*]] = relax.add %[[X]], %[[Y]] : !relax.tensor<[7], f32>, !relax.tensor<[7], f32>
// CHECK: %[[CAST:.*]] = relax.match_cast %[[SUM]] : !relax.tensor<[7], f32> to !relax.tensor<[?], f32>
// CHECK: return %[[CAST]]
// EXPR-LABEL: func.func @refine
// EXPR: relax.add %{{.*}}, %{{.*}} : !relax.tensor<[a], f32>, !relax.tensor<[b], f32>
func.func @refine(%x: !relax.tensor<[a], f32>, %y: !relax.tensor<[b], f32>) -> !relax.tensor<[?], f32> attributes {relax.function} {
  %z = relax.add %x, %y : !relax.tensor<[a], f32>, !relax.tensor<[b], f32>
  return %z : !relax.tensor<[?], f32>
}
