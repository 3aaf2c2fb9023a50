// RUN: mlc-opt %s -split-input-file --tir-default-schedule -verify-diagnostics

/// Only CPU rules exist: a kernel whose target (its own, or its module's) is
/// a GPU is refused, naming the kernel.

// expected-error @+1 {{'tir.prim_func' op has a cuda target, for which tir-default-schedule has no rules yet}}
tir.prim_func @scale(%A: memref<64xf32>) attributes {mlc.target = #mlc.target<cuda, arch = "sm_80">} {
  tir.return
}

// -----

module attributes {mlc.target = #mlc.target<vulkan, arch = "v1.3">} {
  // expected-error @+1 {{'tir.prim_func' op has a vulkan target, for which tir-default-schedule has no rules yet}}
  tir.prim_func @scale(%A: memref<64xf32>) {
    tir.return
  }
}
