//===- Passes.td - relax passes ----------------------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_TRANSFORMS_PASSES_TD
#define MLC_DIALECT_RELAX_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

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

def RelaxLegalizePass : Pass<"relax-legalize", "::mlir::ModuleOp"> {
  let summary = "Rewrite high-level relax operators into calls of generated "
                "tensor programs";
  let description = [{
    TVM's `LegalizeOps`: every high-level relax operator (`relax.add`,
    `relax.matmul`, `relax.softmax`, ...) becomes a `relax.call_tir` of a
    generated `tir.prim_func`: readable TensorIR (serial `tir.for` loops
    around `tir.block`s with spatial and reduce iteration variables, `init`
    regions for reductions) that schedule passes can transform.

    ```mlir
    %z = relax.add %x, %y : !relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>
    ```

    becomes

    ```mlir
    tir.prim_func private @add(%x: memref<?x4xf32>, %y: memref<4xf32>,
                               %out: memref<?x4xf32>, %n: index) { ... }
    ...
    %z = relax.call_tir @add(%x, %y) tir_vars [n]
        : (!relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>)
        -> !relax.tensor<[n, 4], f32>
    ```

    Kernel parameters are the input buffers, the output buffers (memrefs
    whose symbolic dims are `?`), then one `index` per symbolic variable of
    the operand and result types, passed by the call's `tir_vars`; so one
    kernel serves every value of the variables. Kernels are generated once
    per distinct (operator, attributes, symbolic signature), where the
    signature is compared up to a renaming of the variables: `[n, 4]` and
    `[m, 4]` share a kernel. They are named after the operator (`add`,
    `add_1`, ...) and placed before the function that first uses them.

    Broadcasting is decided from the types: a dim that is the constant 1
    where the result's is not broadcasts, an equal dim indexes. An operator
    that cannot be legalized (an undecidable broadcast, an unknown rank, a
    result dim that is unknown, matmul contraction dims or reshape element
    counts that are not provably equal, an unsupported element type, or an
    operator without a lowering yet) gets an error that starts with
    `cannot legalize:`, the other operators are still rewritten, and the
    pass fails. docs/Pipelines.md describes the kernel of each operator.
  }];
  let dependentDialects = [
    "::mlc::tir::TIRDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect",
    "::mlc::relax::RelaxDialect",
  ];
}

def RelaxToExplicitMemoryPass
    : Pass<"relax-to-explicit-memory", "::mlir::ModuleOp"> {
  let summary = "Make allocation, views and lifetimes explicit in relax";
  let description = [{
    Rewrites every destination-passing call of a relax function into
    explicit memory (TVM's VM memory lowering):

    * each fresh output of `relax.call_tir`, `relax.call_tir_inplace` and
      `relax.call_dps_packed` gets a `relax.alloc_storage` (its size in
      bytes as a symbolic expression, alignment 64, on the function's
      device) and a `relax.alloc_tensor` viewing it; the call becomes
      `relax.invoke_tir` / `relax.invoke_packed` writing those tensors; an
      in-place output is its input;
    * after the last use of each tensor (through `relax.match_cast`s of it)
      come `relax.kill_tensor` and `relax.kill_storage`, so every
      intermediate is freed as soon as it is dead, not at return;
    * a returned tensor is handed to the caller and never killed; a returned
      value the function does not own (an argument, a constant, a value
      returned twice) is first copied (`relax.copy`) into a fresh storage,
      so every result owns its buffer (runtime ABI v2);
    * calls may sit inside `scf.if`, `scf.index_switch` and `scf.for`: a
      region op whose regions yield a buffer they allocated owns its result
      at that position (each region hands its value over, copying what it
      does not own), and a loop's iteration argument there owns its buffer,
      killed in the body once dead; the initial value moves in when unused
      after the loop, or is copied;
    * in a function of several blocks, a block argument owns its buffer, a
      branch hands a buffer over where it is dead after the edge (or copies
      it there), and each value is killed where liveness says it dies: in
      its block, or on the edges into blocks where it is dead.

    `relax.dataflow` regions are inlined first (explicit memory is not pure
    dataflow). A function's device is its `relax.device` attribute
    (`#relax.device<cpu>` when absent); every call of the function runs
    there and its storages live there.

    ```
    mlc-opt --relax-legalize --relax-to-explicit-memory
    ```
  }];
  let dependentDialects = ["::mlc::relax::RelaxDialect"];
}

#endif // MLC_DIALECT_RELAX_TRANSFORMS_PASSES_TD
