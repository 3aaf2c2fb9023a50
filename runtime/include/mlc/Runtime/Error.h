//===- Error.h - Thread-local last error ------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Every failing runtime entry point records a one-line message in the
// calling thread's last error and returns a status. (Compiled code reports
// its errors on its context instead, mlcContextSetError, and the runtime
// moves them here.)
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_ERROR_H
#define MLC_RUNTIME_ERROR_H

#include "mlc/Runtime/Runtime.h"

#include <string>

namespace mlc::rt {

/// Records `message` as the last error and returns `status`, so that
/// failures read `return setError(MLC_ERROR_..., "...")`.
MLCStatus setError(MLCStatus status, std::string message);

void clearError();

/// The calling thread's last error.
std::string &lastError();

} // namespace mlc::rt

#endif // MLC_RUNTIME_ERROR_H
