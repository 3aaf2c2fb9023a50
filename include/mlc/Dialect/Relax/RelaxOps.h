//===- RelaxOps.h - relax operations ----------------------------*- C++ -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXOPS_H
#define MLC_DIALECT_RELAX_RELAXOPS_H

#include "mlc/Dialect/Relax/RelaxTypes.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlc::sym {
class Analyzer;
} // namespace mlc::sym

namespace mlc::relax {
/// The trait behind `Relax_PatternKind<kind>` in ODS: the operator's
/// OpPatternKind as a static property.
template <OpPatternKind Kind> struct HasOpPatternKind {
  template <typename ConcreteOp>
  class Impl : public mlir::OpTrait::TraitBase<ConcreteOp, Impl> {
  public:
    static OpPatternKind getPatternKind() { return Kind; }
  };
};

/// The OpPatternKind `op` declares; Opaque for any other op.
OpPatternKind getOpPatternKind(mlir::Operation *op);
} // namespace mlc::relax

#define GET_OP_CLASSES
#include "mlc/Dialect/Relax/RelaxOps.h.inc" // IWYU pragma: export

namespace mlc::relax {

/// Whether `function` is relax code: marked `relax.function`.
bool isRelaxFunction(mlir::FunctionOpInterface function);

/// Moves the body of each relax.dataflow in `root` before it and forwards its
/// outputs: the passes after which code is no longer pure dataflow call it.
void inlineDataflowRegions(mlir::Operation *root);

/// The device of `function`'s calls and storages: its `relax.device`, or the
/// CPU.
DeviceAttr getFunctionDevice(mlir::FunctionOpInterface function);

} // namespace mlc::relax

#endif // MLC_DIALECT_RELAX_RELAXOPS_H
