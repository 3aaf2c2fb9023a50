//===- DialectPlugin.cpp - relax and tir as an mlir-opt plugin ------------===//

#include "mlc/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "MLCDialects", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            mlc::registerAllDialects(*registry);
          }};
}
