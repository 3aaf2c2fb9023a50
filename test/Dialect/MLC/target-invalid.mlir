// RUN: mlc-opt %s -split-input-file -verify-diagnostics

// expected-error @below {{target feature 'avx2' must be '+name' or '-name'}}
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "znver3", features = "+avx,avx2">} {
}

// -----

// expected-error @below {{a cpu target needs a triple}}
module attributes {mlc.target = #mlc.target<cpu, arch = "znver3">} {
}

// -----

// expected-error @below {{a cpu target needs an arch (an LLVM CPU name)}}
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu">} {
}

// -----

// expected-error @below {{a cpu target has no subgroup, shared_memory or max_threads}}
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "x86-64", subgroup = 32>} {
}

// -----

// expected-error @below {{target parameter 'l2' must not be negative, got -1}}
module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "x86-64", l2 = -1>} {
}

// -----

// expected-error @below {{a cuda target needs an arch such as 'sm_80' or 'sm_90a', got 'compute_90'}}
module attributes {mlc.target = #mlc.target<cuda, arch = "compute_90">} {
}

// -----

// expected-error @below {{a cuda target has no l1, l2, l3 or cores}}
module attributes {mlc.target = #mlc.target<cuda, arch = "sm_80", l1 = 1024>} {
}

// -----

// expected-error @below {{a vulkan target needs a SPIR-V version as arch ('v1.0' ... 'v1.6'), got '1.3'}}
module attributes {mlc.target = #mlc.target<vulkan, arch = "1.3">} {
}

// -----

// expected-error @below {{vulkan target feature '+Teleport' must be '+' and a SPIR-V capability or extension}}
module attributes {mlc.target = #mlc.target<vulkan, arch = "v1.3", features = "+Shader,+Teleport">} {
}

// -----

// expected-error @below {{'mlc.target' must be a #mlc.target, got "x86_64"}}
module attributes {mlc.target = "x86_64"} {
}

// -----

// expected-error @+2 {{expected ::mlc::TargetKind to be one of: cpu, cuda, vulkan}}
// expected-error @+1 {{failed to parse MLC_TargetAttr parameter 'kind' which is to be a `::mlc::TargetKind`}}
module attributes {mlc.target = #mlc.target<metal>} {
}
