// RUN: mlc-opt %s --mlc-compile="target=cuda" -verify-diagnostics
// RUN: mlc-opt %s --mlc-compile="target=vulkan" -verify-diagnostics

// Only the CPU has a back end: for a GPU target the pipeline attaches the
// target and stops at the first kernel, which the default schedules cannot
// schedule for it.
func.func @double(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // expected-error-re @+1 {{'tir.prim_func' op has a {{cuda|vulkan}} target, for which tir-default-schedule has no rules yet}}
  %y = relax.add %x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return %y : !relax.tensor<[n], f32>
}
