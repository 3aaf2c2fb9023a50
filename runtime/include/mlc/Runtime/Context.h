//===- Context.h - Contexts and their caching pools -------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The MLCContext of ABI.h. Its allocator state (one caching pool per device,
// keyed by DLPack (deviceType, deviceId), and the statistics) lives in a
// reference-counted ContextState, which every result tensor from the pool
// also holds, so that results stay valid after mlcContextDestroy.
//
// A user context (mlcContextCreate) also owns a parameter table (Params.h)
// and records the errors of runtime functions
// called on it directly. Each call through mlcModuleCallWithContext instead
// passes the compiled function a per-call context over the same state: its
// error belongs to that call alone (so calls may share a context across
// threads), and it tracks the blocks the call allocated, which lets the
// runtime verify that results are fresh blocks of the call and reclaim
// whatever the call neither freed nor returned.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_CONTEXT_H
#define MLC_RUNTIME_CONTEXT_H

#include "mlc/Runtime/Params.h"
#include "mlc/Runtime/Runtime.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace mlc::rt {

/// Raw memory of one kind of device. Only the CPU has one; CUDA or Vulkan
/// would add theirs in deviceAllocator().
struct DeviceAllocator {
  void *(*allocate)(size_t bytes, size_t alignment);
  void (*release)(void *ptr);
};

/// The allocator of DLPack device type `deviceType`; null if unsupported.
const DeviceAllocator *deviceAllocator(int32_t deviceType);

/// The caching pools of one context and its statistics. Blocks are rounded
/// up to a size class (a power of two from 64 bytes up to 4 KiB, a multiple
/// of 4 KiB above) and freed blocks wait in a free list per (class,
/// alignment) for the next request of that class, so a loop that calls the
/// same function repeatedly gets the same memory back without page faults.
/// Everything is released when the state is destroyed.
class ContextState {
public:
  static constexpr uint64_t kSmallLimit = 4096;
  static constexpr uint64_t kPageSize = 4096;

  ContextState() = default;
  ContextState(const ContextState &) = delete;
  ContextState &operator=(const ContextState &) = delete;
  ~ContextState();

  /// A block of at least `bytes` bytes (0 allowed) aligned to
  /// max(alignment, MLC_ABI_ALIGNMENT); null with `error` set on failure.
  void *allocate(DLDevice device, int64_t bytes, int64_t alignment,
                 std::string &error);

  /// Returns a block to its pool; false if `ptr` is not a live block of
  /// `device`.
  bool release(DLDevice device, void *ptr);

  MLCAllocStats stats() const;
  void resetStats();
  /// Counts a block a call left behind (MLCAllocStats::reclaimed).
  void countReclaimed() {
    std::lock_guard<std::mutex> lock(mutex);
    ++counters.reclaimed;
  }

  /// The size class of a request of `bytes`; false if it overflows.
  static bool sizeClass(uint64_t bytes, uint64_t &size);

private:
  struct Block {
    uint64_t requested;
    uint64_t size;
    uint64_t alignment;
  };
  struct Pool {
    const DeviceAllocator *allocator = nullptr;
    std::unordered_map<void *, Block> live;
    /// Free blocks by (size class, alignment).
    std::map<std::pair<uint64_t, uint64_t>, std::vector<void *>> cached;
  };

  void *takeCached(Pool &pool, uint64_t size, uint64_t alignment);
  void recordAllocation(Pool &pool, void *ptr, const Block &block, bool hit);

  mutable std::mutex mutex; // guards everything below
  std::map<std::pair<int32_t, int32_t>, Pool> pools;
  MLCAllocStats counters{};
};

/// A block that a call allocated and has neither freed nor handed over.
struct CallBlock {
  DLDevice device;
  int64_t bytes;
};

/// The process-wide context of mlcModuleCall.
MLCContext &defaultContext();

} // namespace mlc::rt

struct MLCContext {
  explicit MLCContext(std::shared_ptr<mlc::rt::ContextState> state,
                      bool perCall = false)
      : state(std::move(state)), perCall(perCall) {}

  void setError(std::string message) {
    std::lock_guard<std::mutex> lock(mutex);
    error = std::move(message);
  }
  std::string getError() const {
    std::lock_guard<std::mutex> lock(mutex);
    return error;
  }

  const std::shared_ptr<mlc::rt::ContextState> state;
  /// Made by mlcModuleCallWithContext for one call.
  const bool perCall;
  /// Guards the fields below: compiled code may call the runtime from
  /// several threads at once.
  mutable std::mutex mutex;
  std::string error;
  /// Per-call contexts only: the blocks the call holds.
  std::unordered_map<void *, mlc::rt::CallBlock> callBlocks;
  /// User contexts: the parameters (locked on its own). Unlike the pool it
  /// belongs to the context alone and goes with it.
  mlc::rt::ParamTable params;
};

#endif // MLC_RUNTIME_CONTEXT_H
