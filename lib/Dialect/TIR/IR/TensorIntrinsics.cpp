//===- TensorIntrinsics.cpp - The tir dialect's tensor intrinsics ---------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TensorIntrinsics.h"

#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Parser/Parser.h"

using namespace mlir;
using namespace mlc::tir;

void TensorIntrinsicRegistry::add(TensorIntrinsic intrinsic) {
  std::lock_guard<std::mutex> lock(mutex);
  storage.push_back(std::make_unique<Entry>());
  storage.back()->intrinsic = std::move(intrinsic);
  byName[storage.back()->intrinsic.name] = storage.back().get();
}

const TensorIntrinsic *TensorIntrinsicRegistry::lookup(StringRef name) {
  std::lock_guard<std::mutex> lock(mutex);
  auto it = byName.find(name);
  return it == byName.end() ? nullptr : &it->second->intrinsic;
}

PrimFuncOp
TensorIntrinsicRegistry::getDescription(const TensorIntrinsic &intrinsic) {
  std::lock_guard<std::mutex> lock(mutex);
  auto it = byName.find(intrinsic.name);
  if (it == byName.end() || &it->second->intrinsic != &intrinsic)
    return {};
  Entry &entry = *it->second;
  if (!entry.parsed) {
    entry.parsed = true;
    ParserConfig config(ctx);
    entry.description =
        parseSourceString<ModuleOp>(entry.intrinsic.description, config);
  }
  if (!entry.description)
    return {};
  auto funcs = entry.description->getOps<PrimFuncOp>();
  return funcs.empty() ? PrimFuncOp() : *funcs.begin();
}

SmallVector<std::string> TensorIntrinsicRegistry::getNames() {
  std::lock_guard<std::mutex> lock(mutex);
  SmallVector<std::string> names;
  for (const auto &entry : byName)
    names.push_back(entry.getKey().str());
  llvm::sort(names);
  return names;
}

TensorIntrinsicRegistry &
mlc::tir::getTensorIntrinsicRegistry(MLIRContext *ctx) {
  return ctx->getOrLoadDialect<TIRDialect>()->getTensorIntrinsics();
}
