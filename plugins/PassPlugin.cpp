//===- PassPlugin.cpp - mlc's passes as an mlir-opt plugin ----------------===//

#include "mlc/Conversion/Passes.h"
#include "mlc/Dialect/Relax/Transforms/Passes.h"
#include "mlc/Dialect/TIR/Transforms/Passes.h"
#include "mlc/Transforms/Passes.h"

#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "MLCPasses", LLVM_VERSION_STRING, []() {
            mlc::registerMLCPasses();
            mlc::registerRelaxPasses();
            mlc::registerTIRPasses();
            mlc::registerMLCConversionPasses();
          }};
}
