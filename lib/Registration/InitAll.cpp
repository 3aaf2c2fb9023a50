//===- InitAll.cpp - Register everything mlc provides ---------------------===//

#include "InitAll.h"

#include "Dialect/Relax/RelaxDialect.h"
#include "Dialect/TIR/TIRDialect.h"
#include "Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void mlc::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<relax::RelaxDialect, tir::TIRDialect>();
}

void mlc::registerAllPasses() { registerMLCPasses(); }

void mlc::registerAllTranslations() {
  // mlc's own translations (object files, shared libraries) are registered
  // here as the code generators land; upstream's are registered by the tools.
}
