// RUN: mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=-5" -verify-diagnostics
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n=(4" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n=1,n=2" 2>&1 | FileCheck %s --check-prefix=TWICE
// RUN: not mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=n+1" 2>&1 | FileCheck %s --check-prefix=SELF

// SYNTAX: relax-bind-symbolic-vars: bad binding
// TWICE: relax-bind-symbolic-vars: 'n' is bound twice
// SELF: cannot bind symbolic variables: the value of 'n' uses 'n', which is bound too

// A binding that makes a dimension negative is rejected and the IR is left
// as it was.
// expected-error @+1 {{cannot bind symbolic variables: dimension 'n' becomes -5, a negative size}}
module {
  func.func @negative(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
    return
  }
}

// -----

// expected-error @+1 {{cannot bind symbolic variables}}
module {
  func.func @div_zero(%x: !relax.tensor<[m floordiv (n + 5)], f32>) attributes {relax.function} {
    return
  }
}
