//===- Passes.td - tir passes ------------------------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMS_PASSES_TD
#define MLC_DIALECT_TIR_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def TIRDefaultSchedulePass
    : Pass<"tir-default-schedule", "::mlir::ModuleOp"> {
  let summary = "Apply rule-based default schedules to unscheduled tir kernels";
  let description = [{
    Rules in the spirit of TVM's DLight, built on the `transform.tir`
    primitives (Dialect/TIR/Schedule.h). Each kernel's rules come from its
    target (`mlc::getTarget`: the kernel's own `mlc.target`, else the
    module's; a CPU with 128-bit vectors without one), which also gives the
    SIMD width; only CPU rules exist so far, and a kernel for another kind
    of target is an error. For the CPU:

    * parallelism: the outermost loop of each nest becomes `parallel` when
      it binds only spatial iteration variables (relax-legalize emits serial
      loops; hand-written kernels get the same), so kernels use every core;

    * row-wise fusion: when a prim_func is a sequence of loop nests over the
      same rows (softmax, normalizations), the earlier blocks move under the
      last nest's row loop (compute_at), so each row stays in cache.
    * float sums over the innermost loop (after the other rules) get
      `fastmath<reassoc>` (rfactor's freedom), so LLVM vectorizes them.
    * f32 matmuls in the form relax-legalize emits: GotoBLAS tiling
      `k/256, i/96, j/(2*lanes), i/6` with the inner tile tensorized into
      the `cpu.f32_fma_6x<2*lanes>` micro-kernel, the column-tile loop
      parallel and the init decomposed into its own parallel nest; from 512
      rows B is packed into column panels first (the `_packed_b` kernel),
      with a run-time dispatch when the row count is symbolic. Batched
      matmuls (no broadcast batch) take the `_batched` kernel.
    * other reduction blocks whose innermost spatial iteration variable is
      the last index of what they write (broadcast-batch or integer
      matmuls): the
      reduce loops move outside that spatial loop so it vectorizes, and with
      one reduce loop the rows are tiled by 8 and the reduction by 64.

    Blocks that fit no rule keep their loops; symbolic extents get
    predicates (and the micro-kernel's masked edge tiles).
  }];
  let dependentDialects = ["::mlc::tir::TIRDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

#endif // MLC_DIALECT_TIR_TRANSFORMS_PASSES_TD
