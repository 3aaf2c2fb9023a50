//===- mlc-translate.cpp - mlc translation driver -------------------------===//
//
// Translates between MLIR and other formats (LLVM IR, SPIR-V, ...). Upstream
// translations are all registered; mlc's own arrive with the code generators.
//
//===----------------------------------------------------------------------===//

#include "mlc/InitAll.h"

#include "mlir/InitAllTranslations.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

int main(int argc, char **argv) {
  mlir::registerAllTranslations();
  mlc::registerAllTranslations();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "mlc translation driver\n"));
}
