//===- RelaxOps.h - relax operations ----------------------------*- C++ -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXOPS_H
#define MLC_DIALECT_RELAX_RELAXOPS_H

#include "mlc/Dialect/Relax/RelaxTypes.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "mlc/Dialect/Relax/RelaxOps.h.inc" // IWYU pragma: export

#endif // MLC_DIALECT_RELAX_RELAXOPS_H
