//===- mlc-opt.cpp - mlc optimizer driver ---------------------------------===//
//
// Runs pass pipelines over IR that mixes upstream MLIR dialects with mlc's
// relax and tir dialects.
//
//===----------------------------------------------------------------------===//

#include "mlc/InitAll.h"
#include "mlc/Support/NestingDepth.h"
#include "mlc/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  mlc::registerAllPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlc::registerAllDialects(registry);

  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "mlc optimizer driver\n", registry);
  // Every pipeline starts with mlc-check-transform-scripts: MLIR 22's
  // transform interpreter crashes on a named sequence holding a non-transform
  // op, which its verifier lets through.
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  // What MlirOptMain's command-line entry does before reading the input.
  if (config.shouldShowDialects()) {
    llvm::outs() << "Available Dialects: ";
    llvm::interleave(registry.getDialectNames(), llvm::outs(), ",");
    llvm::outs() << "\n";
    return 0;
  }
  if (config.shouldListPasses()) {
    mlir::printRegisteredPasses();
    return 0;
  }
  mlir::MlirOptMainConfig requested = config;
  config.setPassPipelineSetupFn([requested](mlir::PassManager &pm) {
    pm.addPass(mlc::createMLCCheckTransformScriptsPass());
    return requested.setupPassPipeline(pm);
  });

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << error << "\n";
    return 1;
  }
  // The parser would overflow its stack on deeper nesting.
  if (std::optional<size_t> offset =
          mlc::findExcessiveNesting(input->getBuffer())) {
    llvm::StringRef before = input->getBuffer().take_front(*offset);
    size_t line = before.count('\n') + 1;
    size_t column = *offset - before.rfind('\n');
    llvm::errs() << inputFilename << ":" << line << ":" << column
                 << ": error: brackets nest deeper than "
                 << mlc::kMaxNestingDepth << " levels\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return 1;
  }
  if (failed(
          mlir::MlirOptMain(output->os(), std::move(input), registry, config)))
    return 1;
  // Only a successful run writes the output file.
  output->keep();
  return 0;
}
