//===- Plugin.cpp - mlc as a plugin for upstream mlir-opt -----------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// One shared library that is both a dialect plugin and a pass plugin, so
// that `--load-dialect-plugin` and `--load-pass-plugin` of the same file load
// one copy of mlc: two libraries would each hold mlc's dialects and type IDs
// (an ODR violation that AddressSanitizer reports).
//
//===----------------------------------------------------------------------===//

#include "mlc/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "MLCDialects", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            mlc::registerAllDialects(*registry);
          }};
}

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "MLCPasses", LLVM_VERSION_STRING,
          []() { mlc::registerAllPasses(); }};
}
