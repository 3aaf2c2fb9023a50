//===- InitAll.cpp - Register everything mlc provides ---------------------===//

#include "mlc/InitAll.h"

#include "mlc/Conversion/Passes.h"
#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/Dialect/Relax/Transforms/Passes.h"
#include "mlc/Dialect/TIR/Intrinsics/CPU.h"
#include "mlc/Dialect/TIR/TIRDialect.h"
#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.h"
#include "mlc/Dialect/TIR/Transforms/Passes.h"
#include "mlc/Pipelines/Pipelines.h"
#include "mlc/Target/NativeCode.h"
#include "mlc/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void mlc::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<MLCDialect, relax::RelaxDialect, tir::TIRDialect>();
  tir::registerTransformDialectExtension(registry);
  tir::registerCPUTensorIntrinsicsExtension(registry);
}

void mlc::registerAllPasses() {
  registerMLCPasses();
  registerRelaxPasses();
  registerTIRPasses();
  registerMLCConversionPasses();
  registerPipelines();
}

void mlc::registerAllTranslations() {
  // Upstream's translations are registered by the tools themselves.
  registerNativeCodeTranslations();
}
