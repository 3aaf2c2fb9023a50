//===- SetTarget.cpp - Attach the compilation target to a module ----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Transforms/Passes.h"

#include "mlc/Dialect/TIR/TIROps.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

namespace mlc {
#define GEN_PASS_DEF_MLCSETTARGETPASS
#include "mlc/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;
using namespace mlc;

/// The host's features in LLVM's syntax, sorted so the IR is stable.
static std::string getHostFeatures() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  std::vector<std::string> entries;
  for (const auto &entry : features)
    entries.push_back((entry.getValue() ? "+" : "-") + entry.getKey().str());
  llvm::sort(entries);
  return llvm::join(entries, ",");
}

namespace {
struct MLCSetTargetPass
    : public mlc::impl::MLCSetTargetPassBase<MLCSetTargetPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (module->hasAttr(tir::TargetAttr::kModuleAttrName))
      return;
    bool host = cpu == "host";
    std::string tripleName =
        triple.empty() ? llvm::sys::getDefaultTargetTriple() : triple;
    std::string cpuName = host ? llvm::sys::getHostCPUName().str() : cpu;
    std::string featureList =
        host && features.empty() ? getHostFeatures() : features;
    auto emitError = [&] { return module.emitError("mlc-set-target: "); };
    if (failed(tir::TargetAttr::verifyInvariants(emitError, tripleName, cpuName,
                                                 featureList)))
      return signalPassFailure();
    module->setAttr(
        tir::TargetAttr::kModuleAttrName,
        tir::TargetAttr::get(&getContext(), tripleName, cpuName, featureList));
  }
};
} // namespace
