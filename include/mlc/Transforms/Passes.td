//===- Passes.td - mlc passes that no dialect owns ---------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The target and math passes; relax's and tir's own passes live with their
// dialects (mlc/Dialect/{Relax,TIR}/Transforms/Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TRANSFORMS_PASSES_TD
#define MLC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def MLCSetTargetPass : Pass<"mlc-set-target", "::mlir::ModuleOp"> {
  let summary = "Attach the machine to compile for as `mlc.target`";
  let description = [{
    Sets the module attribute `mlc.target` (a `#tir.target`) that schedules
    and code generation read, unless the module already has one. With
    `cpu=host` (the default) the triple, CPU name and features are those of
    the machine the compiler runs on, as LLVM detects them; otherwise
    `cpu`, `features` and `triple` give them (`triple` defaults to LLVM's
    default triple).

    ```
    mlc-opt --mlc-set-target                       # the host
    mlc-opt --mlc-set-target="cpu=znver3 features=+avx2,+fma"
    ```

    Malformed features (not `+name`/`-name`) are an error.
  }];
  let options = [
    Option<"cpu", "cpu", "std::string", /*default=*/"\"host\"",
           "LLVM CPU name, or `host` for the machine the compiler runs on">,
    Option<"features", "features", "std::string", /*default=*/"\"\"",
           "LLVM subtarget features (`+avx2,+fma`); from the host with "
           "cpu=host">,
    Option<"triple", "triple", "std::string", /*default=*/"\"\"",
           "LLVM target triple (default: LLVM's default triple)">,
  ];
  let dependentDialects = ["::mlc::tir::TIRDialect"];
}

def MLCApproximateMathPass : Pass<"mlc-approximate-math"> {
  let summary = "Replace math functions by polynomials that vectorize";
  let description = [{
    Rewrites `math` functions that CPUs have no instruction for into
    `arith` polynomial approximations (upstream's, accurate to a few ulp in
    f32; f16 and bf16 compute in f32), so that LLVM vectorizes loops that
    call them instead of calling libm once per element. Only the functions
    in `functions` (op mnemonics) are rewritten; f64 is left to libm.

    ```
    mlc-opt --mlc-approximate-math="functions=exp,tanh"
    ```
  }];
  let options = [
    ListOption<"functions", "functions", "std::string",
               "math op mnemonics to approximate (default: exp, expm1, log, "
               "log1p, log2, tanh, erf, sin, cos, rsqrt)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::vector::VectorDialect"];
}

#endif // MLC_TRANSFORMS_PASSES_TD
