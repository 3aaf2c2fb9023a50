//===- SymbolScope.h - Scope and facts of symbolic variables ----*- C++ -*-===//
//
// TVM's scoping of symbolic shape variables: a variable is defined by a
// bare (or linear, `2 * n`) occurrence in a function's argument types or in
// the target type of a relax.match_cast; every other use must come after a
// definition.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_SYMBOLSCOPE_H
#define MLC_DIALECT_RELAX_SYMBOLSCOPE_H

#include "mlc/Support/Symbolic/Analyzer.h"
#include "mlc/Support/Symbolic/Expr.h"

#include "mlir/IR/Operation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"

namespace mlc::relax {

/// Calls `fn` on every symbolic dimension inside `type` (relax tensors and
/// shapes, also nested in tuples). Unknown (null) dims are skipped.
void forEachSymDim(mlir::Type type, llvm::function_ref<void(sym::Expr)> fn);

/// Collects the variables that `type` defines: those that appear as a bare
/// dimension.
void collectBareVars(mlir::Type type, llvm::StringSet<> &vars);

/// Collects the variables that `type` defines where it binds values (a
/// function's argument types, a match_cast's target type): a bare dim
/// defines its variable (`n`), and so does a dim linear in one variable that
/// mentions no other (`2 * n`, `n + 1`; sym::getLinearForm), because its
/// run-time value determines the variable. The runtime binds by the same
/// rule.
void collectDefinedVars(mlir::Type type, llvm::StringSet<> &vars);

/// The variables a function's argument types define (collectDefinedVars).
void collectSignatureVars(llvm::ArrayRef<mlir::Type> argTypes,
                          llvm::StringSet<> &vars);

/// Fails with a diagnostic unless `op` (relax code) stands in a function
/// marked `relax.function`, or in no function. Scope is checked per function
/// (verifyFunctionScope), not per op.
mlir::LogicalResult verifyInRelaxFunction(mlir::Operation *op);

/// Checks, in one walk over `function` (marked `relax.function`), that every
/// symbolic variable an op uses (in its operand and result types and its
/// symbolic attributes) is defined where the op stands; fails with a
/// diagnostic at the first op that uses one too early.
mlir::LogicalResult verifyFunctionScope(mlir::FunctionOpInterface function);

/// Returns a prover that knows the bounds and divisibility facts declared on
/// the function enclosing `op` (`relax.sym_bounds`, `relax.sym_divisible`).
sym::Analyzer getAnalyzerFor(mlir::Operation *op);

} // namespace mlc::relax

#endif // MLC_DIALECT_RELAX_SYMBOLSCOPE_H
