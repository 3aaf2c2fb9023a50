//===- Pipelines.h - mlc's compilation pipelines ----------------*- C++ -*-===//

#ifndef MLC_PIPELINES_PIPELINES_H
#define MLC_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlc {

/// Where compiled code runs.
enum class CompileTarget { CPU };

struct CompileOptions : public mlir::PassPipelineOptions<CompileOptions> {
  Option<CompileTarget> target{
      *this, "target", llvm::cl::desc("Where the compiled code runs"),
      llvm::cl::init(CompileTarget::CPU),
      llvm::cl::values(
          clEnumValN(CompileTarget::CPU, "cpu", "the host CPU (native code)"))};
  Option<std::string> cpu{
      *this, "cpu", llvm::cl::desc("LLVM CPU name to compile for, or `host`"),
      llvm::cl::init("host")};
  Option<std::string> features{
      *this, "features",
      llvm::cl::desc("LLVM subtarget features (`+avx2,+fma`); from the host "
                     "with cpu=host"),
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
