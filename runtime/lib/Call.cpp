//===- Call.cpp - Calling compiled functions ------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// mlcModuleCall: check the arguments, build MLIR strided memref descriptors
// ({allocated, aligned, offset, sizes[r], strides[r]}, or for unknown rank
// MLIR's {rank, descriptor*}), call the packed entry point, check the
// results and wrap them in DLManagedTensors.
//
// Result ownership: a result whose `allocated` pointer is fresh becomes the
// tensor's buffer. A result that aliases an argument, a global (MLIR marks
// those with allocated = 0xdeadbeef) or an earlier result is copied instead,
// so that every result can be freed independently and nothing the caller or
// the module owns is ever freed.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Check.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Module.h"
#include "mlc/Runtime/Tensor.h"

#include <algorithm>
#include <cstring>

using namespace mlc::rt;

namespace {
/// MLIR's marker for the allocated pointer of memref.get_global.
void *const kGlobalMarker = reinterpret_cast<void *>(uintptr_t(0xdeadbeef));

/// A ranked descriptor laid out in int64 slots.
struct Descriptor {
  std::vector<int64_t> slots;

  void init(void *allocated, void *aligned, int64_t offset, int32_t rank,
            const int64_t *sizes, const int64_t *strides) {
    slots.assign(3 + 2 * size_t(rank), 0);
    std::memcpy(&slots[0], &allocated, sizeof(void *));
    std::memcpy(&slots[1], &aligned, sizeof(void *));
    slots[2] = offset;
    std::copy(sizes, sizes + rank, slots.begin() + 3);
    std::copy(strides, strides + rank, slots.begin() + 3 + rank);
  }
};

/// A result descriptor as the compiled function filled it.
struct ResultView {
  void *allocated = nullptr;
  char *aligned = nullptr;
  int64_t offset = 0;
  int32_t ndim = 0;
  const int64_t *sizes = nullptr;
  const int64_t *strides = nullptr;
};

/// Everything one call allocates, released on every exit path.
struct CallState {
  std::vector<Descriptor> argDescriptors;
  std::vector<std::vector<int64_t>> unranked; // {rank, descriptor*} pairs
  std::vector<void *> temporaries;            // compact copies of arguments
  std::vector<void *> argBuffers;             // pointers results may alias
  std::vector<std::vector<int64_t>> resultSlots;
  std::vector<void *> resultDescriptors; // unranked result descriptors
  std::vector<ResultView> results;

  ~CallState() {
    for (void *ptr : temporaries)
      _mlir_memref_to_llvm_free(ptr);
    for (void *ptr : resultDescriptors)
      _mlir_memref_to_llvm_free(ptr);
  }

  bool isArgBuffer(void *ptr) const {
    return std::find(argBuffers.begin(), argBuffers.end(), ptr) !=
           argBuffers.end();
  }
};
} // namespace

static void *toPointer(int64_t slot) {
  void *ptr;
  std::memcpy(&ptr, &slot, sizeof(ptr));
  return ptr;
}

/// Builds the descriptor of argument `i`, copying it to compact storage if
/// the function does not read strides and the tensor is not compact.
static MLCStatus prepareArgument(const FunctionSpec &function, size_t i,
                                 const DLTensor &t, CallState &state,
                                 void *&packed) {
  const TensorSpec &spec = function.args[i];
  char *data = static_cast<char *>(t.data);
  char *aligned = data ? data + t.byte_offset : nullptr;
  void *allocated = data;
  std::vector<int64_t> strides;
  bool compact = isCompactRowMajor(t);
  if (spec.strided && t.strides) {
    strides.assign(t.strides, t.strides + t.ndim);
  } else {
    strides = compactStrides(t.ndim, t.shape);
  }
  if (!spec.strided && !compact) {
    int64_t numel;
    size_t bytes;
    numElements(t.ndim, t.shape, numel); // validated by checkArguments
    byteSize(numel, spec.dtype->bytes, bytes);
    void *copy = _mlir_memref_to_llvm_alloc(bytes);
    if (!copy)
      return setError(MLC_ERROR_OUT_OF_MEMORY,
                      "cannot allocate " + std::to_string(bytes) +
                          " bytes for a compact copy of argument '" +
                          spec.name + "'");
    state.temporaries.push_back(copy);
    copyToCompact(t, spec.dtype->bytes, copy);
    allocated = aligned = static_cast<char *>(copy);
  }
  state.argBuffers.push_back(allocated);
  state.argBuffers.push_back(aligned);
  Descriptor &descriptor = state.argDescriptors[i];
  descriptor.init(allocated, aligned, 0, t.ndim, t.shape, strides.data());
  packed = descriptor.slots.data();
  if (spec.unknownRank) {
    std::vector<int64_t> &pair = state.unranked[i];
    pair.assign(2, t.ndim);
    void *ptr = descriptor.slots.data();
    std::memcpy(&pair[1], &ptr, sizeof(ptr));
    packed = pair.data();
  }
  return MLC_OK;
}

/// Reads result `i` back from its storage.
static MLCStatus readResult(const FunctionSpec &function, size_t i,
                            CallState &state) {
  std::vector<int64_t> &slots = state.resultSlots[i];
  const int64_t *ranked = slots.data();
  int32_t rank = static_cast<int32_t>(function.results[i].dims.size());
  if (function.results[i].unknownRank) {
    void *descriptor = toPointer(slots[1]);
    if (descriptor)
      state.resultDescriptors.push_back(descriptor);
    if (slots[0] < 0 || slots[0] > 4096 || !descriptor)
      return setError(MLC_ERROR_RUNTIME,
                      "result #" + std::to_string(i) +
                          ": invalid unranked descriptor (rank " +
                          std::to_string(slots[0]) + ") returned by '" +
                          function.name + "'");
    rank = static_cast<int32_t>(slots[0]);
    ranked = static_cast<const int64_t *>(descriptor);
  }
  ResultView &view = state.results[i];
  view.allocated = toPointer(ranked[0]);
  view.aligned = static_cast<char *>(toPointer(ranked[1]));
  view.offset = ranked[2];
  view.ndim = rank;
  view.sizes = ranked + 3;
  view.strides = ranked + 3 + rank;
  return MLC_OK;
}

/// Whether the runtime may take `allocated` as a result's own buffer.
static bool isFresh(void *allocated, const CallState &state,
                    const std::vector<void *> &adopted) {
  return allocated && allocated != kGlobalMarker &&
         !state.isArgBuffer(allocated) &&
         std::find(adopted.begin(), adopted.end(), allocated) == adopted.end();
}

/// Frees the fresh buffers of results that no tensor took, after a failure.
static void releaseResults(const CallState &state, size_t first,
                           std::vector<void *> &adopted) {
  for (size_t i = first; i < state.results.size(); ++i) {
    void *allocated = state.results[i].allocated;
    if (isFresh(allocated, state, adopted)) {
      _mlir_memref_to_llvm_free(allocated);
      adopted.push_back(allocated);
    }
  }
}

/// Wraps result `i` in a managed tensor, adopting or copying its buffer.
static MLCStatus wrapResult(const FunctionSpec &function, size_t i,
                            const CallState &state,
                            std::vector<void *> &adopted,
                            DLManagedTensor *&out) {
  const ResultView &view = state.results[i];
  const DType &dtype = *function.results[i].dtype;
  std::string label = "result #" + std::to_string(i);
  int64_t numel;
  size_t bytes;
  if (!numElements(view.ndim, view.sizes, numel) ||
      !byteSize(numel, dtype.bytes, bytes))
    return setError(MLC_ERROR_RUNTIME, label + ": the size overflows");
  if (numel > 0 && (!view.allocated || !view.aligned))
    return setError(MLC_ERROR_RUNTIME,
                    label + ": data is NULL in '" + function.name + "'");
  char *data = view.aligned ? view.aligned + view.offset * int64_t(dtype.bytes)
                            : nullptr;
  if (numel == 0 || isFresh(view.allocated, state, adopted)) {
    void *owned = numel == 0 && !isFresh(view.allocated, state, adopted)
                      ? nullptr
                      : view.allocated;
    out = makeManagedTensor(dtype.dl, view.ndim, view.sizes, view.strides, data,
                            owned);
    if (!out)
      return setError(MLC_ERROR_OUT_OF_MEMORY, label + ": out of memory");
    if (owned)
      adopted.push_back(owned);
    return MLC_OK;
  }
  void *copy = _mlir_memref_to_llvm_alloc(bytes);
  if (!copy)
    return setError(MLC_ERROR_OUT_OF_MEMORY, label + ": out of memory");
  DLTensor source{};
  source.data = data;
  source.ndim = view.ndim;
  source.shape = const_cast<int64_t *>(view.sizes);
  source.strides = const_cast<int64_t *>(view.strides);
  copyToCompact(source, dtype.bytes, copy);
  out = makeManagedTensor(dtype.dl, view.ndim, view.sizes, nullptr, copy, copy);
  if (!out) {
    _mlir_memref_to_llvm_free(copy);
    return setError(MLC_ERROR_OUT_OF_MEMORY, label + ": out of memory");
  }
  return MLC_OK;
}

MLCStatus mlcModuleCall(const MLCModule *module, const char *name,
                        const DLTensor *args, int32_t numArgs,
                        DLManagedTensor **results, int32_t numResults) {
  if (results)
    for (int32_t i = 0; i < numResults; ++i)
      results[i] = nullptr;
  if (!module || !name)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleCall: 'module' or 'name' is NULL");
  const FunctionSpec *function = module->spec.find(name);
  if (!function) {
    std::string known;
    for (const FunctionSpec &f : module->spec.functions)
      known += (known.empty() ? "" : ", ") + f.name;
    return setError(MLC_ERROR_NOT_FOUND,
                    "module '" + module->path + "' has no function '" + name +
                        "' (it has: " + (known.empty() ? "none" : known) + ")");
  }
  PackedFunction entry = module->entries[function - &module->spec.functions[0]];
  if (numResults < 0 || size_t(numResults) != function->results.size())
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "function '" + function->name + "' returns " +
                        std::to_string(function->results.size()) +
                        " result(s) but " + std::to_string(numResults) +
                        " were requested");
  if (numResults > 0 && !results)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleCall: 'results' is NULL");

  Bindings bindings;
  if (MLCStatus status = checkArguments(*function, args, numArgs, bindings))
    return status;

  size_t nArgs = function->args.size(), nResults = function->results.size();
  CallState state;
  state.argDescriptors.resize(nArgs);
  state.unranked.resize(nArgs);
  state.resultSlots.resize(nResults);
  state.results.resize(nResults);
  std::vector<void *> packed(nArgs + nResults);
  for (size_t i = 0; i < nArgs; ++i)
    if (MLCStatus status =
            prepareArgument(*function, i, args[i], state, packed[i]))
      return status;
  for (size_t i = 0; i < nResults; ++i) {
    const TensorSpec &spec = function->results[i];
    state.resultSlots[i].assign(spec.unknownRank ? 2 : 3 + 2 * spec.dims.size(),
                                0);
    packed[nArgs + i] = state.resultSlots[i].data();
  }

  clearError();
  int32_t rc = entry(packed.data());
  if (rc != 0) {
    std::string message = lastError();
    return setError(
        MLC_ERROR_RUNTIME,
        "function '" + function->name + "' failed" +
            (message.empty()
                 ? " with status " + std::to_string(rc) + " and no message"
                 : ": " + message));
  }

  std::vector<void *> adopted;
  MLCStatus status = MLC_OK;
  // Read every result, even after a bad one, so that all can be freed.
  for (size_t i = 0; i < nResults; ++i) {
    MLCStatus readStatus = readResult(*function, i, state);
    if (status == MLC_OK)
      status = readStatus;
  }
  std::vector<ResultShape> shapes;
  for (const ResultView &view : state.results)
    shapes.push_back({view.ndim, view.sizes});
  if (status == MLC_OK)
    status = checkResults(*function, shapes.data(), bindings);
  size_t wrapped = 0;
  while (status == MLC_OK && wrapped < nResults) {
    status = wrapResult(*function, wrapped, state, adopted, results[wrapped]);
    if (status == MLC_OK)
      ++wrapped;
  }
  if (status == MLC_OK)
    return MLC_OK;
  // Undo: tensors already built own their buffers; free the rest.
  for (size_t i = 0; i < nResults; ++i) {
    if (results[i]) {
      results[i]->deleter(results[i]);
      results[i] = nullptr;
    }
  }
  releaseResults(state, wrapped, adopted);
  return status;
}
