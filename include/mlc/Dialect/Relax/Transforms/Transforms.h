//===- Transforms.h - Reusable relax transformations ------------*- C++ -*-===//
//
// The C++ entry points under relax's passes, for projects that compose them
// (relax-legalize's pieces are in Legalize.h).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_TRANSFORMS_TRANSFORMS_H
#define MLC_DIALECT_RELAX_TRANSFORMS_TRANSFORMS_H

#include "mlc/Support/Symbolic/Expr.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringMap.h"

namespace mlc {

/// Substitutes `bindings` for symbolic variables in every relax type and
/// symbolic attribute nested in `op` (the op's own types and attributes
/// included). Fails with a diagnostic, changing nothing, when a binding
/// makes an expression invalid (a division by zero or a negative dimension).
mlir::LogicalResult
bindSymbolicVars(mlir::Operation *op,
                 const llvm::StringMap<sym::Expr> &bindings);

/// Rewrites the destination-passing calls of every relax function in
/// `module` into explicit storage, views, invocations and kills (the pass
/// relax-to-explicit-memory). Fails with a diagnostic on what it cannot
/// handle.
mlir::LogicalResult convertToExplicitMemory(mlir::ModuleOp module);

} // namespace mlc

#endif // MLC_DIALECT_RELAX_TRANSFORMS_TRANSFORMS_H
