//===- ParseFuzzer.cpp - Parse and verify relax/tir modules ---------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Any text: parse it as a module of mlc's and upstream's dialects (which
// verifies it) and print what parses. Parsing, the verifiers, shape
// inference, the symbolic scope checks and the printers must not crash.
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "llvm/Support/raw_ostream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::OwningOpRef<mlir::ModuleOp> module = mlc::fuzz::parse(data, size);
  if (!module)
    return 0;
  std::string text;
  llvm::raw_string_ostream os(text);
  module->print(os);
  module->print(os, mlir::OpPrintingFlags().printGenericOpForm());
  return 0;
}
