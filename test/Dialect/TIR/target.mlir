// RUN: mlc-opt %s | mlc-opt | FileCheck %s
// RUN: mlc-opt %s --mlir-print-op-generic | mlc-opt | FileCheck %s

/// The target attribute round-trips as a module attribute.

// CHECK: module attributes {mlc.target = #tir.target<triple = "x86_64-unknown-linux-gnu", cpu = "znver3", features = "+avx,+avx2,+fma,-avx512f">}
module attributes {mlc.target = #tir.target<triple = "x86_64-unknown-linux-gnu",
    cpu = "znver3", features = "+avx,+avx2,+fma,-avx512f">} {
}
