//===- Pipelines.h - mlc's compilation pipelines ----------------*- C++ -*-===//

#ifndef MLC_PIPELINES_PIPELINES_H
#define MLC_PIPELINES_PIPELINES_H

#include "mlc/Dialect/MLC/MLCDialect.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlc {

struct CompileOptions : public mlir::PassPipelineOptions<CompileOptions> {
  /// The kind of `#mlc.target` the pipeline compiles for (mlc-set-target's
  /// `kind`); only `cpu` has a back end so far.
  Option<TargetKind> target{
      *this, "target", llvm::cl::desc("Where the compiled code runs"),
      llvm::cl::init(TargetKind::cpu),
      llvm::cl::values(
          clEnumValN(TargetKind::cpu, "cpu", "a CPU (native code)"),
          clEnumValN(TargetKind::cuda, "cuda", "an NVIDIA GPU (not yet)"),
          clEnumValN(TargetKind::vulkan, "vulkan",
                     "a Vulkan device (not yet)"))};
  Option<std::string> arch{
      *this, "arch", llvm::cl::desc("LLVM CPU name to compile for, or `host`"),
      llvm::cl::init("host")};
  Option<std::string> features{
      *this, "features",
      llvm::cl::desc("LLVM subtarget features (`+avx2,+fma`); from the host "
                     "with arch=host"),
      llvm::cl::init("")};
};

/// relax + tir -> the LLVM dialect: tir kernels become loops, relax
/// functions become host code with the runtime's entry points
/// (docs/Pipelines.md). Emit the result with
/// `mlc-translate --mlc-to-shared-library`.
void buildCompilePipeline(mlir::OpPassManager &pm,
                          const CompileOptions &options);

/// Registers `--mlc-compile`.
void registerPipelines();

} // namespace mlc

#endif // MLC_PIPELINES_PIPELINES_H
