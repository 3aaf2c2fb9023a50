// RUN: mlc-opt %s | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | mlc-opt | FileCheck %s

/// Targets round-trip as attributes: the module's (the host) and a
/// kernel's own; parameters left at their defaults are not printed.

// CHECK: module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "znver3", features = "+avx,+avx2,+fma,-avx512f", l1 = 32768, l2 = 524288, l3 = 33554432, cores = 8>}
// CHECK: func.func @cuda_kernel() attributes {mlc.target = #mlc.target<cuda, arch = "sm_90a", features = "+ptx80", subgroup = 32, shared_memory = 232448, max_threads = 1024>}
// CHECK: func.func @vulkan_kernel() attributes {mlc.target = #mlc.target<vulkan, arch = "v1.3", features = "+Shader,+SPV_KHR_16bit_storage", subgroup = 32>}
// CHECK: func.func @bare() attributes {mlc.target = #mlc.target<cuda, arch = "sm_80">}
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu",
    arch = "znver3", features = "+avx,+avx2,+fma,-avx512f", l1 = 32768,
    l2 = 524288, l3 = 33554432, cores = 8>} {
  func.func @cuda_kernel() attributes {mlc.target = #mlc.target<cuda,
      arch = "sm_90a", features = "+ptx80", subgroup = 32,
      shared_memory = 232448, max_threads = 1024>} {
    return
  }
  func.func @vulkan_kernel() attributes {mlc.target = #mlc.target<vulkan,
      arch = "v1.3", features = "+Shader,+SPV_KHR_16bit_storage",
      subgroup = 32>} {
    return
  }
  func.func @bare() attributes {mlc.target = #mlc.target<cuda, arch = "sm_80">} {
    return
  }
}
