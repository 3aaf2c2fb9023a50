// RUN: mlc-opt %s --split-input-file --convert-tir-to-scf --verify-diagnostics

/// Loops bound to GPU threads have no CPU lowering.
tir.prim_func @thread_binding(%A: memref<32xf32>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %zero = arith.constant 0.0 : f32
  // expected-error @+1 {{'tir.for' op thread_binding loops need the GPU pipeline; convert-tir-to-scf handles CPU kernels}}
  tir.for thread_binding("threadIdx.x") %tx = %c0 to %c32 {
    tir.block "Z" (%v: spatial[32] = %tx) writes(%A[%v] : memref<32xf32>) {
      memref.store %zero, %A[%v] : memref<32xf32>
    }
  }
  tir.return
}

// -----

/// Shared memory only exists on the GPU.
tir.prim_func @shared_alloc(%A: memref<16xf32>) {
  // expected-error @+1 {{'tir.alloc_buffer' op allocates a buffer in #tir.scope<shared>, which needs the GPU pipeline; convert-tir-to-scf handles CPU kernels}}
  %tile = tir.alloc_buffer : memref<16xf32, #tir.scope<shared>>
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op parameter #1 is a buffer in #tir.scope<shared>, which needs the GPU pipeline; convert-tir-to-scf handles CPU kernels}}
tir.prim_func @shared_param(%A: memref<16xf32>,
                            %B: memref<16xf32, #tir.scope<shared>>) {
  tir.return
}
