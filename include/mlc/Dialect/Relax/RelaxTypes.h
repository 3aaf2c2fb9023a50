//===- RelaxTypes.h - relax types and attributes ----------------*- C++ -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXTYPES_H
#define MLC_DIALECT_RELAX_RELAXTYPES_H

#include "mlc/Dialect/MLC/SymbolicAsm.h"

#include "mlc/Dialect/Relax/RelaxDialect.h"

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>

namespace mlc::relax {

/// Starts an error diagnostic; a null callback makes failures silent (the
/// shape rules of ShapeInference.h and the ops' `inferShape` take one).
using EmitErrorFn = llvm::function_ref<mlir::InFlightDiagnostic()>;

/// The static view of symbolic dims: constants stay, everything else becomes
/// ShapedType::kDynamic.
llvm::SmallVector<int64_t> getStaticShape(llvm::ArrayRef<sym::Expr> dims);

/// Whether `type` may be the dtype of a relax tensor.
bool isValidElementType(mlir::Type type);

// The textual form of symbolic dims lives in the mlc dialect.
using mlc::dimsToString;
using mlc::dimToString;
using mlc::parseSymDims;
using mlc::parseSymExpr;
using mlc::printSymDims;

/// Bytes of one element in memory (i1 takes a byte, as in the runtime ABI).
int64_t getElementByteSize(mlir::Type elementType);

/// The bytes a compact `type` takes, as an expression over its dims; fails
/// when the rank or a dim is unknown.
llvm::FailureOr<sym::Expr> getByteSize(class TensorType type);

} // namespace mlc::relax

#include "mlc/Dialect/Relax/RelaxEnums.h.inc" // IWYU pragma: export

#define GET_ATTRDEF_CLASSES
#include "mlc/Dialect/Relax/RelaxAttrs.h.inc" // IWYU pragma: export

#define GET_TYPEDEF_CLASSES
#include "mlc/Dialect/Relax/RelaxTypes.h.inc" // IWYU pragma: export

#endif // MLC_DIALECT_RELAX_RELAXTYPES_H
