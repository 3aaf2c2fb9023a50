// RUN: not mlc-translate --mlc-to-object %s -o %t.o 2>&1 | FileCheck %s

// Only the LLVM dialect (and what translates to LLVM IR) can become code.
// CHECK: cannot translate the module to LLVM IR
func.func @not_lowered(%x: memref<4xf32>) {
  return
}
