//===- Target.cpp - #mlc.target -------------------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The verifier of each kind's parameters, the facts consumers derive from
// them (vector width, features), the upstream GPU target attributes built
// from them, and the one lookup of the target that applies to an op.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/MLC/MLCDialect.h"

#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/SPIRV/IR/SPIRVAttributes.h"
#include "mlir/Dialect/SPIRV/IR/SPIRVDialect.h"
#include "mlir/Dialect/SPIRV/IR/SPIRVEnums.h"
#include "mlir/Dialect/SPIRV/IR/TargetAndABI.h"
#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace mlc;

/// The `+name`/`-name` entries of a feature list.
static SmallVector<StringRef> splitFeatures(StringRef features) {
  SmallVector<StringRef> list;
  features.split(list, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  return list;
}

/// Whether `arch` names a CUDA architecture: `sm_` digits, optionally `a`.
static bool isCudaArch(StringRef arch) {
  if (!arch.consume_front("sm_"))
    return false;
  arch.consume_back("a");
  return !arch.empty() && llvm::all_of(arch, llvm::isDigit);
}

LogicalResult TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 TargetKind kind, StringRef triple,
                                 StringRef arch, StringRef features, int64_t l1,
                                 int64_t l2, int64_t l3, int64_t cores,
                                 int64_t subgroup, int64_t sharedMemory,
                                 int64_t maxThreads) {
  for (StringRef feature : splitFeatures(features))
    if (feature.size() < 2 || (feature[0] != '+' && feature[0] != '-'))
      return emitError() << "target feature '" << feature
                         << "' must be '+name' or '-name'";
  std::pair<StringRef, int64_t> sizes[] = {{"l1", l1},
                                           {"l2", l2},
                                           {"l3", l3},
                                           {"cores", cores},
                                           {"subgroup", subgroup},
                                           {"shared_memory", sharedMemory},
                                           {"max_threads", maxThreads}};
  for (auto [name, value] : sizes)
    if (value < 0)
      return emitError() << "target parameter '" << name
                         << "' must not be negative, got " << value;
  bool cpuFacts = l1 || l2 || l3 || cores;
  bool gpuFacts = subgroup || sharedMemory || maxThreads;
  switch (kind) {
  case TargetKind::cpu:
    if (triple.empty())
      return emitError() << "a cpu target needs a triple";
    if (arch.empty())
      return emitError() << "a cpu target needs an arch (an LLVM CPU name)";
    if (gpuFacts)
      return emitError() << "a cpu target has no subgroup, shared_memory or "
                            "max_threads";
    return success();
  case TargetKind::cuda:
    if (!isCudaArch(arch))
      return emitError() << "a cuda target needs an arch such as 'sm_80' or "
                            "'sm_90a', got '"
                         << arch << "'";
    break;
  case TargetKind::vulkan: {
    if (!spirv::symbolizeVersion(arch))
      return emitError() << "a vulkan target needs a SPIR-V version as arch "
                            "('v1.0' ... 'v1.6'), got '"
                         << arch << "'";
    for (StringRef feature : splitFeatures(features)) {
      StringRef name = feature.drop_front();
      if (feature.front() != '+' || (!spirv::symbolizeCapability(name) &&
                                     !spirv::symbolizeExtension(name)))
        return emitError() << "vulkan target feature '" << feature
                           << "' must be '+' and a SPIR-V capability or "
                              "extension";
    }
    break;
  }
  }
  if (cpuFacts)
    return emitError() << "a " << stringifyTargetKind(kind)
                       << " target has no l1, l2, l3 or cores";
  return success();
}

bool TargetAttr::hasFeature(StringRef feature) const {
  bool enabled = false;
  for (StringRef entry : splitFeatures(getFeatures()))
    if (entry.drop_front() == feature)
      enabled = entry.front() == '+';
  return enabled;
}

int64_t TargetAttr::getVectorBits() const {
  if (isCPU() && getTriple().starts_with("x86_64")) {
    if (hasFeature("avx512f"))
      return 512;
    if (hasFeature("avx"))
      return 256;
  }
  return 128;
}

Attribute TargetAttr::getNVVMTarget() const {
  if (getKind() != TargetKind::cuda)
    return {};
  StringRef triple = getTriple().empty() ? "nvptx64-nvidia-cuda" : getTriple();
  getContext()->getOrLoadDialect<NVVM::NVVMDialect>();
  return NVVM::NVVMTargetAttr::get(getContext(), /*optLevel=*/3, triple,
                                   getArch(), getFeatures());
}

Attribute TargetAttr::getSPIRVTargetEnv() const {
  if (getKind() != TargetKind::vulkan)
    return {};
  MLIRContext *ctx = getContext();
  ctx->getOrLoadDialect<spirv::SPIRVDialect>();
  SmallVector<spirv::Capability> capabilities;
  SmallVector<spirv::Extension> extensions;
  for (StringRef feature : splitFeatures(getFeatures())) {
    StringRef name = feature.drop_front();
    if (std::optional<spirv::Capability> capability =
            spirv::symbolizeCapability(name))
      capabilities.push_back(*capability);
    else if (std::optional<spirv::Extension> extension =
                 spirv::symbolizeExtension(name))
      extensions.push_back(*extension);
  }
  auto triple = spirv::VerCapExtAttr::get(*spirv::symbolizeVersion(getArch()),
                                          capabilities, extensions, ctx);
  spirv::ResourceLimitsAttr defaults = spirv::getDefaultResourceLimits(ctx);
  auto orDefault = [](int64_t value, int64_t fallback) {
    return static_cast<int>(value ? value : fallback);
  };
  auto limits = spirv::ResourceLimitsAttr::get(
      ctx,
      orDefault(getSharedMemory(), defaults.getMaxComputeSharedMemorySize()),
      orDefault(getMaxThreads(), defaults.getMaxComputeWorkgroupInvocations()),
      defaults.getMaxComputeWorkgroupSize(),
      orDefault(getSubgroup(), defaults.getSubgroupSize()),
      defaults.getMinSubgroupSize(), defaults.getMaxSubgroupSize(),
      defaults.getCooperativeMatrixPropertiesKhr(),
      defaults.getCooperativeMatrixPropertiesNv());
  // spirv-attach-target and the Vulkan runtime need the client API named.
  return spirv::TargetEnvAttr::get(triple, limits, spirv::ClientAPI::Vulkan);
}

LogicalResult MLCDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attribute) {
  if (attribute.getName() == TargetAttr::kAttrName &&
      !isa<TargetAttr>(attribute.getValue()))
    return op->emitError("'")
           << TargetAttr::kAttrName << "' must be a #mlc.target, got "
           << attribute.getValue();
  return success();
}

TargetAttr mlc::getTarget(Operation *op) {
  for (; op; op = op->getParentOp())
    if (auto target = op->getAttrOfType<TargetAttr>(TargetAttr::kAttrName))
      return target;
  return {};
}
