//===- Registry.h - The packed-function registry ----------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The process-wide registry of packed functions (ABI.h's MLCPackedFunction),
// which modules import by name and call through mlcContextCallPacked. The
// built-ins (Blas.cpp) are registered before the first lookup.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_REGISTRY_H
#define MLC_RUNTIME_REGISTRY_H

#include "mlc/Runtime/Runtime.h"

#include <optional>
#include <string>

namespace mlc::rt {

struct PackedEntry {
  MLCPackedFunction fn;
  void *userData;
};

/// The function registered under `name`, if any.
std::optional<PackedEntry> lookupPackedFunction(const std::string &name);

/// The built-in `mlc.blas.sgemm`: A f32[m, k], B f32[k, n], C f32[m, n]
/// (output): C = A B through OpenBLAS's cblas_sgemm.
int32_t blasSgemm(MLCContext *ctx, DLTensor *args, int32_t numArgs,
                  void *userData);
/// The built-in `mlc.blas.sgemm_batched`: A[b, m, k], B[b, k, n],
/// C[b, m, n] (output): C[i] = A[i] B[i].
int32_t blasSgemmBatched(MLCContext *ctx, DLTensor *args, int32_t numArgs,
                         void *userData);

} // namespace mlc::rt

#endif // MLC_RUNTIME_REGISTRY_H
