//===- gemm-bench.cpp - mlc GEMM against OpenBLAS in one process ----------===//
//
// usage: gemm-bench MODULE.so THREADS M,N,K [M,N,K ...]
//
// Calls the module's `matmul` through the runtime and OpenBLAS's cblas_sgemm
// on the same inputs, checks that they agree, and prints GFLOP/s of both and
// their ratio. OpenBLAS uses THREADS threads; the module's OpenMP threads
// come from OMP_NUM_THREADS, which run-gemm.sh sets to the same number.
//
//===----------------------------------------------------------------------===//

#include "BenchUtils.h"

#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

extern "C" void openblas_set_num_threads(int);

namespace {

struct Shape {
  int64_t m, n, k;
};

using mlc::bench::medianTimes;

/// A rows x cols f32 matrix with values in [-1, 1).
DLManagedTensor *allocMatrix(int64_t rows, int64_t cols, std::mt19937 &rng) {
  int64_t shape[2] = {rows, cols};
  return mlc::bench::allocRandomTensor(2, shape, rng, -1.0f, 1.0f);
}

int runShape(const MLCModule *module, Shape s, std::mt19937 &rng) {
  DLManagedTensor *a = allocMatrix(s.m, s.k, rng);
  DLManagedTensor *b = allocMatrix(s.k, s.n, rng);
  if (!a || !b) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  std::vector<float> reference(s.m * s.n);
  DLTensor args[2] = {a->dl_tensor, b->dl_tensor};
  DLManagedTensor *result = nullptr;
  double flops = 2.0 * s.m * s.n * s.k;
  // The median of 5 runs for the large shapes (issue #9's measure), of 11
  // for the small ones.
  int repeat = flops > 1e9 ? 5 : 11;
  bool failed = false;
  auto [mlcTime, blasTime] = medianTimes(
      repeat,
      [&] {
        if (result)
          result->deleter(result);
        result = nullptr;
        if (mlcModuleCall(module, "matmul", args, 2, &result, 1) != MLC_OK)
          failed = true;
      },
      [&] {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, s.m, s.n, s.k,
                    1.0f, static_cast<float *>(a->dl_tensor.data), s.k,
                    static_cast<float *>(b->dl_tensor.data), s.n, 0.0f,
                    reference.data(), s.n);
      });
  if (failed || !result) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  const float *ours = static_cast<const float *>(result->dl_tensor.data);
  double maxError = 0;
  for (int64_t i = 0; i < s.m * s.n; ++i)
    maxError = std::max(maxError, double(std::fabs(ours[i] - reference[i])));
  std::printf("%5lld %5lld %5lld  mlc %8.2f GFLOP/s  OpenBLAS %8.2f GFLOP/s  "
              "ratio %.3f  max|diff| %.2e\n",
              (long long)s.m, (long long)s.n, (long long)s.k,
              flops / mlcTime * 1e-9, flops / blasTime * 1e-9,
              blasTime / mlcTime, maxError);
  result->deleter(result);
  a->deleter(a);
  b->deleter(b);
  // Sums of up to K products of values in [-1, 1] in f32.
  return maxError <= 1e-3 * std::sqrt(double(s.k)) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: gemm-bench MODULE.so THREADS M,N,K ...\n");
    return 2;
  }
  openblas_set_num_threads(std::atoi(argv[2]));
  MLCModule *module = nullptr;
  if (mlcModuleLoad(argv[1], &module) != MLC_OK) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  std::mt19937 rng(0);
  int status = 0;
  for (int i = 3; i < argc; ++i) {
    Shape s;
    long long m, n, k;
    if (std::sscanf(argv[i], "%lld,%lld,%lld", &m, &n, &k) != 3) {
      std::fprintf(stderr, "error: bad shape '%s', expected M,N,K\n", argv[i]);
      status = 2;
      continue;
    }
    s = {m, n, k};
    status |= runShape(module, s, rng);
  }
  mlcModuleFree(module);
  return status;
}
