//===- InitAll.cpp - Register everything mlc provides ---------------------===//

#include "InitAll.h"

#include "Conversion/Passes.h"
#include "Dialect/Relax/RelaxDialect.h"
#include "Dialect/TIR/TIRDialect.h"
#include "Dialect/TIR/TransformOps/TIRTransformOps.h"
#include "Pipelines/Pipelines.h"
#include "Target/NativeCode.h"
#include "Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void mlc::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<relax::RelaxDialect, tir::TIRDialect>();
  tir::registerTransformDialectExtension(registry);
}

void mlc::registerAllPasses() {
  registerMLCPasses();
  registerMLCConversionPasses();
  registerPipelines();
}

void mlc::registerAllTranslations() {
  // Upstream's translations are registered by the tools themselves.
  registerNativeCodeTranslations();
}
