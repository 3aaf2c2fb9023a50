//===- Pipelines.cpp - mlc's compilation pipelines ------------------------===//

#include "mlc/Pipelines/Pipelines.h"

#include "mlc/Conversion/Passes.h"
#include "mlc/Dialect/Relax/Transforms/Passes.h"
#include "mlc/Dialect/TIR/Transforms/Passes.h"
#include "mlc/Transforms/Passes.h"

#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void mlc::buildCompilePipeline(OpPassManager &pm,
                               const CompileOptions &options) {
  MLCSetTargetPassOptions targetOptions;
  targetOptions.kind = options.target;
  targetOptions.arch = options.arch;
  targetOptions.features = options.features;
  // A GPU target is refused by the first pass that needs a back end
  // (tir-default-schedule), with a diagnostic naming the kernel.
  pm.addPass(createMLCSetTargetPass(targetOptions));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createRelaxLegalizePass());
  pm.addPass(createTIRDefaultSchedulePass());
  // Allocation and lifetimes become explicit before kernels lose their tir
  // form; the host conversion then follows the runtime ABI v2.
  pm.addPass(createRelaxToExplicitMemoryPass());
  pm.addPass(createConvertTIRToSCFPass());
  pm.addPass(createRelaxToHostPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Vectorizable exp/tanh/... instead of a libm call per element.
  pm.addPass(createMLCApproximateMathPass());
  // What is not approximated (f64, functions off the list) becomes LLVM
  // intrinsics where LLVM has one, and libm calls for the rest (erf).
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  // Micro-kernels (tensorize) use the vector dialect; transfers with
  // out-of-bounds lanes become masked loads and stores.
  pm.addPass(createConvertVectorToSCFPass());
  // Parallel loops run on the runtime's OpenMP threads.
  pm.addPass(createConvertSCFToOpenMPPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  // expand-strided-metadata emits affine.apply for dynamic offsets.
  pm.addPass(createLowerAffinePass());
  // Storages come from the runtime context's pool; what kernels allocate
  // for themselves goes through _mlir_memref_to_llvm_alloc.
  pm.addPass(createConvertVectorToLLVMPass());
  FinalizeMemRefToLLVMConversionPassOptions memrefOptions;
  memrefOptions.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefOptions));
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void mlc::registerPipelines() {
  PassPipelineRegistration<CompileOptions>(
      "mlc-compile",
      "Compile relax and tir to the LLVM dialect for the given target",
      buildCompilePipeline);
}
