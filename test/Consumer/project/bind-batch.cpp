//===- bind-batch.cpp - An out-of-tree user of mlc ------------------------===//
//
// Parses a relax module, binds `batch` to the number given on the command
// line with mlc::bindSymbolicVars, verifies and prints the result.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/InitAll.h"
#include "mlc/Dialect/Relax/Transforms/Transforms.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

int main(int argc, char **argv) {
  if (argc != 3) {
    llvm::errs() << "usage: bind-batch <file.mlir> <batch>\n";
    return 2;
  }
  mlir::DialectRegistry registry;
  registry.insert<mlir::func::FuncDialect>();
  mlc::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(argv[1], &context);
  if (!module)
    return 1;
  mlc::sym::Context &sym = mlc::relax::RelaxDialect::getSymContext(&context);
  llvm::StringMap<mlc::sym::Expr> bindings;
  bindings["batch"] = sym.constant(std::atoll(argv[2]));
  if (mlir::failed(mlc::bindSymbolicVars(*module, bindings)) ||
      mlir::failed(mlir::verify(*module)))
    return 1;
  module->print(llvm::outs());
  return 0;
}
