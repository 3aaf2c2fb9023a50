//===- MLCDialect.h - mlc's support dialect and the target ------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Declares mlc::MLCDialect and #mlc.target (mlc::TargetAttr), and the one
// lookup of the target that applies to an op.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_MLC_MLCDIALECT_H
#define MLC_DIALECT_MLC_MLCDIALECT_H

#include "mlc/Support/Symbolic/Expr.h"

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/Operation.h"

#include "mlc/Dialect/MLC/MLCDialect.h.inc"
#include "mlc/Dialect/MLC/MLCEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "mlc/Dialect/MLC/MLCAttrs.h.inc"

namespace mlc {
/// The target that applies to `op`: the `mlc.target` of `op` itself or of
/// its nearest ancestor that has one (a kernel's own, else the module's);
/// null if none does.
TargetAttr getTarget(mlir::Operation *op);
} // namespace mlc

#endif // MLC_DIALECT_MLC_MLCDIALECT_H
