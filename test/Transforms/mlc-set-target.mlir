// RUN: mlc-opt %s -split-input-file --mlc-set-target="cpu=znver3 features=+avx2,+fma triple=x86_64-unknown-linux-gnu" | FileCheck %s
// RUN: mlc-opt %s -split-input-file --mlc-set-target | FileCheck %s --check-prefix=HOST
// RUN: not mlc-opt %s -split-input-file --mlc-set-target="cpu=znver3 features=avx2" 2>&1 | FileCheck %s --check-prefix=BAD

/// Explicit options give the target.
// CHECK: module attributes {mlc.target = #tir.target<triple = "x86_64-unknown-linux-gnu", cpu = "znver3", features = "+avx2,+fma">}

/// The host: LLVM's triple, CPU name and every feature, enabled or not.
// HOST: module attributes {mlc.target = #tir.target<triple = "{{.+}}", cpu = "{{.+}}", features = "{{[+-].*}}">}

// BAD: error: mlc-set-target: target feature 'avx2' must be '+name' or '-name'
module {
}

// -----

/// A module that names its target keeps it.
// CHECK: module attributes {mlc.target = #tir.target<triple = "aarch64-unknown-linux-gnu", cpu = "neoverse-v1", features = "+neon">}
// HOST: module attributes {mlc.target = #tir.target<triple = "aarch64-unknown-linux-gnu", cpu = "neoverse-v1", features = "+neon">}
module attributes {mlc.target = #tir.target<triple = "aarch64-unknown-linux-gnu", cpu = "neoverse-v1", features = "+neon">} {
}
