//===- TargetTest.cpp - #mlc.target's derived facts -----------------------===//
//
// What consumers derive from a target (vector width, features, the upstream
// GPU target attributes, the lookup through enclosing ops), through the C++
// API that no lit test reaches.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/MLC/MLCDialect.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/SPIRV/IR/SPIRVAttributes.h"
#include "mlir/Dialect/SPIRV/IR/TargetAndABI.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;

namespace {
class TargetTest : public ::testing::Test {
protected:
  TargetTest() { context.loadDialect<mlc::MLCDialect, func::FuncDialect>(); }

  mlc::TargetAttr parse(StringRef text) {
    return dyn_cast_or_null<mlc::TargetAttr>(parseAttribute(text, &context));
  }

  MLIRContext context;
};
} // namespace

TEST_F(TargetTest, VectorBitsFollowFeatures) {
  auto avx512 = parse("#mlc.target<cpu, triple = \"x86_64-unknown-linux-gnu\","
                      " arch = \"x\", features = \"+avx,+avx512f\">");
  ASSERT_TRUE(avx512);
  EXPECT_EQ(avx512.getVectorBits(), 512);
  // The last mention of a feature wins.
  auto avx2 = parse("#mlc.target<cpu, triple = \"x86_64-unknown-linux-gnu\","
                    " arch = \"x\", features = \"+avx512f,+avx,-avx512f\">");
  ASSERT_TRUE(avx2);
  EXPECT_EQ(avx2.getVectorBits(), 256);
  auto arm = parse("#mlc.target<cpu, triple = \"aarch64-linux-gnu\", arch = "
                   "\"neoverse-v2\", features = \"+sve\">");
  ASSERT_TRUE(arm);
  EXPECT_EQ(arm.getVectorBits(), 128);
  EXPECT_FALSE(arm.getNVVMTarget());
  EXPECT_FALSE(arm.getSPIRVTargetEnv());
}

TEST_F(TargetTest, CudaBuildsNVVMTarget) {
  auto cuda = parse("#mlc.target<cuda, arch = \"sm_90a\", features = "
                    "\"+ptx80\", subgroup = 32>");
  ASSERT_TRUE(cuda);
  auto nvvm = dyn_cast_or_null<NVVM::NVVMTargetAttr>(cuda.getNVVMTarget());
  ASSERT_TRUE(nvvm);
  EXPECT_EQ(nvvm.getChip(), "sm_90a");
  EXPECT_EQ(nvvm.getFeatures(), "+ptx80");
  EXPECT_EQ(nvvm.getTriple(), "nvptx64-nvidia-cuda");
  EXPECT_FALSE(cuda.getSPIRVTargetEnv());
}

TEST_F(TargetTest, VulkanBuildsTargetEnv) {
  auto vulkan =
      parse("#mlc.target<vulkan, arch = \"v1.5\", features = "
            "\"+Shader,+GroupNonUniform,+SPV_KHR_storage_buffer_storage_class\""
            ", subgroup = 64, shared_memory = 32768>");
  ASSERT_TRUE(vulkan);
  auto env = dyn_cast_or_null<spirv::TargetEnvAttr>(vulkan.getSPIRVTargetEnv());
  ASSERT_TRUE(env);
  EXPECT_EQ(env.getVersion(), spirv::Version::V_1_5);
  EXPECT_EQ(env.getClientAPI(), spirv::ClientAPI::Vulkan);
  EXPECT_EQ(env.getResourceLimits().getSubgroupSize(), 64);
  EXPECT_EQ(env.getResourceLimits().getMaxComputeSharedMemorySize(), 32768);
  EXPECT_EQ(llvm::range_size(env.getExtensions()), 1u);
  EXPECT_EQ(llvm::range_size(env.getCapabilities()), 2u);
}

TEST_F(TargetTest, KernelTargetWinsOverModule) {
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(
      "module attributes {mlc.target = #mlc.target<cpu, triple = "
      "\"x86_64-unknown-linux-gnu\", arch = \"x\">} {\n"
      "  func.func @host() { return }\n"
      "  func.func @gpu() attributes {mlc.target = #mlc.target<cuda, arch = "
      "\"sm_80\">} { return }\n"
      "}",
      &context);
  ASSERT_TRUE(module);
  auto host = module->lookupSymbol<func::FuncOp>("host");
  auto gpu = module->lookupSymbol<func::FuncOp>("gpu");
  EXPECT_TRUE(mlc::getTarget(host).isCPU());
  EXPECT_EQ(mlc::getTarget(gpu).getKind(), mlc::TargetKind::cuda);
  EXPECT_EQ(mlc::getTarget(&gpu.getBody().front().front()).getKind(),
            mlc::TargetKind::cuda);
  EXPECT_FALSE(mlc::getTarget(nullptr));
}
