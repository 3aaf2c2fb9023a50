//===- Error.cpp - Thread-local last error --------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Error.h"

using namespace mlc::rt;

std::string &mlc::rt::lastError() {
  static thread_local std::string message;
  return message;
}

MLCStatus mlc::rt::setError(MLCStatus status, std::string message) {
  lastError() = std::move(message);
  return status;
}

void mlc::rt::clearError() { lastError().clear(); }

const char *mlcGetLastError(void) { return lastError().c_str(); }

const char *mlcStatusString(MLCStatus status) {
  switch (status) {
  case MLC_OK:
    return "MLC_OK";
  case MLC_ERROR_INVALID_ARGUMENT:
    return "MLC_ERROR_INVALID_ARGUMENT";
  case MLC_ERROR_NOT_FOUND:
    return "MLC_ERROR_NOT_FOUND";
  case MLC_ERROR_SHAPE_MISMATCH:
    return "MLC_ERROR_SHAPE_MISMATCH";
  case MLC_ERROR_TYPE_MISMATCH:
    return "MLC_ERROR_TYPE_MISMATCH";
  case MLC_ERROR_UNSUPPORTED:
    return "MLC_ERROR_UNSUPPORTED";
  case MLC_ERROR_LOAD:
    return "MLC_ERROR_LOAD";
  case MLC_ERROR_RUNTIME:
    return "MLC_ERROR_RUNTIME";
  case MLC_ERROR_OUT_OF_MEMORY:
    return "MLC_ERROR_OUT_OF_MEMORY";
  case MLC_ERROR_IO:
    return "MLC_ERROR_IO";
  case MLC_ERROR_FORMAT:
    return "MLC_ERROR_FORMAT";
  }
  return "unknown status";
}
