// Upstream mlir-opt 22 loads mlc's dialects and passes as plugins.
// Passes from a plugin are registered after the command line is parsed, so
// they are named in --pass-pipeline. An uninstrumented mlir-opt cannot load
// a sanitized plugin (the ASan runtime must come first).
//
// UNSUPPORTED: sanitizer
// RUN: mlir-opt %s --load-dialect-plugin=%mlc_lib_dir/MLCPlugin%shlibext | FileCheck %s --check-prefix=DIALECT
// RUN: mlir-opt %s --load-dialect-plugin=%mlc_lib_dir/MLCPlugin%shlibext \
// RUN:   --load-pass-plugin=%mlc_lib_dir/MLCPlugin%shlibext \
// RUN:   --pass-pipeline="builtin.module(relax-bind-symbolic-vars{bindings=n=64})" | FileCheck %s --check-prefix=PASS

// One library is both plugins (one copy of mlc in the process): the mlc
// dialect's target and a pass that reads relax types work together.
// RUN: mlir-opt %s --load-dialect-plugin=%mlc_lib_dir/MLCPlugin%shlibext \
// RUN:   --load-pass-plugin=%mlc_lib_dir/MLCPlugin%shlibext \
// RUN:   --pass-pipeline="builtin.module(mlc-set-target{arch=x86-64 triple=x86_64-unknown-linux-gnu features=+sse2},relax-bind-symbolic-vars{bindings=n=8})" \
// RUN:   | FileCheck %s --check-prefix=BOTH

// BOTH: module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu", arch = "x86-64", features = "+sse2">}
// BOTH: func.func @plugin(%{{.*}}: !relax.tensor<[8, 16], f32>)

// DIALECT-LABEL: func.func @plugin
// DIALECT-SAME: !relax.tensor<[n, 2 * n], f32>
// DIALECT: relax.shape_of
// PASS-LABEL: func.func @plugin
// PASS-SAME: !relax.tensor<[64, 128], f32>
func.func @plugin(%x: !relax.tensor<[n, 2 * n], f32>) -> !relax.shape<[n, 2 * n]> attributes {relax.function} {
  %s = relax.shape_of %x : !relax.tensor<[n, 2 * n], f32>
  return %s : !relax.shape<[n, 2 * n]>
}
