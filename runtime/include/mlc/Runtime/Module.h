//===- Module.h - A loaded compiled module ----------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The runtime's view of a compiled module: its dlopen handle, the parsed
// metadata, and one entry point (ABI.h's MLCEntryFunction) per function.
// Immutable after mlcModuleLoad, so calls may run concurrently.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_MODULE_H
#define MLC_RUNTIME_MODULE_H

#include "mlc/Runtime/Metadata.h"

namespace mlc::rt {
/// Whether every table and segment the ELF64 header of `path` describes
/// lies inside the file (dlopen of a truncated file raises SIGBUS); false
/// with `error` set if not. Files that are not ELF64 pass: dlopen reports
/// them.
bool checkSharedObjectFile(const std::string &path, std::string &error);
} // namespace mlc::rt

struct MLCModule {
  void *handle = nullptr;
  std::string path;
  mlc::rt::ModuleSpec spec;
  /// Parallel to spec.functions.
  std::vector<MLCEntryFunction> entries;
};

#endif // MLC_RUNTIME_MODULE_H
