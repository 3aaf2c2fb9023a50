// The memory-bound kernels that bench/run-membound.sh measures against
// memcpy: an elementwise add over a symbolic length, and a softmax and an
// rms_norm over the last axis of a symbolic [m, n] matrix, each legalized
// into a generated tir kernel and compiled with --mlc-compile.
func.func @add(%a: !relax.tensor<[n], f32>, %b: !relax.tensor<[n], f32>)
    -> !relax.tensor<[n], f32> attributes {relax.function} {
  %c = relax.add %a, %b : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return %c : !relax.tensor<[n], f32>
}

func.func @softmax(%x: !relax.tensor<[m, n], f32>) -> !relax.tensor<[m, n], f32> attributes {relax.function} {
  %y = relax.softmax %x : !relax.tensor<[m, n], f32>
  return %y : !relax.tensor<[m, n], f32>
}

func.func @rms_norm(%x: !relax.tensor<[m, n], f32>, %w: !relax.tensor<[n], f32>) -> !relax.tensor<[m, n], f32> attributes {relax.function} {
  %y = relax.rms_norm %x, %w : !relax.tensor<[m, n], f32>, !relax.tensor<[n], f32>
  return %y : !relax.tensor<[m, n], f32>
}
