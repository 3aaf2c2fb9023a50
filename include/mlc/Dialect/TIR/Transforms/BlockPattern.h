//===- BlockPattern.h - Classify tir blocks by access pattern ---*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// What a block computes, read from its iteration-variable kinds and the
// indices of its loads and stores rather than from where it came from (TVM
// DLight's normalization: a rule for matmuls sees any block that multiplies
// and accumulates, hand-written or legalized). The default schedules pick a
// rule from this classification.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMS_BLOCKPATTERN_H
#define MLC_DIALECT_TIR_TRANSFORMS_BLOCKPATTERN_H

#include "mlc/Dialect/TIR/TIROps.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace mlc::tir {

/// The kinds of block the default schedules tell apart.
enum class BlockPatternKind {
  /// Spatial only; every read is indexed like the write.
  Elementwise,
  /// Spatial only; every read is indexed by a subsequence of the write's
  /// variables (a broadcast operand).
  Broadcast,
  /// Spatial only, any other indexing (transpose, gather, slices).
  Injective,
  /// `C[..] = C[..] + X[..] * Y[..]` over a reduce variable, with an output
  /// variable that only X and one that only Y indexes (see MatmulPattern).
  Matmul,
  /// `y[..] = y[..] + X[..] * Y[..]` where only one of X and Y carries the
  /// output's non-batch variable (a matrix times a vector).
  GEMV,
  /// Any other block with reduce variables (sums, maxima, norms).
  Reduction,
  /// Opaque or scan variables, several written buffers, accesses that are
  /// not plain iteration variables, or no iteration variables at all.
  Opaque,
};

llvm::StringRef stringifyBlockPatternKind(BlockPatternKind kind);

/// The roles in `C[b.., i, j] += A[b.., i, k] * B[b.., k, j]`, as positions
/// of the block's iteration variables, and the buffers.
struct MatmulPattern {
  llvm::SmallVector<unsigned> batch;
  unsigned i = 0, j = 0, k = 0;
  mlir::Value a, b, c;
  /// A is indexed `[.., k, i]` / B `[.., j, k]`.
  bool transposeA = false, transposeB = false;
  /// The loads of A, B and C and the store of C in the body.
  mlir::Operation *loadA = nullptr, *loadB = nullptr, *loadC = nullptr,
                  *store = nullptr;
  /// The multiplication and the accumulation.
  mlir::Operation *mul = nullptr, *add = nullptr;
};

/// A block's classification; `matmul` is set for Matmul blocks.
struct BlockPattern {
  BlockPatternKind kind = BlockPatternKind::Opaque;
  std::optional<MatmulPattern> matmul;
};

/// Classifies `block` by its iteration-variable kinds and the indices of
/// its loads and stores.
BlockPattern classifyBlock(BlockOp block);

} // namespace mlc::tir

#endif // MLC_DIALECT_TIR_TRANSFORMS_BLOCKPATTERN_H
