//===- Module.h - A loaded compiled module ----------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The runtime's view of a compiled module: its dlopen handle, the parsed
// metadata, and one packed entry point per function. Immutable after
// mlcModuleLoad, so calls may run concurrently.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_MODULE_H
#define MLC_RUNTIME_MODULE_H

#include "mlc/Runtime/Metadata.h"

namespace mlc::rt {

/// `int32_t __mlc_packed_<name>(void **args)`: one pointer per argument
/// descriptor, then one per result descriptor to fill.
using PackedFunction = int32_t (*)(void **args);

/// The symbol prefix of packed entry points.
constexpr const char *kPackedPrefix = "__mlc_packed_";
/// The metadata symbol.
constexpr const char *kMetadataSymbol = "__mlc_metadata";

} // namespace mlc::rt

struct MLCModule {
  void *handle = nullptr;
  std::string path;
  mlc::rt::ModuleSpec spec;
  /// Parallel to spec.functions.
  std::vector<mlc::rt::PackedFunction> entries;
};

#endif // MLC_RUNTIME_MODULE_H
