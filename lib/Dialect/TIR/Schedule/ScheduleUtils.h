//===- ScheduleUtils.h - Helpers shared by the schedule primitives -*- C++ -*-===//

#ifndef MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H
#define MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H

#include "mlir/IR/Value.h"

namespace mlc::tir::detail {

/// Whether `value` is computed from `iv` through the ops that define it.
bool dependsOn(mlir::Value value, mlir::Value iv);

} // namespace mlc::tir::detail

#endif // MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H
