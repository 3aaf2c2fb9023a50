//===- TransformOpUtils.h - Helpers shared by transform.tir ops -*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_DIALECT_TIR_TRANSFORMOPS_TRANSFORMOPUTILS_H
#define MLC_LIB_DIALECT_TIR_TRANSFORMOPS_TRANSFORMOPUTILS_H

#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace mlc::tir::transform::detail {

/// The single payload op of `handle`, which `isExpected` accepts, or a
/// silenceable failure of `transformOp` ("expects a handle to exactly one
/// `what`, ...") with a note per payload op.
mlir::DiagnosedSilenceableFailure
getSinglePayload(mlir::Operation *transformOp,
                 mlir::transform::TransformState &state, mlir::Value handle,
                 llvm::StringRef what,
                 llvm::function_ref<bool(mlir::Operation *)> isExpected,
                 mlir::Operation *&result);

/// The single payload op of type `OpTy` that `handle` points to, or a
/// silenceable failure naming it `what` (e.g. "tir.block").
template <typename OpTy>
mlir::DiagnosedSilenceableFailure
getSinglePayload(mlir::Operation *transformOp,
                 mlir::transform::TransformState &state, mlir::Value handle,
                 llvm::StringRef what, OpTy &result) {
  mlir::Operation *payload = nullptr;
  mlir::DiagnosedSilenceableFailure diag = getSinglePayload(
      transformOp, state, handle, what,
      [](mlir::Operation *op) { return llvm::isa<OpTy>(op); }, payload);
  if (diag.succeeded())
    result = llvm::cast<OpTy>(payload);
  return diag;
}

} // namespace mlc::tir::transform::detail

#endif // MLC_LIB_DIALECT_TIR_TRANSFORMOPS_TRANSFORMOPUTILS_H
