//===- TIRTransformOps.h - transform.tir schedule ops -----------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The `transform.tir.*` ops (TensorIR schedule primitives as transform
// dialect ops) and the extension that registers them.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_TIRTRANSFORMOPS_H
#define MLC_DIALECT_TIR_TRANSFORMOPS_TIRTRANSFORMOPS_H

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/IR/TransformTypes.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/IR/OpImplementation.h"

namespace mlir {
class DialectRegistry;
} // namespace mlir

#define GET_OP_CLASSES
#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.h.inc"

namespace mlc::tir {

/// Registers the `transform.tir` extension of the transform dialect.
void registerTransformDialectExtension(mlir::DialectRegistry &registry);

} // namespace mlc::tir

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_TIRTRANSFORMOPS_H
