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
    of target is an error.

    Each block is classified by its iteration-variable kinds and the
    indices of its loads and stores (`mlc::tir::classifyBlock`, TVM DLight's
    normalization), not by where it came from, so hand-written and fused
    kernels get the same schedules as relax-legalize's:

    | pattern | recognised as | CPU rule |
    |---|---|---|
    | elementwise, broadcast, injective | spatial variables only | loops reordered into the store's index order (innermost contiguous) |
    | matmul | `C[b.., i, j] += A[b.., i, k] * B[b.., k, j]`, any variable, loop and operand order | variables, loops and body normalized to `(b.., i, j, k)`; f32: the micro-kernel below; `B[j, k]`: dot products (k innermost, reassociated) |
    | gemv | `y[i] += A[i, k] * x[k]` | k innermost when it walks A's rows, else outward |
    | reduction | other blocks with reduce variables | reduce loops outside the innermost spatial one when that one is the written buffer's last index |
    | opaque | opaque/scan variables, nested blocks, several writes | parallelism only |

    and, for every kernel:

    * parallelism: the outermost loop of each nest becomes `parallel` when
      it binds only spatial iteration variables (relax-legalize emits serial
      loops; hand-written kernels get the same), so kernels use every core;
    * row-wise fusion: when a prim_func is a sequence of loop nests over the
      same rows (the same bound value or equal constants: softmax,
      normalizations), the earlier blocks move under the last nest's row
      loop (compute_at), so each row stays in cache;
    * float sums over the innermost loop (after the other rules) get
      `fastmath<reassoc>` (rfactor's freedom), so LLVM vectorizes them;
      float divisions by a value the innermost loop does not change get
      `fastmath<arcp>` (one reciprocal per row, then multiplications);
    * the intermediates of a fused row-wise chain shrink to one row
      allocated in each iteration of the row loop (TVM's
      CompactBufferAllocation).

    The f32 matmul micro-kernel: GotoBLAS tiling
    `k/kc, i/mc, j/(2*lanes), i/6` (kc and mc from the target's L1 and L2
    sizes: the panel of B takes half of L1, the block of A at most a quarter
    of L2) with the inner tile tensorized into
    the `cpu.f32_fma_6x<2*lanes>` micro-kernel, the column-tile loop
    parallel and the init decomposed into its own parallel nest; from 512
    rows B is packed into column panels first (the `_packed_b` kernel),
    with a run-time dispatch when the row count is symbolic. Batched
    matmuls (no broadcast batch) take the `_batched` kernel.

    Symbolic extents get predicates (and the micro-kernel's masked edge
    tiles). With `report`, every block gets a remark naming its pattern
    and the rule applied.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark per block naming its pattern and rule">
  ];
  let dependentDialects = ["::mlc::tir::TIRDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

#endif // MLC_DIALECT_TIR_TRANSFORMS_PASSES_TD
