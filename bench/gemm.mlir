// The GEMM that bench/run-gemm.sh measures against OpenBLAS: one relax
// matmul over symbolic M, K, N, legalized into a generated tir kernel (scheduled by
// tir-default-schedule) and compiled with --mlc-compile.
func.func @matmul(%a: !relax.tensor<[m, k], f32>, %b: !relax.tensor<[k, n], f32>)
    -> !relax.tensor<[m, n], f32> attributes {relax.function} {
  %c = relax.matmul %a, %b : !relax.tensor<[m, k], f32>, !relax.tensor<[k, n], f32>
  return %c : !relax.tensor<[m, n], f32>
}
