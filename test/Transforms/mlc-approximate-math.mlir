// RUN: mlc-opt %s -split-input-file --mlc-approximate-math | FileCheck %s
// RUN: mlc-opt %s -split-input-file --mlc-approximate-math="functions=tanh" | FileCheck %s --check-prefix=ONLY-TANH

/// f32 exp becomes a polynomial in arith ops (no libm call left), also on
/// vectors; f64 stays a math.exp (libm).

// CHECK-LABEL: func.func @exp_f32
// CHECK-NOT: math.exp
// CHECK: arith.mulf
// CHECK: return
// ONLY-TANH-LABEL: func.func @exp_f32
// ONLY-TANH: math.exp
func.func @exp_f32(%x: f32) -> f32 {
  %y = math.exp %x : f32
  return %y : f32
}

// CHECK-LABEL: func.func @exp_vector
// CHECK-NOT: math.exp
// CHECK: arith.mulf {{.*}} : vector<8xf32>
func.func @exp_vector(%x: vector<8xf32>) -> vector<8xf32> {
  %y = math.exp %x : vector<8xf32>
  return %y : vector<8xf32>
}

// CHECK-LABEL: func.func @exp_f64
// CHECK: math.exp %{{.*}} : f64
func.func @exp_f64(%x: f64) -> f64 {
  %y = math.exp %x : f64
  return %y : f64
}

// -----

/// tanh and f16 (computed in f32).

// CHECK-LABEL: func.func @tanh_f16
// CHECK-NOT: math.tanh
// CHECK: arith.extf
// CHECK: arith.truncf
// ONLY-TANH-LABEL: func.func @tanh_f16
// ONLY-TANH-NOT: math.tanh
func.func @tanh_f16(%x: f16) -> f16 {
  %y = math.tanh %x : f16
  return %y : f16
}
