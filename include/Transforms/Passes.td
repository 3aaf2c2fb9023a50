//===- Passes.td - mlc transformation passes ---------------*- tablegen -*-===//

#ifndef MLC_TRANSFORMS_PASSES_TD
#define MLC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// relax passes
//===----------------------------------------------------------------------===//

def RelaxBindSymbolicVarsPass
    : Pass<"relax-bind-symbolic-vars"> {
  let summary = "Specialize symbolic shape variables to given values";
  let description = [{
    Replaces symbolic variables by the given values (TVM's
    `BindSymbolicVars`) in every relax type and symbolic attribute of a
    function, including its signature, and re-canonicalizes the expressions.
    A value may be an integer or a symbolic expression over other variables.

    ```
    mlc-opt --relax-bind-symbolic-vars="bindings=n=128,m=2*k"
    ```

    turns `!relax.tensor<[n, n + 1], f32>` into `!relax.tensor<[128, 129], f32>`.
    A binding that would make a dimension negative or divide by zero is an
    error, and the function is left unchanged.
  }];
  let options = [
    ListOption<"bindings", "bindings", "std::string",
               "Comma-separated `name=value` pairs">,
  ];
  let dependentDialects = ["::mlc::relax::RelaxDialect"];
}

#endif // MLC_TRANSFORMS_PASSES_TD
