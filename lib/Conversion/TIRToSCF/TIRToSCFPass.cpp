//===- TIRToSCFPass.cpp - The convert-tir-to-scf pass ---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Rejects what only the GPU pipeline can lower (thread_binding loops, shared
// buffers) before changing anything, then applies the TIRToSCF patterns with
// the one-shot dialect conversion driver.
//
//===----------------------------------------------------------------------===//

#include "mlc/Conversion/Passes.h"

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlc {
#define GEN_PASS_DEF_CONVERTTIRTOSCFPASS
#include "mlc/Conversion/Passes.h.inc"
} // namespace mlc

using namespace mlir;
using namespace mlc;
using mlc::tir::StorageScope;

static constexpr llvm::StringLiteral kCPUOnly =
    "convert-tir-to-scf handles CPU kernels";

static bool isShared(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  return memref && tir::getStorageScope(memref) == StorageScope::Shared;
}

/// Reports every construct of `module` that has no CPU lowering: loops bound
/// to GPU threads and buffers in shared memory.
static LogicalResult checkCPUOnly(ModuleOp module) {
  bool ok = true;
  module.walk([&](Operation *op) {
    if (auto loop = dyn_cast<tir::ForOp>(op);
        loop && loop.getKind() == tir::ForKind::ThreadBinding) {
      loop.emitOpError("thread_binding loops need the GPU pipeline; ")
          << kCPUOnly;
      ok = false;
    } else if (auto alloc = dyn_cast<tir::AllocBufferOp>(op);
               alloc && alloc.getScope() == StorageScope::Shared) {
      alloc.emitOpError("allocates a buffer in #tir.scope<shared>, which "
                        "needs the GPU pipeline; ")
          << kCPUOnly;
      ok = false;
    } else if (auto func = dyn_cast<tir::PrimFuncOp>(op)) {
      for (auto [index, type] : llvm::enumerate(func.getArgumentTypes())) {
        if (!isShared(type))
          continue;
        func.emitOpError("parameter #")
            << index
            << " is a buffer in #tir.scope<shared>, which needs the GPU "
               "pipeline; "
            << kCPUOnly;
        ok = false;
      }
    }
  });
  return success(ok);
}

namespace {
struct ConvertTIRToSCFPass final
    : mlc::impl::ConvertTIRToSCFPassBase<ConvertTIRToSCFPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(checkCPUOnly(module)))
      return signalPassFailure();

    TIRToSCFTypeConverter typeConverter;
    ConversionTarget target(getContext());
    configureTIRToSCFConversionTarget(target, typeConverter);
    RewritePatternSet patterns(&getContext());
    populateTIRToSCFConversionPatterns(typeConverter, patterns);

    ConversionConfig config;
    config.allowPatternRollback = false;
    if (failed(applyPartialConversion(module, target, std::move(patterns),
                                      config)))
      return signalPassFailure();
    replaceScalarsOfPrivateBuffers(module);
  }
};
} // namespace
