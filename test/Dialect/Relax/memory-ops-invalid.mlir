// RUN: mlc-opt %s -split-input-file -verify-diagnostics

func.func @bad_align() attributes {relax.function} {
  // expected-error @+1 {{alignment must be a positive power of two, got 48}}
  %s = relax.alloc_storage size(64) align 48 on #relax.device<cpu>
  return
}

// -----

func.func @negative_size() attributes {relax.function} {
  // expected-error @+1 {{size must not be negative, got -4}}
  %s = relax.alloc_storage size(-4) align 64 on #relax.device<cpu>
  return
}

// -----

func.func @size_out_of_scope() attributes {relax.function} {
  // expected-error @+1 {{uses symbolic variable 'n' before it is defined}}
  %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
  return
}

// -----

// expected-error @+1 {{device index must be non-negative, got -1}}
func.func @bad_device() attributes {relax.device = #relax.device<cuda:-1>} {
  return
}

// -----

// expected-error @+1 {{'relax.device' must be a #relax.device, got "cpu"}}
func.func @device_not_attr() attributes {relax.device = "cpu"} {
  return
}

// -----

func.func @too_small(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  // expected-error @+1 {{views bytes [8, 24) of a storage of 16 bytes, which provably do not fit}}
  %t = relax.alloc_tensor %s[8] : !relax.tensor<[4], f32>
  return
}

// -----

func.func @negative_offset() attributes {relax.function} {
  %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  // expected-error @+1 {{offset -4 is provably negative}}
  %t = relax.alloc_tensor %s[-4] : !relax.tensor<[2], f32>
  return
}

// -----

func.func @unknown_dim(%x: !relax.tensor<[n], f32>) attributes {relax.function} {
  %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  // expected-error @+1 {{needs a known rank and known dims, got '!relax.tensor<[?], f32>'}}
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[?], f32>
  return
}

// -----

func.func @kill_argument(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{must kill a tensor made by relax.alloc_tensor, returned by a call or a region op, or a loop's iteration argument; a function argument belongs to the caller}}
  relax.kill_tensor %x : !relax.tensor<[4], f32>
  return
}

// -----

func.func @kill_block_argument(%s: !relax.storage) attributes {relax.function} {
  // expected-error @+1 {{must kill a storage made by relax.alloc_storage}}
  relax.kill_storage %s
  return
}

// -----

func.func private @k(memref<4xf32>, memref<4xf32>)

func.func @no_outputs(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{must write at least one output tensor or one input in place}}
  relax.invoke_tir @k(%x : !relax.tensor<[4], f32>) outs()
  return
}

// -----

func.func private @k(memref<4xf32>)

func.func @bad_inplace(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{in-place index 1 is not the index of one of 1 inputs}}
  relax.invoke_tir @k(%x : !relax.tensor<[4], f32>) outs() inplace [1]
  return
}

// -----

func.func private @k(memref<4xf32>, memref<4xf32>)

func.func @wrong_output(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  %s = relax.alloc_storage size(32) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[8], f32>
  // expected-error @+1 {{output 0 (parameter 1 of @k) dimension 0 is 8 but 4 is required, and they provably differ}}
  relax.invoke_tir @k(%x : !relax.tensor<[4], f32>) outs(%t : !relax.tensor<[8], f32>)
  return
}

// -----

func.func @missing_kernel(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee @nope does not name a symbol in scope}}
  relax.invoke_tir @nope(%x : !relax.tensor<[4], f32>) outs(%x : !relax.tensor<[4], f32>)
  return
}

// -----

func.func @empty_name(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{callee name must not be empty}}
  relax.invoke_packed ""(%x : !relax.tensor<[4], f32>) outs(%x : !relax.tensor<[4], f32>)
  return
}

// -----

func.func @packed_no_outputs(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  // expected-error @+1 {{must write at least one output tensor}}
  relax.invoke_packed "lib.f"(%x : !relax.tensor<[4], f32>) outs()
  return
}

// -----

func.func @copy_mismatch(%x: !relax.tensor<[4], f32>, %y: !relax.tensor<[5], f32>) attributes {relax.function} {
  // expected-error @+1 {{the source dimension 0 is 4 but 5 is required, and they provably differ}}
  relax.copy %x to %y : !relax.tensor<[4], f32>, !relax.tensor<[5], f32>
  return
}

// -----

func.func @copy_dtype(%x: !relax.tensor<[4], f32>, %y: !relax.tensor<[4], i32>) attributes {relax.function} {
  // expected-error @+1 {{the source has dtype 'f32' but 'i32' is required}}
  relax.copy %x to %y : !relax.tensor<[4], f32>, !relax.tensor<[4], i32>
  return
}

// -----

func.func private @use(%o: !relax.object) attributes {relax.function} {
  // expected-error @+1 {{must kill an object returned by a call or a region op, or a loop's iteration argument; a function argument is borrowed}}
  relax.kill_object %o
  return
}
