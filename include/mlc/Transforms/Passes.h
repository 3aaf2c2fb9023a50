//===- Passes.h - mlc transformation passes ---------------------*- C++ -*-===//

#ifndef MLC_TRANSFORMS_PASSES_H
#define MLC_TRANSFORMS_PASSES_H

#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace mlc {

#define GEN_PASS_DECL
#include "mlc/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "mlc/Transforms/Passes.h.inc"

/// What mlc-check-transform-scripts checks, on the named sequences in
/// `root`: fails (with an error per offending op) when one holds an op that
/// is not a transform op.
llvm::LogicalResult checkTransformScripts(mlir::Operation *root);

} // namespace mlc

#endif // MLC_TRANSFORMS_PASSES_H
