// RUN: mlc-opt %s -split-input-file --relax-lower-to-host -verify-diagnostics

// expected-error @+1 {{host lowering needs a known rank, got '!relax.tensor<*, f32>'}}
func.func @unranked(%x: !relax.tensor<*, f32>) {
  return
}

// -----

func.func @shape_value(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> {
  // expected-error @+1 {{produces a first-class shape, which host lowering does not support yet}}
  %s = relax.shape_of %x : !relax.tensor<[n], f32>
  %t = relax.match_cast %s : !relax.shape<[n]> to !relax.shape<[m]>
  return %x : !relax.tensor<[n], f32>
}

// -----

// expected-error @+1 {{host lowering supports tensor values only, not '!relax.object'}}
func.func @object(%x: !relax.object) {
  return
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

func.func @unknown_output_dim(%x: !relax.tensor<[n], f32>) {
  // expected-error @+1 {{cannot allocate '!relax.tensor<[?], f32>': a dimension is unknown}}
  %y = relax.call_tir @k(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
  return
}

// -----

func.func private @lib(memref<?xf32>, memref<?xf32>)

func.func @packed_type_clash(%x: !relax.tensor<[n], f16>) {
  // expected-error @+1 {{calls 'lib' with types '(memref<?xf16>, memref<?xf16>) -> ()' but it is declared as '(memref<?xf32>, memref<?xf32>) -> ()'}}
  %y = relax.call_dps_packed "lib"(%x) : (!relax.tensor<[n], f16>) -> !relax.tensor<[n], f16>
  return
}
