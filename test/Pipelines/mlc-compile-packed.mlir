// RUN: mlc-opt %s --mlc-compile="target=cpu" | FileCheck %s
// RUN: mlc-opt %s --mlc-compile="target=cpu" \
// RUN:   | mlc-translate --mlc-to-shared-library -o %t.so
// RUN: not mlc-run %t.so --input=4xf32=1 2>&1 | FileCheck %s --check-prefix=LOAD

// The review's crash: relax.call_dps_packed of a name nothing declares
// segfaulted the host lowering. A packed function is resolved by the
// runtime's registry when the module loads, so this compiles, imports
// "lib", and fails to load cleanly where "lib" is not registered.

// CHECK: llvm.call @mlcContextCallPacked
// CHECK: @__mlc_metadata("mlc-module 2\0Aimport lib\0A
// LOAD: error: {{.*}}'lib'{{.*}}not registered
func.func @f(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %y = relax.call_dps_packed "lib"(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %y : !relax.tensor<[n], f32>
}
