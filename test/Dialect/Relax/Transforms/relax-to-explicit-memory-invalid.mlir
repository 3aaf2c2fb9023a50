// RUN: mlc-opt %s -split-input-file --relax-to-explicit-memory -verify-diagnostics

func.func private @k(memref<?xf32>, memref<?xf32>)

// expected-error @+1 {{relax-to-explicit-memory supports relax functions with one block only}}
func.func @blocks(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  cf.br ^bb1
^bb1:
  %y = relax.call_tir @k(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %y : !relax.tensor<[n], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

func.func @nested(%x: !relax.tensor<[n], f32>, %c: i1) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %p = scf.if %c -> !relax.tensor<[n], f32> {
    // expected-error @+1 {{inside a nested region is not supported by relax-to-explicit-memory yet}}
    %y = relax.call_tir @k(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    scf.yield %y : !relax.tensor<[n], f32>
  } else {
    scf.yield %x : !relax.tensor<[n], f32>
  }
  return %p : !relax.tensor<[n], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

func.func @unknown_dim(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32> attributes {relax.function} {
  // expected-error @+1 {{cannot allocate '!relax.tensor<[?], f32>': its rank and every dim must be known}}
  %y = relax.call_tir @k(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
  return %y : !relax.tensor<[?], f32>
}

// -----

func.func @shape_result(%x: !relax.tensor<[n], f32>) -> !relax.shape<[n]> attributes {relax.function} {
  %s = relax.shape_of %x : !relax.tensor<[n], f32>
  // expected-error @+1 {{returns '!relax.shape<[n]>', but explicit memory handles tensors and tuples of them only}}
  return %s : !relax.shape<[n]>
}

// -----

func.func @packed_in_region(%x: !relax.tensor<[4], f32>, %c: i1) -> !relax.tensor<[4], f32> attributes {relax.function} {
  %p = scf.if %c -> !relax.tensor<[4], f32> {
    // expected-error @+1 {{inside a nested region is not supported by relax-to-explicit-memory yet}}
    %q = relax.call_packed "user.neg"(%x) : (!relax.tensor<[4], f32>) -> !relax.tensor<[4], f32>
    scf.yield %q : !relax.tensor<[4], f32>
  } else {
    scf.yield %x : !relax.tensor<[4], f32>
  }
  return %p : !relax.tensor<[4], f32>
}
