//===- TIROps.h - TensorIR operations and attributes ------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Declares the tir enums, attributes and operations, and the well-formedness
// checks that their verifiers run (implemented in TIRVerifier.cpp) so that
// passes can re-run them on IR they build.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TIROPS_H
#define MLC_DIALECT_TIR_TIROPS_H

#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "mlc/Dialect/TIR/TIREnums.h.inc"

namespace mlc::tir {
/// The extents map of a region with constant `extents` over the dims and
/// symbols of `start`.
mlir::AffineMap getConstantExtentsMap(mlir::AffineMap start,
                                      llvm::ArrayRef<int64_t> extents);
} // namespace mlc::tir

#define GET_ATTRDEF_CLASSES
#include "mlc/Dialect/TIR/TIRAttrs.h.inc"

#define GET_OP_CLASSES
#include "mlc/Dialect/TIR/TIROps.h.inc"

namespace mlc::tir {

/// Returns the storage scope of a buffer type: the #tir.scope memory space, or
/// global when the memref has none. Returns std::nullopt for any other memory
/// space.
std::optional<StorageScope> getStorageScope(mlir::MemRefType type);

//===----------------------------------------------------------------------===//
// Well-formedness checks (TIRVerifier.cpp)
//===----------------------------------------------------------------------===//

/// Checks that every binding of `block` is computed only from loop variables
/// of enclosing tir.for loops inside the enclosing block, iteration variables
/// of enclosing blocks, constants and prim_func parameters; and that the body
/// does not use the loop variables of loops around the block directly.
mlir::LogicalResult verifyBlockScoping(BlockOp block);

/// Checks the stores of `block` (outside nested blocks) against its `writes`:
/// the buffer must be listed (or allocated in the block), the indices must not
/// be provably outside the declared region, and must not use reduce
/// iteration variables.
mlir::LogicalResult verifyBlockWrites(BlockOp block);

/// Checks that all thread_binding loops of one thread tag in `func` have the
/// same extent where both extents are constants.
mlir::LogicalResult verifyThreadExtents(PrimFuncOp func);

} // namespace mlc::tir

#endif // MLC_DIALECT_TIR_TIROPS_H
