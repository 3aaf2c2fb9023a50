// RUN: not mlc-translate --split-input-file --mlc-to-object %s -o %t.o 2>&1 | FileCheck %s

// Only the LLVM dialect (and what translates to LLVM IR) can become code.
// CHECK: cannot translate the module to LLVM IR
func.func @not_lowered(%x: memref<4xf32>) {
  return
}

// -----

// Native code is for a CPU target.
// CHECK: error: native code needs a cpu target, but the module's mlc.target is #mlc.target<cuda, arch = "sm_80">
module attributes {mlc.target = #mlc.target<cuda, arch = "sm_80">} {
  llvm.func @f() {
    llvm.return
  }
}
