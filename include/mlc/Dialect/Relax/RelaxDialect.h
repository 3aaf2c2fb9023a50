//===- RelaxDialect.h - relax dialect ---------------------------*- C++ -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXDIALECT_H
#define MLC_DIALECT_RELAX_RELAXDIALECT_H

#include "mlc/Support/Symbolic/Expr.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Dialect.h"

#include <memory>

#include "mlc/Dialect/Relax/RelaxDialect.h.inc" // IWYU pragma: export

#endif // MLC_DIALECT_RELAX_RELAXDIALECT_H
