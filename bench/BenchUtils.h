//===- BenchUtils.h - Helpers shared by mlc's benchmarks -------*- C++ -*-===//

#ifndef MLC_BENCH_BENCHUTILS_H
#define MLC_BENCH_BENCHUTILS_H

#include "mlc/Runtime/Runtime.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace mlc::bench {

/// A compact f32 tensor owned by the runtime (64-byte aligned), filled with
/// uniform values in [lo, hi); null on failure (see mlcGetLastError).
inline DLManagedTensor *allocRandomTensor(int32_t rank, const int64_t *shape,
                                          std::mt19937 &rng, float lo,
                                          float hi) {
  DLManagedTensor *tensor = nullptr;
  if (mlcAllocTensor({kDLFloat, 32, 1}, rank, shape, &tensor) != MLC_OK)
    return nullptr;
  int64_t count = 1;
  for (int32_t i = 0; i < rank; ++i)
    count *= shape[i];
  std::uniform_real_distribution<float> dist(lo, hi);
  float *data = static_cast<float *>(tensor->dl_tensor.data);
  for (int64_t i = 0; i < count; ++i)
    data[i] = dist(rng);
  return tensor;
}

/// Median times in seconds of `repeat` runs of `ours` and of `anchor`,
/// after one warm-up each. The runs alternate, so that both see the same
/// state of a shared, noisy machine.
template <typename Ours, typename Anchor>
std::pair<double, double> medianTimes(int repeat, Ours ours, Anchor anchor) {
  auto time = [](auto &fn) {
    auto start = std::chrono::steady_clock::now();
    fn();
    std::chrono::duration<double> elapsed =
        std::chrono::steady_clock::now() - start;
    return elapsed.count();
  };
  ours();
  anchor();
  std::vector<double> oursTimes, anchorTimes;
  for (int i = 0; i < repeat; ++i) {
    oursTimes.push_back(time(ours));
    anchorTimes.push_back(time(anchor));
  }
  auto median = [](std::vector<double> &times) {
    std::sort(times.begin(), times.end());
    size_t n = times.size();
    return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  };
  return {median(oursTimes), median(anchorTimes)};
}

} // namespace mlc::bench

#endif // MLC_BENCH_BENCHUTILS_H
