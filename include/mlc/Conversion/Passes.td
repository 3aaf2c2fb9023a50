//===- Passes.td - mlc conversion passes -------------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Passes that lower mlc's dialects into upstream MLIR dialects.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_CONVERSION_PASSES_TD
#define MLC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// TIRToSCF
//===----------------------------------------------------------------------===//

def ConvertTIRToSCFPass : Pass<"convert-tir-to-scf", "::mlir::ModuleOp"> {
  let summary = "Lower tir kernels for the CPU to func, scf, memref and arith";
  let description = [{
    Lowers every `tir.prim_func` to a `func.func` that upstream
    `convert-scf-to-cf` and `convert-to-llvm` take from there:

    - `tir.prim_func` becomes a `func.func` with the same name, visibility,
      parameters and attributes, marked `llvm.emit_c_interface` so that C
      callers can use `_mlir_ciface_<name>`. `tir.return` becomes
      `func.return`.
    - `tir.for` becomes `scf.for`; a `parallel` loop becomes `scf.parallel`.
      `vectorized` and `unrolled` loops run serially (they are hints) and keep
      their kind in a `tir.loop_kind` attribute; loop annotations move to a
      `tir.annotations` attribute.
    - `tir.block` runs its body in place, with its iteration variables
      replaced by their bindings, under `scf.if` on its predicate. The `init`
      region runs first, under `scf.if` on every `reduce` variable being 0.
    - `tir.alloc_buffer` becomes `memref.alloc`, freed by a `memref.dealloc`
      at the end of the block body, loop body or function that allocates it.
    - Buffer types lose their `#tir.scope<global>` and `#tir.scope<local>`
      memory spaces, in every op of the module.

    ```mlir
    tir.for %k = %c0 to %c64 {
      tir.block "C" (%vi: spatial[128] = %i, %vj: spatial[128] = %j,
                     %vk: reduce[64] = %k) ... init { <init> } { <body> }
    }
    ```

    becomes

    ```mlir
    scf.for %k = %c0 to %c64 step %c1 {
      %first = arith.cmpi eq, %k, %c0 : index
      scf.if %first { <init> }
      <body>
    }
    ```

    Then elements of the buffers the kernels allocate (only loaded, stored
    and freed, so nothing else can touch them) stay in registers in every
    `scf.for`: a load at indices defined outside the loop that no store in
    the loop writes moves in front of the loop, and an accumulator `B[I] =
    B[I] op x` with its init branch becomes a loop-carried value (the init
    when the loop runs, else the element) stored once after the loop
    (`mlc::replaceScalarsOfPrivateBuffers`). LLVM cannot do this itself:
    behind an OpenMP region it cannot prove that the buffers do not alias
    the parameters, and the reductions then neither stay in registers nor
    vectorize.

    Kernels for the GPU are out of scope: `thread_binding` loops and
    `#tir.scope<shared>` buffers are errors, reported before anything changes.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
}

//===----------------------------------------------------------------------===//
// RelaxToHost
//===----------------------------------------------------------------------===//

def RelaxToHostPass : Pass<"relax-to-host", "::mlir::ModuleOp"> {
  let summary = "Lower relax functions in explicit-memory form to host code "
                "that follows the runtime ABI v2";
  let description = [{
    Converts every relax function (after `relax-to-explicit-memory`, with
    its kernels already `func.func`s) into host code over memrefs, through a
    type converter and upstream's structural patterns (so `scf.if`/`scf.for`
    over relax values and several blocks convert too):

    * `!relax.tensor<[n, 4], f32>` becomes `memref<?x4xf32>`,
      `!relax.storage` becomes `memref<?xi8>`;
    * a relax function takes the runtime context (`!llvm.ptr`) first and
      returns an `i32` status first (0 = success); it is marked
      `mlc.host_func`. Calls between relax functions pass the context on,
      check the status and own the results they receive;
    * symbolic variables are read from the argument dims (bare dims, then
      dims linear in one variable such as `2 * n`; the runtime has checked
      them) and bound at each `relax.match_cast`, which the runtime checks
      (`mlcContextMatchShape`: the other dims and the variables'
      `relax.sym_bounds`, with the code that checks arguments); a failure
      names the dim, the expected expression, the values of its variables
      and the actual value;
    * `relax.alloc_storage` calls `mlcContextAlloc` (the runtime's caching
      pool), `relax.alloc_tensor` is a `memref.view`, `relax.kill_storage`
      calls `mlcContextFree`; `relax.invoke_tir` calls the kernel;
      `relax.invoke_packed` calls `mlcContextCallPacked` with DLTensors;
      `relax.copy` is `memref.copy`; `relax.constant` a `memref.global`;
    * each run-time check becomes a branch to an error block that frees what
      the function owns at that point and returns status 1.

    Then every relax function `@f` gets its entry point
    `@__mlc_packed_f(ctx, args, results)` and the module the text global
    `@__mlc_metadata` (docs/Runtime.md), listing the packed functions it
    imports, each function's device, bounds and symbolic signature.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::ub::UBDialect",
  ];
}

#endif // MLC_CONVERSION_PASSES_TD
