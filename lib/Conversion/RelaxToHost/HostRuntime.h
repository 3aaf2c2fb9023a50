//===- HostRuntime.h - Calls into the runtime from host code ----*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Private to RelaxToHost: the names of the runtime functions of ABI v2
// (declared in runtime/include/mlc/Runtime/ABI.h, which the runtime
// implements) and builders for the LLVM-dialect values the host code hands
// to them.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_CONVERSION_RELAXTOHOST_HOSTRUNTIME_H
#define MLC_LIB_CONVERSION_RELAXTOHOST_HOSTRUNTIME_H

#include "mlc/Conversion/RelaxToHost/RelaxToHost.h"

#include "mlir/IR/Builders.h"

namespace mlc::host {

inline constexpr llvm::StringLiteral kAllocFn = "mlcContextAlloc";
inline constexpr llvm::StringLiteral kFreeFn = "mlcContextFree";
inline constexpr llvm::StringLiteral kCallPackedFn = "mlcContextCallPacked";
inline constexpr llvm::StringLiteral kSetErrorFn = "mlcContextSetError";
inline constexpr llvm::StringLiteral kSetErrorValuesFn =
    "mlcContextSetErrorValues";
inline constexpr llvm::StringLiteral kMatchShapeFn = "mlcContextMatchShape";
inline constexpr llvm::StringLiteral kTakeObjectFn = "mlcContextTakeObject";
inline constexpr llvm::StringLiteral kReleaseObjectFn = "mlcObjectRelease";

/// The LLVM struct of MLIR's default descriptor of a memref of `type`'s rank.
mlir::Type getDescriptorType(mlir::MLIRContext *ctx, mlir::MemRefType type);

/// The `allocated` pointer of a memref's descriptor, as `!llvm.ptr`.
mlir::Value getAllocatedPointer(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::Value memref);

/// A pointer to a NUL-terminated private global holding `text`.
mlir::Value createStringConstant(mlir::OpBuilder &b, mlir::Location loc,
                                 RelaxHostState &state, llvm::StringRef text);

/// `file:line:col` for messages the runtime prints.
std::string formatLocation(mlir::Location loc);

/// Calls `mlcContextFree(ctx, device, pointer)`.
void createFree(mlir::OpBuilder &b, mlir::Location loc, mlir::Value ctx,
                std::pair<int32_t, int64_t> device, mlir::Value pointer);

/// Calls `mlcContextSetErrorValues(ctx, format, values, n)`, each `{}` in
/// `format` standing for the next of `values` (index or integer values).
void createSetErrorValues(mlir::OpBuilder &b, mlir::Location loc,
                          RelaxHostState &state, mlir::Value ctx,
                          llvm::StringRef format, mlir::ValueRange values);

} // namespace mlc::host

#endif // MLC_LIB_CONVERSION_RELAXTOHOST_HOSTRUNTIME_H
