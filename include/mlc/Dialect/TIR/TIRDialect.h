//===- TIRDialect.h - TensorIR dialect --------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Declares mlc::tir::TIRDialect, the TensorIR dialect.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TIRDIALECT_H
#define MLC_DIALECT_TIR_TIRDIALECT_H

#include "mlir/IR/Dialect.h"

#include <memory>

namespace mlc::tir {
class TensorIntrinsicRegistry;
} // namespace mlc::tir

#include "mlc/Dialect/TIR/TIRDialect.h.inc"

#endif // MLC_DIALECT_TIR_TIRDIALECT_H
