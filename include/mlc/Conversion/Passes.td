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

#endif // MLC_CONVERSION_PASSES_TD
