// RUN: mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=-5" -verify-diagnostics
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n=(4" 2>&1 | FileCheck %s --check-prefix=SYNTAX

// SYNTAX: relax-bind-symbolic-vars: bad binding

// A binding that makes a dimension negative is rejected and the IR is left
// as it was.
// expected-error @+1 {{cannot bind symbolic variables: dimension 'n' becomes -5, a negative size}}
module {
  func.func @negative(%x: !relax.tensor<[n], f32>) {
    return
  }
}

// -----

// expected-error @+1 {{cannot bind symbolic variables}}
module {
  func.func @div_zero(%x: !relax.tensor<[m floordiv (n + 5)], f32>) {
    return
  }
}
