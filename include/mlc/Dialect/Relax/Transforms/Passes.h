//===- Passes.h - relax passes ----------------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_TRANSFORMS_PASSES_H
#define MLC_DIALECT_RELAX_TRANSFORMS_PASSES_H

#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace mlc {

#define GEN_PASS_DECL
#include "mlc/Dialect/Relax/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "mlc/Dialect/Relax/Transforms/Passes.h.inc"

} // namespace mlc

#endif // MLC_DIALECT_RELAX_TRANSFORMS_PASSES_H
