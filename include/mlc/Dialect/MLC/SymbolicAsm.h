//===- SymbolicAsm.h - Textual form of symbolic expressions -----*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Parsing and printing mlc::sym expressions inside attributes and types of
// any dialect (relax types, #mlc.shape, tir signatures). The expressions
// are interned in the mlc dialect's symbolic context.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_MLC_SYMBOLICASM_H
#define MLC_DIALECT_MLC_SYMBOLICASM_H

#include "mlc/Support/Symbolic/Expr.h"

#include "mlir/IR/OpImplementation.h"

#include <string>

namespace mlc {

/// Parses one symbolic expression.
mlir::ParseResult parseSymExpr(mlir::AsmParser &parser, sym::Expr &result);

/// Parses `[d0, d1, ...]` (a null expr for `?` when `allowUnknown`) or, when
/// `ranked` is non-null, also `*` (an unknown number of dims).
mlir::ParseResult parseSymDims(mlir::AsmParser &parser,
                               llvm::SmallVectorImpl<sym::Expr> &dims,
                               bool *ranked, bool allowUnknown);

/// Prints what parseSymDims parses.
void printSymDims(mlir::AsmPrinter &printer, llvm::ArrayRef<sym::Expr> dims,
                  bool ranked = true);

/// A dim as it prints in types: the expression, or `?` when unknown.
std::string dimToString(sym::Expr dim);

/// `[n, 2 * n, ?]`, as shapes print in types.
std::string dimsToString(llvm::ArrayRef<sym::Expr> dims);

} // namespace mlc

#endif // MLC_DIALECT_MLC_SYMBOLICASM_H
