//===- Call.cpp - Calling compiled functions ------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// mlcModuleCallWithContext: check the arguments, build MLIR strided memref
// descriptors ({allocated, aligned, offset, sizes[r], strides[r]}, or for
// unknown rank MLIR's {rank, descriptor*}), call the entry point with a
// per-call context, check the results and wrap them in DLManagedTensors.
//
// Result ownership (ABI.h): each result's `allocated` is a block that the
// call got from mlcContextAlloc for that result alone. The per-call context
// knows the blocks the call holds, so the runtime verifies this instead of
// guessing: a result that points at an argument, a global, another result's
// block or nothing the call allocated fails the call, and nothing the caller
// or the module owns is ever freed. Blocks the call neither freed nor
// returned are reclaimed, on success and on failure.
//
// Parameter arguments (metadata `param PNAME`) that the caller leaves out
// come from the context's parameter table; the call holds a reference to
// each such tensor, so a concurrent load that replaces it cannot free it
// mid-call.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Check.h"
#include "mlc/Runtime/Context.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Module.h"
#include "mlc/Runtime/Tensor.h"

#include <algorithm>
#include <cstring>

using namespace mlc::rt;

namespace {
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

constexpr DLDevice kCPU = {kDLCPU, 0};

/// Everything one call allocates, released on every exit path.
struct CallState {
  explicit CallState(MLCContext &ctx) : call(ctx.state, /*perCall=*/true) {}
  ~CallState() {
    for (void *ptr : temporaries)
      call.state->release(kCPU, ptr);
    for (void *ptr : resultDescriptors)
      _mlir_memref_to_llvm_free(ptr);
    // Leaks of the compiled function, and results no tensor took.
    for (auto &[ptr, block] : call.callBlocks)
      if (call.state->release(block.device, ptr))
        call.state->countReclaimed();
  }

  MLCContext call; // what the compiled function receives
  std::vector<Descriptor> argDescriptors;
  std::vector<std::vector<int64_t>> unranked; // {rank, descriptor*} pairs
  std::vector<void *> temporaries;            // compact copies of arguments
  std::vector<std::vector<int64_t>> resultSlots;
  std::vector<void *> resultDescriptors; // unranked result descriptors
  std::vector<ResultView> results;
};
} // namespace

static void *toPointer(int64_t slot) {
  void *ptr;
  std::memcpy(&ptr, &slot, sizeof(ptr));
  return ptr;
}

/// Builds the descriptor of argument `i`, copying it to compact storage
/// from the pool if the function does not read strides and the tensor is
/// not compact.
static MLCStatus prepareArgument(const FunctionSpec &function, size_t i,
                                 const DLTensor &t, CallState &state,
                                 void *&packed) {
  const TensorSpec &spec = function.args[i];
  char *data = static_cast<char *>(t.data);
  char *aligned = data ? data + t.byte_offset : nullptr;
  void *allocated = data;
  std::vector<int64_t> strides;
  if (spec.strided && t.strides)
    strides.assign(t.strides, t.strides + t.ndim);
  else
    strides = compactStrides(t.ndim, t.shape);
  if (!spec.strided && !isCompactRowMajor(t)) {
    int64_t numel;
    size_t bytes;
    numElements(t.ndim, t.shape, numel); // validated by checkArguments
    byteSize(numel, spec.dtype->bytes, bytes);
    std::string error;
    // Straight from the state: the call must not see it as its own block.
    void *copy = state.call.state->allocate(kCPU, int64_t(bytes), 0, error);
    if (!copy)
      return setError(MLC_ERROR_OUT_OF_MEMORY, "a compact copy of argument '" +
                                                   spec.name + "': " + error);
    state.temporaries.push_back(copy);
    copyToCompact(t, spec.dtype->bytes, copy);
    allocated = aligned = static_cast<char *>(copy);
  }
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

/// The byte range [first, last) that the elements of `view` occupy,
/// relative to `allocated`; false on overflow. Not called for empty views.
static bool byteRange(const ResultView &view, unsigned elementBytes,
                      int64_t &first, int64_t &last) {
  int64_t low = view.offset, high = view.offset;
  for (int32_t d = 0; d < view.ndim; ++d) {
    int64_t extent;
    if (__builtin_mul_overflow(view.sizes[d] - 1, view.strides[d], &extent) ||
        __builtin_add_overflow(extent < 0 ? low : high, extent,
                               extent < 0 ? &low : &high))
      return false;
  }
  int64_t base = int64_t(reinterpret_cast<uintptr_t>(view.aligned) -
                         reinterpret_cast<uintptr_t>(view.allocated));
  return !__builtin_mul_overflow(low, int64_t(elementBytes), &first) &&
         !__builtin_add_overflow(first, base, &first) &&
         !__builtin_add_overflow(high, int64_t(1), &last) &&
         !__builtin_mul_overflow(last, int64_t(elementBytes), &last) &&
         !__builtin_add_overflow(last, base, &last);
}

/// Checks that result `i` owns a block of this call for itself alone, and
/// that its elements lie inside it.
static MLCStatus checkOwnership(const FunctionSpec &function, size_t i,
                                const CallState &state) {
  const ResultView &view = state.results[i];
  std::string label = "result #" + std::to_string(i);
  std::string suffix = " (the compiled function '" + function.name +
                       "' broke the ownership rule of the module ABI)";
  int64_t numel;
  size_t bytes;
  const DType &dtype = *function.results[i].dtype;
  if (!numElements(view.ndim, view.sizes, numel) ||
      !byteSize(numel, dtype.bytes, bytes))
    return setError(MLC_ERROR_RUNTIME, label + ": the size overflows");
  if (!view.allocated) {
    if (numel == 0)
      return MLC_OK; // an empty result may own nothing
    return setError(MLC_ERROR_RUNTIME,
                    label + ": 'allocated' is NULL but the result has " +
                        std::to_string(numel) + " element(s)" + suffix);
  }
  for (size_t j = 0; j < i; ++j)
    if (state.results[j].allocated == view.allocated)
      return setError(MLC_ERROR_RUNTIME, label +
                                             ": 'allocated' is also the buffer "
                                             "of result #" +
                                             std::to_string(j) + suffix);
  auto block = state.call.callBlocks.find(view.allocated);
  if (block == state.call.callBlocks.end())
    return setError(MLC_ERROR_RUNTIME, label +
                                           ": 'allocated' was not returned by "
                                           "mlcContextAlloc during this call" +
                                           suffix);
  int64_t first, last;
  if (numel > 0 &&
      (!view.aligned || !byteRange(view, dtype.bytes, first, last) ||
       first < 0 || last > block->second.bytes))
    return setError(MLC_ERROR_RUNTIME, label +
                                           ": its elements lie outside its " +
                                           std::to_string(block->second.bytes) +
                                           "-byte buffer" + suffix);
  return MLC_OK;
}

/// Wraps result `i` in a managed tensor that takes its block from the call.
static MLCStatus wrapResult(const FunctionSpec &function, size_t i,
                            CallState &state, DLManagedTensor *&out) {
  const ResultView &view = state.results[i];
  const DType &dtype = *function.results[i].dtype;
  char *data = view.aligned ? view.aligned + view.offset * int64_t(dtype.bytes)
                            : nullptr;
  BufferOwner owner;
  owner.pool = state.call.state;
  owner.device = function.device;
  owner.ptr = view.allocated;
  out = makeManagedTensor(dtype.dl, view.ndim, view.sizes, view.strides, data,
                          owner);
  if (!out)
    return setError(MLC_ERROR_OUT_OF_MEMORY,
                    "result #" + std::to_string(i) + ": out of memory");
  state.call.callBlocks.erase(view.allocated); // the tensor owns it now
  return MLC_OK;
}

/// Reads, checks and wraps every result; on failure no result is set.
static MLCStatus finishResults(const FunctionSpec &function, CallState &state,
                               Bindings &bindings, DLManagedTensor **results) {
  size_t nResults = function.results.size();
  MLCStatus status = MLC_OK;
  // Read every result, even after a bad one, so that all can be freed.
  for (size_t i = 0; i < nResults; ++i) {
    MLCStatus readStatus = readResult(function, i, state);
    if (status == MLC_OK)
      status = readStatus;
  }
  std::vector<ResultShape> shapes;
  for (const ResultView &view : state.results)
    shapes.push_back({view.ndim, view.sizes});
  if (status == MLC_OK)
    status = checkResults(function, shapes.data(), bindings);
  for (size_t i = 0; i < nResults && status == MLC_OK; ++i)
    status = checkOwnership(function, i, state);
  for (size_t i = 0; i < nResults && status == MLC_OK; ++i)
    status = wrapResult(function, i, state, results[i]);
  if (status == MLC_OK)
    return MLC_OK;
  // Tensors already built return their blocks; CallState reclaims the rest.
  for (size_t i = 0; i < nResults; ++i) {
    if (results[i]) {
      results[i]->deleter(results[i]);
      results[i] = nullptr;
    }
  }
  return status;
}

/// The arguments of the call. If the caller passed exactly the non-parameter
/// arguments of a function that has parameters, `merged` becomes the full
/// list with each parameter from ctx's table (kept alive by `held`) and
/// `args`/`numArgs` point at it; any other count is left to checkArguments,
/// which accepts the full arity and explains a wrong count.
static MLCStatus mergeParams(const MLCContext &ctx,
                             const FunctionSpec &function,
                             const DLTensor *&args, int32_t &numArgs,
                             std::vector<DLTensor> &merged,
                             std::vector<ParamRef> &held) {
  size_t numParams = function.numParams();
  if (numParams == 0 || numArgs < 0 ||
      size_t(numArgs) != function.args.size() - numParams)
    return MLC_OK;
  if (numArgs > 0 && !args)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "function '" + function.name + "': 'args' is NULL");
  held = ctx.params.findParams(function);
  const DLTensor *next = args;
  for (size_t i = 0; i < function.args.size(); ++i) {
    const TensorSpec &spec = function.args[i];
    if (spec.param.empty()) {
      merged.push_back(*next++);
      continue;
    }
    if (!held[i])
      return setError(MLC_ERROR_NOT_FOUND,
                      "function '" + function.name + "' argument '" +
                          spec.name + "' is parameter '" + spec.param +
                          "', which is not loaded (mlcContextLoadParams / "
                          "--params)");
    merged.push_back(held[i]->tensor());
  }
  args = merged.data();
  numArgs = int32_t(merged.size());
  return MLC_OK;
}

/// Finds function `name` in `module`, or records why not.
static MLCStatus findFunction(const MLCModule *module, const char *name,
                              const FunctionSpec *&out) {
  out = module->spec.find(name);
  if (out)
    return MLC_OK;
  std::string known;
  for (const FunctionSpec &f : module->spec.functions)
    known += (known.empty() ? "" : ", ") + f.name;
  return setError(MLC_ERROR_NOT_FOUND,
                  "module '" + module->path + "' has no function '" + name +
                      "' (it has: " + (known.empty() ? "none" : known) + ")");
}

/// The request's own consistency: device, result count, result array.
static MLCStatus checkRequest(const FunctionSpec &function,
                              DLManagedTensor **results, int32_t numResults) {
  if (function.device.device_type != kDLCPU)
    return setError(MLC_ERROR_UNSUPPORTED,
                    "function '" + function.name + "' runs on device " +
                        deviceToString(function.device) +
                        ", which this runtime does not support yet");
  if (numResults < 0 || size_t(numResults) != function.results.size())
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "function '" + function.name + "' returns " +
                        std::to_string(function.results.size()) +
                        " result(s) but " + std::to_string(numResults) +
                        " were requested");
  if (numResults > 0 && !results)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleCall: 'results' is NULL");
  return MLC_OK;
}

MLCStatus mlcModuleCallWithContext(MLCContext *ctx, const MLCModule *module,
                                   const char *name, const DLTensor *args,
                                   int32_t numArgs, DLManagedTensor **results,
                                   int32_t numResults) {
  if (results)
    for (int32_t i = 0; i < numResults; ++i)
      results[i] = nullptr;
  if (!ctx || !module || !name)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleCall: 'ctx', 'module' or 'name' is NULL");
  const FunctionSpec *function;
  if (MLCStatus status = findFunction(module, name, function))
    return status;
  if (MLCStatus status = checkRequest(*function, results, numResults))
    return status;
  std::vector<DLTensor> merged;
  std::vector<ParamRef> held; // released when the call returns
  if (MLCStatus status =
          mergeParams(*ctx, *function, args, numArgs, merged, held))
    return status;
  Bindings bindings;
  if (MLCStatus status = checkArguments(*function, args, numArgs, bindings))
    return status;

  size_t nArgs = function->args.size(), nResults = function->results.size();
  CallState state(*ctx);
  state.argDescriptors.resize(nArgs);
  state.unranked.resize(nArgs);
  state.resultSlots.resize(nResults);
  state.results.resize(nResults);
  std::vector<void *> argPointers(nArgs), resultPointers(nResults);
  for (size_t i = 0; i < nArgs; ++i)
    if (MLCStatus status =
            prepareArgument(*function, i, args[i], state, argPointers[i]))
      return status;
  for (size_t i = 0; i < nResults; ++i) {
    const TensorSpec &spec = function->results[i];
    state.resultSlots[i].assign(spec.unknownRank ? 2 : 3 + 2 * spec.dims.size(),
                                0);
    resultPointers[i] = state.resultSlots[i].data();
  }

  MLCEntryFunction entry =
      module->entries[size_t(function - module->spec.functions.data())];
  int32_t rc = entry(&state.call, argPointers.data(), resultPointers.data());
  if (rc != 0) {
    // The result descriptors are ignored; CallState reclaims any block the
    // function failed to free.
    std::string message = state.call.getError();
    return setError(
        MLC_ERROR_RUNTIME,
        "function '" + function->name + "' failed" +
            (message.empty()
                 ? " with status " + std::to_string(rc) + " and no message"
                 : ": " + message));
  }
  return finishResults(*function, state, bindings, results);
}

MLCStatus mlcModuleCall(const MLCModule *module, const char *name,
                        const DLTensor *args, int32_t numArgs,
                        DLManagedTensor **results, int32_t numResults) {
  return mlcModuleCallWithContext(&defaultContext(), module, name, args,
                                  numArgs, results, numResults);
}
