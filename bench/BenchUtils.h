//===- BenchUtils.h - Helpers shared by mlc's benchmarks -------*- C++ -*-===//

#ifndef MLC_BENCH_BENCHUTILS_H
#define MLC_BENCH_BENCHUTILS_H

#include "mlc/Runtime/Runtime.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>

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

/// Best time in seconds of `repeat` runs after one warm-up.
template <typename Fn> double bestTime(int repeat, Fn fn) {
  fn();
  double best = 1e30;
  for (int i = 0; i < repeat; ++i) {
    auto start = std::chrono::steady_clock::now();
    fn();
    std::chrono::duration<double> elapsed =
        std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  return best;
}

} // namespace mlc::bench

#endif // MLC_BENCH_BENCHUTILS_H
