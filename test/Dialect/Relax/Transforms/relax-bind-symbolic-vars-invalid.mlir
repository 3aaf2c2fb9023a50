// RUN: mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=-5" -verify-diagnostics
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n=(4" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not mlc-opt %s --relax-bind-symbolic-vars="bindings=n=1,n=2" 2>&1 | FileCheck %s --check-prefix=TWICE
// RUN: not mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=n+1" 2>&1 | FileCheck %s --check-prefix=SELF
// RUN: not mlc-opt %s -split-input-file --relax-bind-symbolic-vars="bindings=n=-5" 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOCATED --implicit-check-not="see current operation"

// SYNTAX: relax-bind-symbolic-vars: bad binding
// TWICE: relax-bind-symbolic-vars: 'n' is bound twice
// SELF: cannot bind symbolic variables: the value of 'n' uses 'n', which is bound too
// Errors point at the function, and the module is not printed.
// LOCATED: relax-bind-symbolic-vars-invalid.mlir:[[#@LINE+6]]:3: error: cannot bind symbolic variables in @negative

// A binding that makes a dimension negative is rejected and the IR is left
// as it was.
module {
  // expected-error @+1 {{cannot bind symbolic variables in @negative: dimension 'n' becomes -5, a negative size}}
  func.func @negative(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
    return
  }
}

// -----

module {
  // expected-error @+1 {{cannot bind symbolic variables in @div_zero: division by zero (dividend: 'm')}}
  func.func @div_zero(%x: !relax.tensor<[m floordiv (n + 5)], f32>) attributes {relax.function} {
    return
  }
}
