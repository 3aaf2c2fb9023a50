//===- Context.cpp - Contexts and their caching pools ---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The context half of ABI.h (allocation, errors) and the context C API.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Context.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Metadata.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>

using namespace mlc::rt;

static void *cpuAllocate(size_t bytes, size_t alignment) {
  void *ptr = nullptr;
  if (posix_memalign(&ptr, alignment, bytes) != 0)
    return nullptr;
  return ptr;
}

static void cpuRelease(void *ptr) { std::free(ptr); }

const DeviceAllocator *mlc::rt::deviceAllocator(int32_t deviceType) {
  static const DeviceAllocator cpu = {cpuAllocate, cpuRelease};
  return deviceType == kDLCPU ? &cpu : nullptr;
}

bool ContextState::sizeClass(uint64_t bytes, uint64_t &size) {
  if (bytes <= kSmallLimit) {
    size = MLC_ABI_ALIGNMENT;
    while (size < bytes)
      size *= 2;
    return true;
  }
  if (__builtin_add_overflow(bytes, kPageSize - 1, &size))
    return false;
  size &= ~(kPageSize - 1);
  return true;
}

ContextState::~ContextState() {
  // Live blocks here were never returned by compiled code: no tensor holds
  // them, since every result tensor holds this state.
  for (auto &[key, pool] : pools) {
    for (auto &[ptr, block] : pool.live)
      pool.allocator->release(ptr);
    for (auto &[blockClass, blocks] : pool.cached)
      for (void *ptr : blocks)
        pool.allocator->release(ptr);
  }
}

void *ContextState::takeCached(Pool &pool, uint64_t size, uint64_t alignment) {
  auto it = pool.cached.find({size, alignment});
  if (it == pool.cached.end() || it->second.empty())
    return nullptr;
  void *ptr = it->second.back();
  it->second.pop_back();
  return ptr;
}

void ContextState::recordAllocation(Pool &pool, void *ptr, const Block &block,
                                    bool hit) {
  pool.live[ptr] = block;
  ++counters.allocations;
  counters.poolHits += hit;
  counters.bytesInUse += block.requested;
  counters.peakBytesInUse =
      std::max(counters.peakBytesInUse, counters.bytesInUse);
}

void *ContextState::allocate(DLDevice device, int64_t bytes, int64_t alignment,
                             std::string &error) {
  const DeviceAllocator *allocator = deviceAllocator(device.device_type);
  if (!allocator) {
    error = "device " + deviceToString(device) + " is not supported yet";
    return nullptr;
  }
  if (bytes < 0) {
    error = "mlcContextAlloc: negative size " + std::to_string(bytes);
    return nullptr;
  }
  uint64_t align = std::max<int64_t>(alignment, MLC_ABI_ALIGNMENT);
  if (align & (align - 1)) {
    error = "mlcContextAlloc: alignment " + std::to_string(alignment) +
            " is not a power of two";
    return nullptr;
  }
  Block block{uint64_t(bytes), 0, align};
  std::string failure = "cannot allocate " + std::to_string(bytes) +
                        " bytes on " + deviceToString(device);
  if (!sizeClass(block.requested, block.size)) {
    error = failure;
    return nullptr;
  }
  std::pair<int32_t, int32_t> key{device.device_type, device.device_id};
  {
    std::lock_guard<std::mutex> lock(mutex);
    Pool &pool = pools[key];
    pool.allocator = allocator;
    if (void *ptr = takeCached(pool, block.size, align)) {
      recordAllocation(pool, ptr, block, /*hit=*/true);
      return ptr;
    }
  }
  // Fresh memory outside the lock: other threads keep using the pool.
  void *ptr = allocator->allocate(block.size, align);
  if (!ptr) {
    error = failure;
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(mutex);
  recordAllocation(pools[key], ptr, block, /*hit=*/false);
  return ptr;
}

bool ContextState::release(DLDevice device, void *ptr) {
  std::lock_guard<std::mutex> lock(mutex);
  auto pool = pools.find({device.device_type, device.device_id});
  if (pool == pools.end())
    return false;
  auto it = pool->second.live.find(ptr);
  if (it == pool->second.live.end())
    return false;
  const Block &block = it->second;
  pool->second.cached[{block.size, block.alignment}].push_back(ptr);
  counters.bytesInUse -= block.requested;
  pool->second.live.erase(it);
  return true;
}

MLCAllocStats ContextState::stats() const {
  std::lock_guard<std::mutex> lock(mutex);
  return counters;
}

void ContextState::resetStats() {
  std::lock_guard<std::mutex> lock(mutex);
  counters.allocations = 0;
  counters.poolHits = 0;
  counters.reclaimed = 0;
  counters.peakBytesInUse = counters.bytesInUse;
}

MLCContext &mlc::rt::defaultContext() {
  // Never destroyed: result tensors of mlcModuleCall may be released during
  // static destruction, and they hold the state anyway.
  static MLCContext *context = new MLCContext(std::make_shared<ContextState>());
  return *context;
}

static std::string pointerString(const void *ptr) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%p", ptr);
  return buffer;
}

/*===--- ABI.h ------------------------------------------------------------===*/

MLC_RUNTIME_EXPORT void *mlcContextAlloc(MLCContext *ctx, int32_t deviceType,
                                         int32_t deviceId, int64_t bytes,
                                         int64_t alignment) {
  if (!ctx) {
    setError(MLC_ERROR_INVALID_ARGUMENT, "mlcContextAlloc: 'ctx' is NULL");
    return nullptr;
  }
  DLDevice device{static_cast<DLDeviceType>(deviceType), deviceId};
  std::string error;
  void *ptr = ctx->state->allocate(device, bytes, alignment, error);
  if (!ptr) {
    ctx->setError(std::move(error));
    return nullptr;
  }
  if (ctx->perCall) {
    std::lock_guard<std::mutex> lock(ctx->mutex);
    ctx->callBlocks[ptr] = CallBlock{device, bytes};
  }
  return ptr;
}

MLC_RUNTIME_EXPORT void mlcContextFree(MLCContext *ctx, int32_t deviceType,
                                       int32_t deviceId, void *ptr) {
  if (!ptr)
    return;
  if (!ctx) {
    setError(MLC_ERROR_INVALID_ARGUMENT, "mlcContextFree: 'ctx' is NULL");
    return;
  }
  DLDevice device{static_cast<DLDeviceType>(deviceType), deviceId};
  std::string where = pointerString(ptr) + " on " + deviceToString(device);
  if (ctx->perCall) {
    // A call may free only its own blocks; anything else (an argument, a
    // block of another call) must survive it.
    std::lock_guard<std::mutex> lock(ctx->mutex);
    auto it = ctx->callBlocks.find(ptr);
    if (it == ctx->callBlocks.end() ||
        it->second.device.device_type != device.device_type ||
        it->second.device.device_id != device.device_id) {
      ctx->error = "mlcContextFree: " + where +
                   " was not allocated by mlcContextAlloc during this call";
      return;
    }
    ctx->callBlocks.erase(it);
  }
  if (!ctx->state->release(device, ptr))
    ctx->setError("mlcContextFree: " + where +
                  " is not a live block of this context");
}

MLC_RUNTIME_EXPORT void mlcContextSetError(MLCContext *ctx,
                                           const char *message) {
  std::string text = message ? message : "";
  if (!ctx) {
    setError(MLC_ERROR_RUNTIME, std::move(text));
    return;
  }
  ctx->setError(std::move(text));
}

/// `format` with each `{}` replaced by the next of `values`.
static std::string substituteValues(const char *format, const int64_t *values,
                                    int32_t numValues) {
  std::string result;
  if (!format)
    return result;
  int32_t next = 0;
  if (!values || numValues < 0)
    numValues = 0;
  for (const char *p = format; *p; ++p) {
    if (p[0] == '{' && p[1] == '}' && next < numValues) {
      result += std::to_string(values[next++]);
      ++p;
      continue;
    }
    result += *p;
  }
  return result;
}

MLC_RUNTIME_EXPORT void mlcContextSetErrorValues(MLCContext *ctx,
                                                 const char *format,
                                                 const int64_t *values,
                                                 int32_t numValues) {
  std::string message = substituteValues(format, values, numValues);
  mlcContextSetError(ctx, message.c_str());
}

/*===--- C API ------------------------------------------------------------===*/

MLCStatus mlcContextCreate(MLCContext **out) {
  if (!out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextCreate: 'out' is NULL");
  *out = new (std::nothrow) MLCContext(std::make_shared<ContextState>());
  if (!*out)
    return setError(MLC_ERROR_OUT_OF_MEMORY, "mlcContextCreate: out of memory");
  return MLC_OK;
}

void mlcContextDestroy(MLCContext *ctx) {
  // Only contexts of mlcContextCreate: compiled code holds a per-call one,
  // which lives on the runtime's stack, and the default context lives as
  // long as the process.
  if (ctx && !ctx->perCall && ctx != &defaultContext())
    delete ctx;
}

MLCStatus mlcContextGetDefault(MLCContext **out) {
  if (!out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextGetDefault: 'out' is NULL");
  *out = &defaultContext();
  return MLC_OK;
}

MLCStatus mlcContextGetStats(const MLCContext *ctx, MLCAllocStats *out) {
  if (!ctx || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextGetStats: 'ctx' or 'out' is NULL");
  *out = ctx->state->stats();
  return MLC_OK;
}

MLCStatus mlcContextResetStats(MLCContext *ctx) {
  if (!ctx)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextResetStats: 'ctx' is NULL");
  ctx->state->resetStats();
  return MLC_OK;
}

const char *mlcContextGetError(const MLCContext *ctx) {
  if (!ctx)
    return "";
  std::lock_guard<std::mutex> lock(ctx->mutex);
  return ctx->error.c_str();
}
