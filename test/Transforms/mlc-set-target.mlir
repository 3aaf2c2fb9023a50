// RUN: mlc-opt %s -split-input-file --mlc-set-target="arch=znver3 features=+avx2,+fma triple=x86_64-unknown-linux-gnu" | FileCheck %s
// RUN: mlc-opt %s -split-input-file --mlc-set-target | FileCheck %s --check-prefix=HOST
// RUN: mlc-opt %s -split-input-file --mlc-set-target="kind=cuda arch=sm_90a features=+ptx80" | FileCheck %s --check-prefix=CUDA
// RUN: mlc-opt %s -split-input-file --mlc-set-target="kind=vulkan" | FileCheck %s --check-prefix=VULKAN
// RUN: not mlc-opt %s -split-input-file --mlc-set-target="arch=znver3 features=avx2" 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not mlc-opt %s -split-input-file --mlc-set-target="kind=cuda arch=gfx90a" 2>&1 | FileCheck %s --check-prefix=BAD-CUDA

/// Explicit options give the target.
// CHECK: module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "znver3", features = "+avx2,+fma">}

/// The host: LLVM's triple, CPU name and every feature, enabled or not, and
/// (where the OS reports them) cache sizes and cores.
// HOST: module attributes {mlc.target = #mlc.target<cpu, triple = "{{.+}}", arch = "{{.+}}", features = "{{[+-].*}}"{{.*}}>}

/// A GPU: the given SM, a warp of 32 and the default per-block limits; a
/// Vulkan device: SPIR-V 1.3 with the Shader capability.
// CUDA: module attributes {mlc.target = #mlc.target<cuda, arch = "sm_90a", features = "+ptx80", subgroup = 32, shared_memory = 49152, max_threads = 1024>}
// VULKAN: module attributes {mlc.target = #mlc.target<vulkan, arch = "v1.3", features = "+Shader">}

// BAD: error: mlc-set-target: target feature 'avx2' must be '+name' or '-name'
// BAD-CUDA: error: mlc-set-target: a cuda target needs an arch such as 'sm_80' or 'sm_90a', got 'gfx90a'
module {
}

// -----

/// A module that names its target keeps it.
// CHECK: module attributes {mlc.target = #mlc.target<cpu, triple = "aarch64-unknown-linux-gnu", arch = "neoverse-v1", features = "+neon">}
// HOST: module attributes {mlc.target = #mlc.target<cpu, triple = "aarch64-unknown-linux-gnu", arch = "neoverse-v1", features = "+neon">}
// CUDA: module attributes {mlc.target = #mlc.target<cpu, triple = "aarch64-unknown-linux-gnu", arch = "neoverse-v1", features = "+neon">}
module attributes {mlc.target = #mlc.target<cpu, triple = "aarch64-unknown-linux-gnu", arch = "neoverse-v1", features = "+neon">} {
}
