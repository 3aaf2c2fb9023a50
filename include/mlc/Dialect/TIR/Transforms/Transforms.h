//===- Transforms.h - Reusable tir transformations --------------*- C++ -*-===//
//
// The C++ entry points under tir's passes, for projects that compose them.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMS_TRANSFORMS_H
#define MLC_DIALECT_TIR_TRANSFORMS_TRANSFORMS_H

#include "mlir/IR/Operation.h"

#include <cstdint>

namespace mlc {

/// Applies the CPU default schedule rules (the pass tir-default-schedule) to
/// every tir.block nested in `root`, for SIMD registers of `vectorBits`
/// bits; blocks that match no rule stay as they are. Returns the number of
/// blocks rescheduled.
/// Applies the CPU rules of tir-default-schedule to the kernels under
/// `root` for `vectorBits`-wide SIMD and the given data caches (0: unknown);
/// with `report`, each block gets a remark naming its pattern and rule.
/// Returns the number of changes.
unsigned applyDefaultCPUSchedules(mlir::Operation *root, int64_t vectorBits,
                                  bool report = false, int64_t l1Bytes = 0,
                                  int64_t l2Bytes = 0);

} // namespace mlc

#endif // MLC_DIALECT_TIR_TRANSFORMS_TRANSFORMS_H
