//===- TIRTarget.cpp - The tir.target attribute ---------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/IR/BuiltinOps.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlc::tir;

LogicalResult TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 StringRef triple, StringRef cpu,
                                 StringRef features) {
  if (triple.empty())
    return emitError() << "target triple must not be empty";
  if (cpu.empty())
    return emitError() << "target CPU must not be empty";
  SmallVector<StringRef> list;
  features.split(list, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef feature : list)
    if (feature.size() < 2 || (feature[0] != '+' && feature[0] != '-'))
      return emitError() << "target feature '" << feature
                         << "' must be '+name' or '-name'";
  return success();
}

bool TargetAttr::hasFeature(StringRef feature) const {
  SmallVector<StringRef> list;
  getFeatures().split(list, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  bool enabled = false;
  for (StringRef entry : list)
    if (entry.drop_front() == feature)
      enabled = entry.front() == '+';
  return enabled;
}

int64_t TargetAttr::getVectorBits() const {
  if (StringRef(getTriple()).starts_with("x86_64")) {
    if (hasFeature("avx512f"))
      return 512;
    if (hasFeature("avx"))
      return 256;
  }
  return 128;
}

TargetAttr TargetAttr::lookup(Operation *op) {
  for (; op; op = op->getParentOp())
    if (auto module = dyn_cast<ModuleOp>(op))
      if (auto target = module->getAttrOfType<TargetAttr>(kModuleAttrName))
        return target;
  return {};
}
