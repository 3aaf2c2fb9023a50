//===- FuzzContext.h - An MLIR context for the compiler fuzzers -*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// One context for every input (creating one per input would dominate the
// run time), with mlc's and upstream's dialects, no threads, and
// diagnostics swallowed: a fuzzer looks for crashes, not for errors.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_FUZZ_FUZZCONTEXT_H
#define MLC_FUZZ_FUZZCONTEXT_H

#include "mlc/InitAll.h"
#include "mlc/Support/NestingDepth.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/InitAllDialects.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <memory>
#include <string>

namespace mlc::fuzz {

inline mlir::MLIRContext &getContext() {
  static std::unique_ptr<mlir::MLIRContext> context = [] {
    mlir::DialectRegistry registry;
    mlir::registerAllDialects(registry);
    mlc::registerAllDialects(registry);
    auto ctx = std::make_unique<mlir::MLIRContext>(
        registry, mlir::MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    ctx->getDiagEngine().registerHandler(
        [](mlir::Diagnostic &) { return mlir::success(); });
    return ctx;
  }();
  return *context;
}

/// The module in `data`, or null if it does not parse. MLIR's lexer reads
/// a NUL-terminated buffer (as files and tools give it), so the bytes are
/// copied into one.
inline mlir::OwningOpRef<mlir::ModuleOp> parse(const uint8_t *data,
                                               size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  // As the tools do: MLIR's parser overflows its stack on deeper nesting.
  if (findExcessiveNesting(text))
    return nullptr;
  return mlir::parseSourceString<mlir::ModuleOp>(text, &getContext());
}

/// A pass that succeeds must leave valid IR: a crash for the fuzzer (the
/// pass manager's own verifier would turn it into a quiet failure).
struct AbortOnInvalidIR : public mlir::PassInstrumentation {
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override {
    // The context swallows diagnostics; the verifier's are kept for the
    // report.
    std::string errors;
    llvm::raw_string_ostream os(errors);
    mlir::ScopedDiagnosticHandler handler(
        op->getContext(), [&](mlir::Diagnostic &diag) {
          os << diag.getLocation() << ": " << diag << "\n";
          return mlir::success();
        });
    if (succeeded(mlir::verify(op)))
      return;
    llvm::errs() << "pass '" << pass->getArgument()
                 << "' succeeded but left invalid IR:\n"
                 << errors;
    std::abort();
  }
};

} // namespace mlc::fuzz

#endif // MLC_FUZZ_FUZZCONTEXT_H
