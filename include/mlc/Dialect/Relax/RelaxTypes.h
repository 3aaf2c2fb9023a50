//===- RelaxTypes.h - relax types and attributes ----------------*- C++ -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXTYPES_H
#define MLC_DIALECT_RELAX_RELAXTYPES_H

#include "mlc/Dialect/Relax/RelaxDialect.h"

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"

#include <string>

namespace mlc::relax {

/// The static view of symbolic dims: constants stay, everything else becomes
/// ShapedType::kDynamic.
llvm::SmallVector<int64_t> getStaticShape(llvm::ArrayRef<sym::Expr> dims);

/// Whether `type` may be the dtype of a relax tensor.
bool isValidElementType(mlir::Type type);

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

/// Bytes of one element in memory (i1 takes a byte, as in the runtime ABI).
int64_t getElementByteSize(mlir::Type elementType);

/// The bytes a compact `type` takes, as an expression over its dims; fails
/// when the rank or a dim is unknown.
llvm::FailureOr<sym::Expr> getByteSize(class TensorType type);

/// Parses one symbolic expression, e.g. `(n + 31) floordiv 32`.
mlir::ParseResult parseSymExpr(mlir::AsmParser &parser, sym::Expr &result);

} // namespace mlc::relax

#include "mlc/Dialect/Relax/RelaxEnums.h.inc" // IWYU pragma: export

#define GET_ATTRDEF_CLASSES
#include "mlc/Dialect/Relax/RelaxAttrs.h.inc" // IWYU pragma: export

#define GET_TYPEDEF_CLASSES
#include "mlc/Dialect/Relax/RelaxTypes.h.inc" // IWYU pragma: export

#endif // MLC_DIALECT_RELAX_RELAXTYPES_H
