//===- CallVerification.h - Checks shared by relax's call ops ---*- C++ -*-===//
//
// Private to the relax dialect: the verifiers of call_tir and its explicit-
// memory form invoke_tir compare the same things.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_DIALECT_RELAX_IR_CALLVERIFICATION_H
#define MLC_LIB_DIALECT_RELAX_IR_CALLVERIFICATION_H

#include "mlc/Dialect/Relax/RelaxTypes.h"
#include "mlc/Support/Symbolic/Analyzer.h"

#include "mlir/IR/SymbolTable.h"

namespace mlc::relax {

/// Fails with a diagnostic that shows both sides when the prover shows that
/// `type` cannot be `expected`. `what` names the value being compared.
mlir::LogicalResult verifyNotProvablyDifferent(mlir::Operation *op,
                                               const sym::Analyzer &analyzer,
                                               TensorType type,
                                               TensorType expected,
                                               const llvm::Twine &what);

/// Verifies a destination-passing call of a kernel: `bufferTypes` are the
/// inputs then the outputs, followed by the `tirVars` index values. A
/// tir.prim_func with a symbolic signature is matched against it.
mlir::LogicalResult verifyPrimFuncCall(mlir::Operation *op,
                                       mlir::FlatSymbolRefAttr callee,
                                       llvm::ArrayRef<TensorType> bufferTypes,
                                       unsigned numInputs,
                                       llvm::ArrayRef<sym::Expr> tirVars,
                                       mlir::SymbolTableCollection &symbols);

/// Fails unless `name` can name a packed function in the runtime's registry
/// and metadata: a dotted identifier such as `mlc.blas.sgemm`.
mlir::LogicalResult verifyPackedCallee(mlir::Operation *op,
                                       llvm::StringRef name);

} // namespace mlc::relax

#endif // MLC_LIB_DIALECT_RELAX_IR_CALLVERIFICATION_H
