//===- membound-bench.cpp - memory-bound mlc kernels against memcpy -------===//
//
// usage: membound-bench MODULE.so THREADS [N [M,N]]
//
// Calls the module's `add` on two f32 vectors of N elements (default 16M:
// 64 MiB per operand) and its `softmax` on an M x N f32 matrix (default
// 4096,4096: 64 MiB) through the runtime, checks both against a plain C++
// reference, and compares their bandwidth with memcpy of the same bytes in
// the same process (THREADS threads, each copying one contiguous chunk).
//
// Bandwidth counts the bytes the operator must read and write: add reads two
// operands and writes one (3 x 4 x N bytes), softmax reads its input and
// writes its output (2 x 4 x M x N bytes; intermediates are not counted);
// memcpy of B bytes reads B and writes B. The ratio is mlc GB/s / memcpy
// GB/s, where memcpy copies as many bytes as the kernel's output.
//
// Results come from the runtime context's caching pool (ABI v2), so repeated
// calls reuse mapped pages instead of faulting in a new 64 MiB result each
// time. The module's OpenMP threads come from OMP_NUM_THREADS, which
// run-membound.sh sets to THREADS.
//
//===----------------------------------------------------------------------===//

#include "BenchUtils.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

namespace {

using mlc::bench::medianTimes;

DLManagedTensor *allocTensor(int32_t rank, const int64_t *shape,
                             std::mt19937 &rng, float lo, float hi) {
  return mlc::bench::allocRandomTensor(rank, shape, rng, lo, hi);
}

/// memcpy of `bytes` from `src` to `dst` split over `threads` threads.
void parallelCopy(char *dst, const char *src, size_t bytes, int threads) {
  if (threads <= 1) {
    std::memcpy(dst, src, bytes);
    return;
  }
  std::vector<std::thread> workers;
  size_t chunk = (bytes / threads + 63) / 64 * 64;
  for (int t = 0; t < threads; ++t) {
    size_t begin = std::min(bytes, t * chunk);
    size_t end = std::min(bytes, begin + chunk);
    workers.emplace_back(
        [=] { std::memcpy(dst + begin, src + begin, end - begin); });
  }
  for (std::thread &w : workers)
    w.join();
}

/// Median times of calling `name` (`result` holds the last result) and of a
/// memcpy of `copyBytes` into a buffer that is already mapped, alternated.
std::pair<double, double>
callAndCopyTimes(const MLCModule *module, const char *name, DLTensor *args,
                 int32_t numArgs, DLManagedTensor *&result, size_t copyBytes,
                 int threads, int repeat, bool &failed) {
  std::vector<char> src(copyBytes, 1), dst(copyBytes, 0);
  return medianTimes(
      repeat,
      [&] {
        if (result)
          result->deleter(result);
        result = nullptr;
        if (mlcModuleCall(module, name, args, numArgs, &result, 1) != MLC_OK)
          failed = true;
      },
      [&] { parallelCopy(dst.data(), src.data(), copyBytes, threads); });
}

void report(const char *what, double bytes, double mlcTime, double copyBytes,
            double copyTime, double maxError) {
  double ours = bytes / mlcTime * 1e-9;
  double copy = 2 * copyBytes / copyTime * 1e-9;
  std::printf("%-26s mlc %7.2f GB/s (%7.2f ms)  memcpy %7.2f GB/s  "
              "ratio %.3f  max|diff| %.2e\n",
              what, ours, mlcTime * 1e3, copy, ours / copy, maxError);
}

int runAdd(const MLCModule *module, int64_t n, int threads, int repeat,
           std::mt19937 &rng) {
  DLManagedTensor *a = allocTensor(1, &n, rng, -1, 1);
  DLManagedTensor *b = allocTensor(1, &n, rng, -1, 1);
  if (!a || !b) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  DLTensor args[2] = {a->dl_tensor, b->dl_tensor};
  DLManagedTensor *result = nullptr;
  bool failed = false;
  size_t bytes = size_t(n) * sizeof(float);
  auto [mlcTime, copyTime] = callAndCopyTimes(module, "add", args, 2, result,
                                              bytes, threads, repeat, failed);
  if (failed || !result) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  const float *x = static_cast<const float *>(a->dl_tensor.data);
  const float *y = static_cast<const float *>(b->dl_tensor.data);
  const float *z = static_cast<const float *>(result->dl_tensor.data);
  double maxError = 0;
  for (int64_t i = 0; i < n; ++i)
    maxError = std::max(maxError, double(std::fabs(z[i] - (x[i] + y[i]))));
  char what[64];
  std::snprintf(what, sizeof(what), "add [%lld]", (long long)n);
  report(what, 3.0 * bytes, mlcTime, bytes, copyTime, maxError);
  result->deleter(result);
  a->deleter(a);
  b->deleter(b);
  return maxError == 0 ? 0 : 1;
}

int runSoftmax(const MLCModule *module, int64_t m, int64_t n, int threads,
               int repeat, std::mt19937 &rng) {
  int64_t shape[2] = {m, n};
  DLManagedTensor *x = allocTensor(2, shape, rng, -4, 4);
  if (!x) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  DLTensor args[1] = {x->dl_tensor};
  DLManagedTensor *result = nullptr;
  bool failed = false;
  size_t bytes = size_t(m) * n * sizeof(float);
  auto [mlcTime, copyTime] = callAndCopyTimes(
      module, "softmax", args, 1, result, bytes, threads, repeat, failed);
  if (failed || !result) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  const float *in = static_cast<const float *>(x->dl_tensor.data);
  const float *out = static_cast<const float *>(result->dl_tensor.data);
  double maxError = 0;
  std::vector<double> row(n);
  for (int64_t i = 0; i < m; ++i) {
    const float *r = in + i * n;
    double max = -INFINITY, sum = 0;
    for (int64_t j = 0; j < n; ++j)
      max = std::max(max, double(r[j]));
    for (int64_t j = 0; j < n; ++j)
      sum += row[j] = std::exp(double(r[j]) - max);
    for (int64_t j = 0; j < n; ++j)
      maxError =
          std::max(maxError, std::fabs(double(out[i * n + j]) - row[j] / sum));
  }
  char what[64];
  std::snprintf(what, sizeof(what), "softmax [%lld, %lld]", (long long)m,
                (long long)n);
  report(what, 2.0 * bytes, mlcTime, bytes, copyTime, maxError);
  result->deleter(result);
  x->deleter(x);
  // Probabilities of rows of n values in [-4, 4] are around 1/n or below.
  return maxError <= 1e-6 ? 0 : 1;
}

int runRMSNorm(const MLCModule *module, int64_t m, int64_t n, int threads,
               int repeat, std::mt19937 &rng) {
  int64_t shape[2] = {m, n};
  DLManagedTensor *x = allocTensor(2, shape, rng, -4, 4);
  DLManagedTensor *w = allocTensor(1, &n, rng, -1, 1);
  if (!x || !w) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  DLTensor args[2] = {x->dl_tensor, w->dl_tensor};
  DLManagedTensor *result = nullptr;
  bool failed = false;
  size_t bytes = size_t(m) * n * sizeof(float);
  auto [mlcTime, copyTime] = callAndCopyTimes(
      module, "rms_norm", args, 2, result, bytes, threads, repeat, failed);
  if (failed || !result) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  const float *in = static_cast<const float *>(x->dl_tensor.data);
  const float *weight = static_cast<const float *>(w->dl_tensor.data);
  const float *out = static_cast<const float *>(result->dl_tensor.data);
  double maxError = 0;
  for (int64_t i = 0; i < m; ++i) {
    const float *r = in + i * n;
    double sumSq = 0;
    for (int64_t j = 0; j < n; ++j)
      sumSq += double(r[j]) * r[j];
    double scale = 1.0 / std::sqrt(sumSq / n + 1e-5);
    for (int64_t j = 0; j < n; ++j)
      maxError = std::max(maxError, std::fabs(double(out[i * n + j]) -
                                              r[j] * scale * weight[j]));
  }
  char what[64];
  std::snprintf(what, sizeof(what), "rms_norm [%lld, %lld]", (long long)m,
                (long long)n);
  report(what, 2.0 * bytes, mlcTime, bytes, copyTime, maxError);
  result->deleter(result);
  x->deleter(x);
  w->deleter(w);
  // Values in [-4, 4] scaled to unit RMS times weights in [-1, 1].
  return maxError <= 1e-4 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: membound-bench MODULE.so THREADS [N [M,N]]\n");
    return 2;
  }
  int threads = std::max(1, std::atoi(argv[2]));
  long long n = 16 << 20, sm = 4096, sn = 4096;
  if (argc > 3)
    n = std::atoll(argv[3]);
  if (argc > 4 && std::sscanf(argv[4], "%lld,%lld", &sm, &sn) != 2) {
    std::fprintf(stderr, "error: bad shape '%s', expected M,N\n", argv[4]);
    return 2;
  }
  MLCModule *module = nullptr;
  if (mlcModuleLoad(argv[1], &module) != MLC_OK) {
    std::fprintf(stderr, "error: %s\n", mlcGetLastError());
    return 1;
  }
  std::mt19937 rng(0);
  const int repeat = 11;
  int status = runAdd(module, n, threads, repeat, rng);
  status |= runSoftmax(module, sm, sn, threads, repeat, rng);
  status |= runRMSNorm(module, sm, sn, threads, repeat, rng);
  mlcModuleFree(module);
  return status;
}
