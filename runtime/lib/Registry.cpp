//===- Registry.cpp - The packed-function registry ------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Registration, lookup and calls of packed functions, and user libraries
// that register them (mlcLoadLibrary).
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Registry.h"
#include "mlc/Runtime/Context.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Metadata.h"
#include "mlc/Runtime/Module.h"

#include <dlfcn.h>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <unordered_map>

using namespace mlc::rt;

namespace {
class Registry {
public:
  Registry() {
    functions["mlc.blas.sgemm"] = {blasSgemm, nullptr};
    functions["mlc.blas.sgemm_batched"] = {blasSgemmBatched, nullptr};
  }

  std::optional<PackedEntry> find(const std::string &name) const {
    std::shared_lock<std::shared_mutex> lock(mutex);
    auto it = functions.find(name);
    if (it == functions.end())
      return std::nullopt;
    return it->second;
  }

  /// False if `name` exists and `replace` is false.
  bool add(const std::string &name, PackedEntry entry, bool replace) {
    std::unique_lock<std::shared_mutex> lock(mutex);
    auto [it, inserted] = functions.emplace(name, entry);
    if (!inserted && !replace)
      return false;
    it->second = entry;
    return true;
  }

private:
  // Lookups (every mlcContextCallPacked) share the lock.
  mutable std::shared_mutex mutex;
  std::unordered_map<std::string, PackedEntry> functions;
};

Registry &registry() {
  // Never destroyed: libraries may still call into it during exit.
  static Registry *instance = new Registry;
  return *instance;
}
} // namespace

std::optional<PackedEntry>
mlc::rt::lookupPackedFunction(const std::string &name) {
  return registry().find(name);
}

MLCStatus mlcRegisterPackedFunction(const char *name, MLCPackedFunction fn,
                                    void *userData, int32_t override) {
  if (!name || !fn)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcRegisterPackedFunction: 'name' or 'fn' is NULL");
  if (!isDottedIdentifier(name))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "packed function name '" + std::string(name) +
                        "' is not a dotted identifier (e.g. 'mylib.scale')");
  if (!registry().add(name, {fn, userData}, override != 0))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "packed function '" + std::string(name) +
                        "' is already registered (pass override to replace "
                        "it)");
  return MLC_OK;
}

MLCStatus mlcGetPackedFunction(const char *name, MLCPackedFunction *fn,
                               void **userData) {
  if (!name)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcGetPackedFunction: 'name' is NULL");
  std::optional<PackedEntry> entry = lookupPackedFunction(name);
  if (!entry)
    return setError(MLC_ERROR_NOT_FOUND, "packed function '" +
                                             std::string(name) +
                                             "' is not registered");
  if (fn)
    *fn = entry->fn;
  if (userData)
    *userData = entry->userData;
  return MLC_OK;
}

MLC_RUNTIME_EXPORT int32_t mlcContextCallPacked(MLCContext *ctx,
                                                const char *name,
                                                DLTensor *args,
                                                int32_t numArgs) {
  if (!ctx)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextCallPacked: 'ctx' is NULL");
  if (!name) {
    ctx->setError("mlcContextCallPacked: 'name' is NULL");
    return MLC_ERROR_INVALID_ARGUMENT;
  }
  std::optional<PackedEntry> entry = lookupPackedFunction(name);
  std::string label = "packed function '" + std::string(name) + "'";
  if (!entry) {
    ctx->setError(label + " is not registered");
    return MLC_ERROR_NOT_FOUND;
  }
  if (numArgs < 0 || (numArgs > 0 && !args)) {
    ctx->setError(label + ": 'args' is NULL or the count " +
                  std::to_string(numArgs) + " is negative");
    return MLC_ERROR_INVALID_ARGUMENT;
  }
  ctx->setError("");
  int32_t status = entry->fn(ctx, args, numArgs, entry->userData);
  if (status == 0)
    return 0;
  std::string message = ctx->getError();
  ctx->setError(label + " failed" +
                (message.empty() ? " with status " + std::to_string(status) +
                                       " and no message"
                                 : ": " + message));
  return status;
}

MLCStatus mlcLoadLibrary(const char *path) {
  if (!path)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcLoadLibrary: 'path' is NULL");
  // Recursive: an init function may load the libraries it depends on. Held
  // throughout, so that two threads never run one library's init twice.
  static std::recursive_mutex mutex;
  static std::set<void *> *initialized = new std::set<void *>;
  std::lock_guard<std::recursive_mutex> lock(mutex);
  std::string file = path, label = "library '" + file + "'";
  if (file.find('/') == std::string::npos)
    file = "./" + file; // as for modules: the working directory
  std::string corrupt;
  if (!checkSharedObjectFile(file, corrupt))
    return setError(MLC_ERROR_LOAD, "cannot load " + label + ": " + corrupt);
  void *handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *reason = dlerror();
    return setError(MLC_ERROR_LOAD, "cannot load " + label + ": " +
                                        (reason ? reason : "unknown"));
  }
  if (initialized->count(handle)) {
    dlclose(handle); // drops the reference this call added
    return MLC_OK;
  }
  using InitFunction = int32_t (*)(void);
  auto init = reinterpret_cast<InitFunction>(dlsym(handle, "mlc_library_init"));
  if (!init) {
    dlclose(handle);
    return setError(MLC_ERROR_LOAD,
                    label + " does not export 'mlc_library_init' (int32_t "
                            "mlc_library_init(void), which registers its "
                            "packed functions)");
  }
  clearError();
  int32_t status = init();
  if (status != 0) {
    // Not unloaded: it may have registered some functions before failing.
    std::string message = lastError();
    return setError(MLC_ERROR_LOAD,
                    label + ": mlc_library_init failed with status " +
                        std::to_string(status) +
                        (message.empty() ? "" : ": " + message));
  }
  initialized->insert(handle);
  return MLC_OK;
}
