//===- Params.h - Parameter tables of contexts ------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Each MLCContext owns a table of model parameters, name -> tensor, that
// calls use for the arguments the metadata marks `param PNAME` (see
// docs/Runtime.md). A table tensor is immutable once in the table and
// shared by reference count: a call holds the tensors it uses for its whole
// duration, so replacing a name (mlcContextLoadParams, mlcContextSetParam)
// while calls run on other threads never frees memory a call reads.
// Private to the library.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_PARAMS_H
#define MLC_RUNTIME_PARAMS_H

#include "mlc/Runtime/Metadata.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace mlc::rt {

/// A compact row-major CPU tensor whose data (64-byte aligned) it owns.
class ParamTensor {
public:
  ParamTensor(const ParamTensor &) = delete;
  ParamTensor &operator=(const ParamTensor &) = delete;
  ~ParamTensor();

  /// A tensor of `dtype` and `shape` with uninitialized data, or null with
  /// `status` and `error` set (an overflowing shape, no memory).
  static std::shared_ptr<ParamTensor> create(const DType &dtype,
                                             std::vector<int64_t> shape,
                                             MLCStatus &status,
                                             std::string &error);

  /// The tensor; `shape` and `strides` are explicit (NULL for rank 0).
  const DLTensor &tensor() const { return dl; }
  void *data() { return dl.data; }
  size_t dataBytes() const { return bytes; }

private:
  ParamTensor() = default;

  DLTensor dl{};
  std::vector<int64_t> dims; // shape[ndim] then strides[ndim]
  size_t bytes = 0;
};

using ParamRef = std::shared_ptr<const ParamTensor>;

/// The thread-safe name -> tensor table of one context, in name order.
class ParamTable {
public:
  /// Adds or replaces every entry of `entries` at once: concurrent readers
  /// see either none or all of them.
  void insert(std::vector<std::pair<std::string, ParamRef>> entries);
  /// The tensor named `name`, or null.
  ParamRef find(const std::string &name) const;
  /// For each argument of `function`, its parameter's tensor, or null if it
  /// is not a parameter or not loaded; looked up at once, so that a call
  /// never mixes tensors of two concurrent loads.
  std::vector<ParamRef> findParams(const FunctionSpec &function) const;
  size_t size() const;
  /// The `index`-th name in sorted order (valid until the table changes),
  /// or null if out of range.
  const char *nameAt(size_t index) const;

private:
  mutable std::mutex mutex; // guards everything below
  std::map<std::string, ParamRef> tensors;
  /// The keys of `tensors` in order, rebuilt lazily after a change so that
  /// listing n names by index costs O(n), not O(n^2).
  mutable std::vector<const std::string *> order;
  mutable bool orderValid = true;
};

} // namespace mlc::rt

#endif // MLC_RUNTIME_PARAMS_H
