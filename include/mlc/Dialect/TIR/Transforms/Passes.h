//===- Passes.h - tir passes ------------------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMS_PASSES_H
#define MLC_DIALECT_TIR_TRANSFORMS_PASSES_H

#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace mlc {

#define GEN_PASS_DECL
#include "mlc/Dialect/TIR/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "mlc/Dialect/TIR/Transforms/Passes.h.inc"

} // namespace mlc

#endif // MLC_DIALECT_TIR_TRANSFORMS_PASSES_H
