//===- Params.cpp - Parameter tables of contexts --------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The table itself and its C API, except mlcContextLoadParams
// (Safetensors.cpp). Calls read the table in Call.cpp.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Params.h"
#include "mlc/Runtime/Context.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Tensor.h"

#include <new>

using namespace mlc::rt;

ParamTensor::~ParamTensor() { _mlir_memref_to_llvm_free(dl.data); }

std::shared_ptr<ParamTensor> ParamTensor::create(const DType &dtype,
                                                 std::vector<int64_t> shape,
                                                 MLCStatus &status,
                                                 std::string &error) {
  int32_t ndim = int32_t(shape.size());
  int64_t numel;
  size_t bytes;
  if (shape.size() > size_t(INT32_MAX) ||
      !numElements(ndim, shape.data(), numel) ||
      !byteSize(numel, dtype.bytes, bytes)) {
    status = MLC_ERROR_INVALID_ARGUMENT;
    error = "the size of the shape overflows";
    return nullptr;
  }
  // The data is the one allocation that can be large: ask for it without
  // aborting, and report failure as a status.
  void *data = _mlir_memref_to_llvm_alloc(bytes);
  if (!data) {
    status = MLC_ERROR_OUT_OF_MEMORY;
    error = "cannot allocate " + std::to_string(bytes) + " bytes";
    return nullptr;
  }
  std::shared_ptr<ParamTensor> result(new (std::nothrow) ParamTensor());
  if (!result) {
    _mlir_memref_to_llvm_free(data);
    status = MLC_ERROR_OUT_OF_MEMORY;
    error = "out of memory";
    return nullptr;
  }
  result->bytes = bytes;
  result->dims = std::move(shape);
  for (int64_t stride : compactStrides(ndim, result->dims.data()))
    result->dims.push_back(stride);
  DLTensor &t = result->dl;
  t.data = data;
  t.device = {kDLCPU, 0};
  t.ndim = ndim;
  t.dtype = dtype.dl;
  t.shape = ndim ? result->dims.data() : nullptr;
  t.strides = ndim ? result->dims.data() + ndim : nullptr;
  t.byte_offset = 0;
  return result;
}

void ParamTable::insert(std::vector<std::pair<std::string, ParamRef>> entries) {
  std::lock_guard<std::mutex> lock(mutex);
  for (auto &[name, tensor] : entries)
    tensors[name] = std::move(tensor);
  orderValid = false;
}

ParamRef ParamTable::find(const std::string &name) const {
  std::lock_guard<std::mutex> lock(mutex);
  auto it = tensors.find(name);
  return it == tensors.end() ? nullptr : it->second;
}

std::vector<ParamRef>
ParamTable::findParams(const FunctionSpec &function) const {
  std::vector<ParamRef> result(function.args.size());
  std::lock_guard<std::mutex> lock(mutex);
  for (size_t i = 0; i < function.args.size(); ++i) {
    auto it = function.args[i].param.empty()
                  ? tensors.end()
                  : tensors.find(function.args[i].param);
    if (it != tensors.end())
      result[i] = it->second;
  }
  return result;
}

size_t ParamTable::size() const {
  std::lock_guard<std::mutex> lock(mutex);
  return tensors.size();
}

const char *ParamTable::nameAt(size_t index) const {
  std::lock_guard<std::mutex> lock(mutex);
  if (!orderValid) {
    order.clear();
    for (const auto &entry : tensors)
      order.push_back(&entry.first);
    orderValid = true;
  }
  return index < order.size() ? order[index]->c_str() : nullptr;
}

/*===--- C API ------------------------------------------------------------===*/

/// Checks the fields of a tensor to copy into a table (any strides).
static MLCStatus checkSourceTensor(const DLTensor &t, const DType *&dtype) {
  const char *api = "mlcContextSetParam: ";
  if (t.device.device_type != kDLCPU && t.device.device_type != kDLCUDAHost)
    return setError(MLC_ERROR_UNSUPPORTED,
                    api + std::string("expected a CPU tensor but got ") +
                        deviceToString(t.device));
  dtype = lookupDType(t.dtype);
  if (!dtype)
    return setError(MLC_ERROR_UNSUPPORTED,
                    api + ("unsupported dtype " + dtypeToString(t.dtype)));
  if (t.ndim < 0 || (t.ndim > 0 && !t.shape))
    return setError(
        MLC_ERROR_INVALID_ARGUMENT,
        api + ("invalid ndim " + std::to_string(t.ndim) + " or NULL shape"));
  int64_t numel;
  size_t bytes;
  if (!numElements(t.ndim, t.shape, numel) ||
      !byteSize(numel, dtype->bytes, bytes))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    api + std::string("negative or overflowing shape"));
  if (numel > 0 && !t.data)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    api + std::string("data is NULL"));
  return MLC_OK;
}

MLCStatus mlcContextSetParam(MLCContext *ctx, const char *name,
                             const DLTensor *tensor) {
  if (!ctx || !name || !tensor)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextSetParam: 'ctx', 'name' or 'tensor' is NULL");
  if (!*name)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextSetParam: the name is empty");
  const DType *dtype;
  if (MLCStatus status = checkSourceTensor(*tensor, dtype))
    return status;
  std::vector<int64_t> shape(tensor->shape, tensor->shape + tensor->ndim);
  MLCStatus status;
  std::string error;
  std::shared_ptr<ParamTensor> copy =
      ParamTensor::create(*dtype, std::move(shape), status, error);
  if (!copy)
    return setError(status, "mlcContextSetParam: parameter '" +
                                std::string(name) + "': " + error);
  copyToCompact(*tensor, dtype->bytes, copy->data());
  std::vector<std::pair<std::string, ParamRef>> entries;
  entries.emplace_back(name, std::move(copy));
  ctx->params.insert(std::move(entries));
  return MLC_OK;
}

MLCStatus mlcContextGetParam(const MLCContext *ctx, const char *name,
                             const DLTensor **out) {
  if (!ctx || !name || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextGetParam: 'ctx', 'name' or 'out' is NULL");
  *out = nullptr;
  ParamRef tensor = ctx->params.find(name);
  if (!tensor)
    return setError(MLC_ERROR_NOT_FOUND, "parameter '" + std::string(name) +
                                             "' is not loaded in the context");
  // The table keeps the tensor alive until the name is replaced or the
  // context is destroyed, as documented.
  *out = &tensor->tensor();
  return MLC_OK;
}

MLCStatus mlcContextNumParams(const MLCContext *ctx, int32_t *out) {
  if (!ctx || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextNumParams: 'ctx' or 'out' is NULL");
  size_t size = ctx->params.size();
  *out = size > size_t(INT32_MAX) ? INT32_MAX : int32_t(size);
  return MLC_OK;
}

MLCStatus mlcContextGetParamName(const MLCContext *ctx, int32_t index,
                                 const char **out) {
  if (!ctx || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextGetParamName: 'ctx' or 'out' is NULL");
  *out = index < 0 ? nullptr : ctx->params.nameAt(size_t(index));
  if (!*out)
    return setError(MLC_ERROR_NOT_FOUND,
                    "parameter index " + std::to_string(index) +
                        " out of range (the context has " +
                        std::to_string(ctx->params.size()) + " parameters)");
  return MLC_OK;
}
