//===- Schedule.h - TensorIR schedule primitives ----------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The C++ API under the `transform.tir.*` ops: TVM's TensorIR schedule
// primitives over tir.prim_func / tir.for / tir.block. Every primitive checks
// its preconditions first; when one fails it returns a silenceable failure
// carrying a diagnostic at the offending payload op and leaves the IR
// unchanged. Callers outside the transform interpreter can report it with
// `DiagnosedSilenceableFailure::checkAndReport()` or `silence()`.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_SCHEDULE_H
#define MLC_DIALECT_TIR_SCHEDULE_H

#include "mlc/Dialect/TIR/TIROps.h"
#include "mlc/Dialect/TIR/TensorIntrinsics.h"

#include "mlir/Dialect/Transform/Utils/DiagnosedSilenceableFailure.h"
#include "mlir/IR/PatternMatch.h"

#include <functional>
#include <string>

namespace mlc::tir {

/// Finds the unique `tir.block` named `name` nested in `scope`. Fails if
/// there is none or more than one.
mlir::DiagnosedSilenceableFailure
getBlock(mlir::Operation *scope, llvm::StringRef name, BlockOp &result);

/// The `tir.for` loops around `block` up to its enclosing block or
/// prim_func, outermost first.
llvm::SmallVector<ForOp> getLoops(BlockOp block);

/// Sets the kind of `loop` to `kind` (parallel, vectorized or unrolled).
/// Rejects thread-bound loops, and for parallel and vectorized loops, a
/// non-spatial iteration variable bound to an expression of the loop
/// variable (TVM's CheckLoopParallelizableInBlock).
mlir::DiagnosedSilenceableFailure setLoopKind(mlir::RewriterBase &rewriter,
                                              ForOp loop, ForKind kind);

/// Binds `loop` to the GPU thread axis `tag`.
mlir::DiagnosedSilenceableFailure bind(mlir::RewriterBase &rewriter, ForOp loop,
                                       ThreadTag tag);

/// Merges `annotations` into the loop's annotations (new entries win).
void annotate(mlir::RewriterBase &rewriter, ForOp loop,
              mlir::DictionaryAttr annotations);

/// The value of a split factor that is inferred from the loop extent.
constexpr int64_t kInferredFactor = mlir::ShapedType::kDynamic;

/// Splits `loop` (from 0, step 1) into one serial loop per factor, outermost
/// first; at most one factor is `kInferredFactor`. Blocks directly under the
/// loop are guarded by `fused < extent` unless the factors provably cover
/// the extent exactly. The new loops are appended to `result`.
mlir::DiagnosedSilenceableFailure split(mlir::RewriterBase &rewriter,
                                        ForOp loop,
                                        llvm::ArrayRef<int64_t> factors,
                                        llvm::SmallVectorImpl<ForOp> &result);

/// Permutes perfectly nested loops: `order` lists loops of one chain in
/// their new order, outermost first. The loop ops move (they are not
/// recreated) and the innermost loop's body moves to the new innermost loop.
mlir::DiagnosedSilenceableFailure reorder(mlir::RewriterBase &rewriter,
                                          llvm::ArrayRef<ForOp> order);

/// Fuses `outer` and the loop `inner` directly inside it (both from 0 with
/// step 1) into one loop over `outer_extent * inner_extent` (an
/// `arith.muli` for symbolic extents), placed where `outer` was. Uses of the
/// old loop variables become `fused floordiv inner_extent` and
/// `fused mod inner_extent`. Index computations between the two loops move
/// into the new body. The fused loop keeps the loops' kind when both have the
/// same one and is serial otherwise; it has no annotations (TVM). Rejects
/// loops that are not directly nested, not perfectly nested, thread-bound,
/// or an inner loop whose bounds are computed inside the outer one.
mlir::DiagnosedSilenceableFailure fuse(mlir::RewriterBase &rewriter,
                                       ForOp outer, ForOp inner, ForOp &result);

/// TVM's decompose_reduction: moves the `init` region of `block` into a new
/// block `<name>_init` over the block's spatial iteration variables (with
/// the same bindings, and the original writes), placed immediately before
/// `loop` in fresh copies of the loops at or inside `loop` that the spatial
/// bindings use (same kind and thread tag, no annotations). The block loses
/// its init region. The init block keeps the conjuncts (`arith.andi`) of
/// the predicate that use no dropped loop. `loop` must enclose `block`
/// (inside its enclosing block) and every loop that a reduce binding uses
/// must be `loop` or inside it.
mlir::DiagnosedSilenceableFailure
decomposeReduction(mlir::RewriterBase &rewriter, BlockOp block, ForOp loop,
                   BlockOp &result);

/// Reorders the iteration variables of `block`: variable #k of the result
/// is variable #order[k] of `block`, with its kind, extent and binding; the
/// regions, init and body follow. The block is rebuilt: the old op is
/// erased and the new block is `result`. TVM's
/// `reorder_block_iter_var`.
mlir::DiagnosedSilenceableFailure
reorderBlockIterVars(mlir::RewriterBase &rewriter, BlockOp block,
                     llvm::ArrayRef<int64_t> order, BlockOp &result);

//===----------------------------------------------------------------------===//
// Producers, consumers, caching, inlining, storage_align (CacheInline.cpp)
//===----------------------------------------------------------------------===//

/// The other blocks of `block`'s scope (its enclosing block or prim_func,
/// not looking into nested blocks) that write a buffer `block` reads, in
/// program order.
llvm::SmallVector<BlockOp> getProducers(BlockOp block);

/// The other blocks of `block`'s scope that read a buffer `block` writes, in
/// program order.
llvm::SmallVector<BlockOp> getConsumers(BlockOp block);

/// TVM's compute_inline: `block` computes `B[v...] = f(...)` (spatial
/// iteration variables only, no init or predicate, one store at distinct
/// iteration variables, otherwise loads and pure ops); every load of `B` in
/// the blocks that read it becomes a copy of `f` at the load's indices, and
/// their read regions become those of `block` composed with their region of
/// `B`. The block's variables must range over all of `B`, which must be a
/// `tir.alloc_buffer` that nothing else writes. The block, the loops left
/// empty and the allocation are erased.
mlir::DiagnosedSilenceableFailure computeInline(mlir::RewriterBase &rewriter,
                                                BlockOp block);

/// TVM's reverse_compute_inline: `block` computes `C[...] = g(B[v...], ...)`
/// (spatial only, no init or predicate, one store, loads of `B` at distinct
/// iteration variables ranging over all of `B`) and has a single producer,
/// which stores `B[e...] = x`. The producer's store becomes
/// `C[...] = g(x, ...)` with `v... := e...`;
/// its regions follow. `B` must be a `tir.alloc_buffer` used by nothing
/// else. The block, the loops left empty and the allocation are erased.
mlir::DiagnosedSilenceableFailure
reverseComputeInline(mlir::RewriterBase &rewriter, BlockOp block);

/// TVM's cache_read for one consumer: allocates a copy of the read buffer
/// `readIndex` of `block` in `scope` and a block (`result`) that copies the
/// whole buffer into it, both placed right before the outermost op of
/// `block`'s scope that holds `block`; `block` then reads the copy.
mlir::DiagnosedSilenceableFailure cacheRead(mlir::RewriterBase &rewriter,
                                            BlockOp block, unsigned readIndex,
                                            StorageScope scope,
                                            BlockOp &result);

/// TVM's cache_write: `block` writes a new buffer in `scope` instead of its
/// write buffer `writeIndex`, and a block (`result`) placed right after the
/// outermost op of `block`'s scope that holds `block` copies it back whole.
/// The block's write region must cover the whole buffer.
mlir::DiagnosedSilenceableFailure cacheWrite(mlir::RewriterBase &rewriter,
                                             BlockOp block, unsigned writeIndex,
                                             StorageScope scope,
                                             BlockOp &result);

/// TVM's storage_align on the write buffer `writeIndex` of `block`, which
/// must come from `tir.alloc_buffer`: pads the stride of dimension `axis`
/// (negative counts from the end) to `stride % factor == offset` by
/// enlarging the allocated size of dimension `axis + 1`, which keeps the
/// layout the identity and every access in bounds.
mlir::DiagnosedSilenceableFailure
storageAlign(mlir::RewriterBase &rewriter, BlockOp block, unsigned writeIndex,
             int64_t axis, int64_t factor, int64_t offset);

//===----------------------------------------------------------------------===//
// compute_at, reverse_compute_at, rfactor, pad_einsum, blockize
// (ComputeLocation.cpp)
//===----------------------------------------------------------------------===//

/// TVM's compute_at: moves the producer `block` (the only writer of the one
/// buffer it writes, a `tir.alloc_buffer`) under `loop`, which encloses all
/// of the buffer's consumers, in front of the first of them. The producer
/// gets one new loop per iteration variable over the part of its domain
/// that the consumers read in one iteration of `loop` (computed from their
/// read regions, which must be affine in the loops and linear in the loops
/// inside `loop`); a unit range gets no loop. The block is guarded by
/// `where` when the range may leave its domain. Its old loop nest is erased.
mlir::DiagnosedSilenceableFailure computeAt(mlir::RewriterBase &rewriter,
                                            BlockOp block, ForOp loop);

/// TVM's reverse_compute_at: moves the consumer `block` under `loop`, which
/// encloses every writer of the one buffer the block reads that is produced
/// inside `loop`, right after the last of them. The consumer iterates over
/// the part of that buffer written in one iteration of `loop`; the mirror
/// of `computeAt`.
mlir::DiagnosedSilenceableFailure reverseComputeAt(mlir::RewriterBase &rewriter,
                                                   BlockOp block, ForOp loop);

/// TVM's rfactor: `loop` (from 0, step 1, constant extent) holds one block
/// whose body ends in `C[v] = C[v] op expr` (op an `arith` add, mul, max or
/// min; the init region stores the identity unless op is max/min) and whose
/// reduce bindings use `loop`. The block becomes `<name>_rf`, writing the
/// partial reductions to a new buffer `C` with the loop's extent inserted
/// at `factorAxis` (negative counts from the end): its variables are the
/// loop (spatial), the spatial ones and one reduce variable per other loop
/// of the reduce bindings. A write-back block `<name>` reduces the rf
/// buffer into `C` after the nest, in copies of the loops that the spatial
/// bindings and `loop` use. `result` is the rf block.
mlir::DiagnosedSilenceableFailure rfactor(mlir::RewriterBase &rewriter,
                                          ForOp loop, int64_t factorAxis,
                                          BlockOp &result);

/// TVM's pad_einsum: rounds the extent of each iteration variable `i` of
/// `block` up to a multiple of `padding[i]` (`ceildiv(n, p) * p`, with
/// `arith` ops for a symbolic `n`), in the block and in its loops, which
/// must bind one variable each, from 0 with step 1 over its domain,
/// perfectly nested. The block's accesses must be indexed by iteration
/// variables (an einsum). Each buffer indexed by a padded variable is
/// replaced by a padded `tir.alloc_buffer`: an input is filled in front of
/// the nest (zero outside the original domain, by block
/// `<name>_pad_read<k>`), the output is copied back after it (block
/// `<name>_pad_write`). Padding a reduce variable requires the body
/// `C[v] = C[v] + X[..] * Y[..]` with X or Y indexed by it.
mlir::DiagnosedSilenceableFailure padEinsum(mlir::RewriterBase &rewriter,
                                            BlockOp block,
                                            llvm::ArrayRef<int64_t> padding);

/// TVM's blockize of a loop: the subtree of `loop`, which holds one block,
/// becomes the body of a new block `<name>_o` placed where `loop` was. Each
/// binding of the inner block must be `outer`, `inner` or
/// `outer * c + inner`, where `outer` is affine in the loops outside
/// `loop` and `inner` is the variable of a loop at or inside `loop` from 0
/// with constant trip count `c`. The outer block gets one iteration
/// variable (of the inner variable's kind, over ceildiv(extent, c)) bound
/// to each `outer` part, and the inner binding becomes `vo * c + inner`;
/// its regions cover the inner block's over the loops inside (constant
/// bounds, linear accesses). `result` is the outer block.
mlir::DiagnosedSilenceableFailure blockize(mlir::RewriterBase &rewriter,
                                           ForOp loop, BlockOp &result);

//===----------------------------------------------------------------------===//
// tensorize (Tensorize.cpp, TensorIntrinsics.cpp)
//===----------------------------------------------------------------------===//

/// TVM's tensorize: replaces `loop` and the loops nested in it with one
/// block that runs the implementation of the intrinsic `name`. The nest
/// must match the intrinsic's description: as many perfectly nested loops,
/// the same constant extents where the description has constants, a block
/// without init whose iteration variables have the description's kinds and
/// are bound to `origin + loop variable` of the corresponding loop, and a
/// body with the same operations (buffers and iteration variables mapped).
/// A predicate on the block (from `split`) may bound the iterations: terms
/// `binding < bound` shorten the implementation's trip counts. The
/// new block keeps the iteration variables, bound to the tile origins, with
/// read/write regions widened to the tile. Returns the new block in `result`.
mlir::DiagnosedSilenceableFailure tensorize(mlir::RewriterBase &rewriter,
                                            ForOp loop, llvm::StringRef name,
                                            BlockOp &result);

} // namespace mlc::tir

#endif // MLC_DIALECT_TIR_SCHEDULE_H
