//===- Passes.td - mlc passes that no dialect owns ---------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The target, math and transform-script passes; relax's and tir's own
// passes live with their dialects (mlc/Dialect/{Relax,TIR}/Transforms/
// Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TRANSFORMS_PASSES_TD
#define MLC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def MLCSetTargetPass : Pass<"mlc-set-target", "::mlir::ModuleOp"> {
  let summary = "Attach the machine to compile for as `mlc.target`";
  let description = [{
    Sets the module attribute `mlc.target` (a `#mlc.target`) that schedules
    and code generation read, unless the module already has one.

    * `kind=cpu` (the default): with `arch=host` (the default) the triple,
      CPU name, features, cache sizes and core count are those of the
      machine the compiler runs on, as LLVM and the OS report them;
      otherwise `arch`, `features` and `triple` give them (`triple`
      defaults to LLVM's default triple);
    * `kind=cuda`: `arch` is the SM (`sm_80`, `sm_90a`; `host` means
      `sm_80`), `features` the PTX version (`+ptx80`); warp size 32;
    * `kind=vulkan`: `arch` is the SPIR-V version (`v1.3`; `host` means
      `v1.3`), `features` its capabilities and extensions (`+Shader` by
      default).

    ```
    mlc-opt --mlc-set-target                       # the host CPU
    mlc-opt --mlc-set-target="arch=znver3 features=+avx2,+fma"
    mlc-opt --mlc-set-target="kind=cuda arch=sm_90a features=+ptx80"
    ```

    Parameters the target kind rejects (see `#mlc.target`) are an error.
  }];
  let options = [
    Option<"kind", "kind", "::mlc::TargetKind", /*default=*/"::mlc::TargetKind::cpu",
           "The kind of machine", [{::llvm::cl::values(
             clEnumValN(::mlc::TargetKind::cpu, "cpu", "a CPU (native code)"),
             clEnumValN(::mlc::TargetKind::cuda, "cuda", "an NVIDIA GPU"),
             clEnumValN(::mlc::TargetKind::vulkan, "vulkan", "a Vulkan device"))}]>,
    Option<"arch", "arch", "std::string", /*default=*/"\"host\"",
           "LLVM CPU name, CUDA SM or SPIR-V version; `host` for the "
           "machine the compiler runs on (a CPU) or a baseline (a GPU)">,
    Option<"features", "features", "std::string", /*default=*/"\"\"",
           "Features (`+avx2,+fma`, `+ptx80`, `+Shader`); from the host with "
           "a CPU and arch=host">,
    Option<"triple", "triple", "std::string", /*default=*/"\"\"",
           "LLVM target triple (default: LLVM's default triple for a CPU)">,
  ];
  let dependentDialects = ["::mlc::MLCDialect"];
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

def MLCCheckTransformScriptsPass
    : Pass<"mlc-check-transform-scripts", "::mlir::ModuleOp"> {
  let summary = "Refuse named sequences that the transform interpreter "
                "cannot apply";
  let description = [{
    Every op directly in the body of a `transform.named_sequence` (but its
    terminator) must implement TransformOpInterface: the interpreter
    applies each through it. MLIR 22 verifies this for `transform.sequence`
    but not for named sequences, and the interpreter then crashes on any
    other op. The pass reports each such op with an error and fails.
    mlc-opt runs it before every pipeline, so `--transform-interpreter`
    never sees one.
  }];
}

#endif // MLC_TRANSFORMS_PASSES_TD
