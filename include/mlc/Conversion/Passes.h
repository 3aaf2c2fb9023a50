//===- Passes.h - mlc conversion passes -------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Declares the passes that lower mlc's dialects into upstream MLIR dialects,
// and registerMLCConversionPasses() that registers them all.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_CONVERSION_PASSES_H
#define MLC_CONVERSION_PASSES_H

#include "mlc/Conversion/TIRToSCF/TIRToSCF.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace mlc {

#define GEN_PASS_DECL
#include "mlc/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "mlc/Conversion/Passes.h.inc"

} // namespace mlc

#endif // MLC_CONVERSION_PASSES_H
