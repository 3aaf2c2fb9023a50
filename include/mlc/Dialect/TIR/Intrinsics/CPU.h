//===- CPU.h - The CPU target's tensor intrinsics ---------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_INTRINSICS_CPU_H
#define MLC_DIALECT_TIR_INTRINSICS_CPU_H

#include "mlc/Dialect/TIR/TensorIntrinsics.h"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlc::tir {

/// The name of the CPU intrinsic that accumulates an f32 `rows x cols` tile
/// of C += A * B with vector FMAs (`cpu.f32_fma_<rows>x<cols>`), or, with
/// `packedB`, C += A * Bp where B is packed in panels of `cols` columns,
/// `Bp[j floordiv cols, k, j mod cols] = B[k, j]`
/// (`cpu.f32_fma_<rows>x<cols>_packed_b`); with `packedA` too, A is packed
/// in panels of `rows` rows, `Ap[i floordiv rows, k, i mod rows] = A[i, k]`
/// (`..._packed_ab`). `..._batched` is the batched matmul's.
std::string getFMATensorIntrinsicName(int64_t rows, int64_t cols,
                                      bool packedB = false,
                                      bool packedA = false);

/// Adds the f32 FMA micro-kernels for 128-, 256- and 512-bit vectors
/// (6 x 8, 6 x 16, 6 x 32 tiles; plain, packed-B and batched) to `registry`.
void registerCPUTensorIntrinsics(TensorIntrinsicRegistry &registry);

/// Makes every context that loads the tir dialect register the CPU
/// intrinsics (mlc::registerAllDialects calls it).
void registerCPUTensorIntrinsicsExtension(mlir::DialectRegistry &registry);

} // namespace mlc::tir

#endif // MLC_DIALECT_TIR_INTRINSICS_CPU_H
