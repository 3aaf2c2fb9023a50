//===- SetTarget.cpp - Attach the compilation target to a module ----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// mlc-set-target: builds the module's #mlc.target from options, or, for the
// host CPU, from what LLVM and the OS report (CPU name, features, cache
// sizes, cores).
//
//===----------------------------------------------------------------------===//

#include "mlc/Transforms/Passes.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Threading.h"
#include "llvm/TargetParser/Host.h"

#include <unistd.h>

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

/// A cache size the OS reports (sysconf), 0 where it does not.
static int64_t getCacheBytes(int name) {
#ifdef _SC_LEVEL1_DCACHE_SIZE
  long bytes = sysconf(name);
  return bytes > 0 ? bytes : 0;
#else
  (void)name;
  return 0;
#endif
}

namespace {
struct MLCSetTargetPass
    : public mlc::impl::MLCSetTargetPassBase<MLCSetTargetPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (module->hasAttr(TargetAttr::kAttrName))
      return;
    auto emitError = [&] { return module.emitError("mlc-set-target: "); };
    TargetAttr target = buildTarget(emitError);
    if (!target)
      return signalPassFailure();
    module->setAttr(TargetAttr::kAttrName, target);
  }

private:
  TargetAttr buildTarget(function_ref<InFlightDiagnostic()> emitError) {
    bool host = arch == "host";
    std::string features = this->features;
    int64_t l1 = 0, l2 = 0, l3 = 0, cores = 0, subgroup = 0, shared = 0,
            threads = 0;
    std::string tripleName = triple, archName = arch;
    switch (kind) {
    case TargetKind::cpu:
      if (tripleName.empty())
        tripleName = llvm::sys::getDefaultTargetTriple();
      if (host) {
        archName = llvm::sys::getHostCPUName().str();
        if (features.empty())
          features = getHostFeatures();
#ifdef _SC_LEVEL1_DCACHE_SIZE
        l1 = getCacheBytes(_SC_LEVEL1_DCACHE_SIZE);
        l2 = getCacheBytes(_SC_LEVEL2_CACHE_SIZE);
        l3 = getCacheBytes(_SC_LEVEL3_CACHE_SIZE);
#endif
        cores = llvm::get_physical_cores();
        if (cores < 0)
          cores = 0;
      }
      break;
    case TargetKind::cuda:
      if (host)
        archName = "sm_80";
      subgroup = 32;
      shared = 48 * 1024; // without opting in to more per block
      threads = 1024;
      break;
    case TargetKind::vulkan:
      if (host)
        archName = "v1.3";
      if (features.empty())
        features = "+Shader";
      break;
    }
    if (failed(TargetAttr::verifyInvariants(emitError, kind, tripleName,
                                            archName, features, l1, l2, l3,
                                            cores, subgroup, shared, threads)))
      return {};
    return TargetAttr::get(&getContext(), kind, tripleName, archName, features,
                           l1, l2, l3, cores, subgroup, shared, threads);
  }
};
} // namespace
