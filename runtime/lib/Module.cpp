//===- Module.cpp - Loading and inspecting compiled modules ---------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Module.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Registry.h"

#include <algorithm>
#include <cstring>
#include <dlfcn.h>
#include <memory>

using namespace mlc::rt;

MLCStatus mlcModuleLoad(const char *path, MLCModule **out) {
  if (!path || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleLoad: 'path' or 'out' is NULL");
  *out = nullptr;
  // dlopen searches the library path for names without '/'; a module named
  // on a command line means the file in the working directory.
  std::string file = path;
  if (file.find('/') == std::string::npos)
    file = "./" + file;
  std::string corrupt;
  if (!checkSharedObjectFile(file, corrupt))
    return setError(MLC_ERROR_LOAD, "cannot load module '" + std::string(path) +
                                        "': " + corrupt);
  // RTLD_LOCAL: modules may export equal symbol names without clashing.
  void *handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *reason = dlerror();
    return setError(MLC_ERROR_LOAD, "cannot load module '" + std::string(path) +
                                        "': " + (reason ? reason : "unknown"));
  }
  auto module = std::make_unique<MLCModule>();
  module->handle = handle;
  module->path = path;
  auto fail = [&](const std::string &message) {
    dlclose(handle);
    return setError(MLC_ERROR_LOAD,
                    "module '" + std::string(path) + "': " + message);
  };
  const char *metadata =
      static_cast<const char *>(dlsym(handle, MLC_ABI_METADATA_SYMBOL));
  if (!metadata)
    return fail("no '" MLC_ABI_METADATA_SYMBOL "' symbol (not an mlc module?)");
  std::string error;
  if (!parseMetadata(metadata, module->spec, error))
    return fail(error);
  for (const FunctionSpec &function : module->spec.functions) {
    std::string symbol = MLC_ABI_ENTRY_PREFIX + function.name;
    void *entry = dlsym(handle, symbol.c_str());
    if (!entry)
      return fail("function '" + function.name + "' has no entry point '" +
                  symbol + "'");
    module->entries.push_back(reinterpret_cast<MLCEntryFunction>(entry));
  }
  // Checked here so that a missing library shows at load, not mid-call.
  for (const std::string &name : module->spec.imports) {
    if (lookupPackedFunction(name))
      continue;
    dlclose(handle);
    return setError(MLC_ERROR_LOAD,
                    "module '" + std::string(path) +
                        "' imports packed function '" + name +
                        "', which is not registered (register it or load its "
                        "library with --load)");
  }
  *out = module.release();
  return MLC_OK;
}

void mlcModuleFree(MLCModule *module) {
  if (!module)
    return;
  dlclose(module->handle);
  delete module;
}

MLCStatus mlcModuleNumFunctions(const MLCModule *module, int32_t *out) {
  if (!module || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleNumFunctions: 'module' or 'out' is NULL");
  *out = static_cast<int32_t>(module->spec.functions.size());
  return MLC_OK;
}

MLCStatus mlcModuleGetFunctionName(const MLCModule *module, int32_t index,
                                   const char **out) {
  if (!module || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleGetFunctionName: 'module' or 'out' is NULL");
  if (index < 0 || size_t(index) >= module->spec.functions.size())
    return setError(MLC_ERROR_NOT_FOUND,
                    "function index " + std::to_string(index) +
                        " out of range (module has " +
                        std::to_string(module->spec.functions.size()) +
                        " functions)");
  *out = module->spec.functions[index].name.c_str();
  return MLC_OK;
}

/// Finds function `name`, or records why not.
static MLCStatus findFunction(const MLCModule *module, const char *name,
                              const char *api, const FunctionSpec *&out) {
  if (!module || !name)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    std::string(api) + ": 'module' or 'name' is NULL");
  out = module->spec.find(name);
  if (out)
    return MLC_OK;
  std::string known;
  for (const FunctionSpec &function : module->spec.functions)
    known += (known.empty() ? "" : ", ") + function.name;
  return setError(MLC_ERROR_NOT_FOUND,
                  "module '" + module->path + "' has no function '" + name +
                      "' (it has: " + (known.empty() ? "none" : known) + ")");
}

MLCStatus mlcModuleGetSignature(const MLCModule *module, const char *name,
                                char *buf, size_t size) {
  const FunctionSpec *function;
  if (MLCStatus status =
          findFunction(module, name, "mlcModuleGetSignature", function))
    return status;
  std::string signature = function->signature();
  if (buf && size) {
    size_t n = std::min(size - 1, signature.size());
    std::memcpy(buf, signature.data(), n);
    buf[n] = '\0';
  }
  if (!buf || signature.size() >= size)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleGetSignature: the signature of '" +
                        std::string(name) + "' needs " +
                        std::to_string(signature.size() + 1) + " bytes");
  return MLC_OK;
}

MLCStatus mlcModuleGetArity(const MLCModule *module, const char *name,
                            int32_t *numArgs, int32_t *numResults) {
  const FunctionSpec *function;
  if (MLCStatus status =
          findFunction(module, name, "mlcModuleGetArity", function))
    return status;
  if (numArgs)
    *numArgs = static_cast<int32_t>(function->args.size());
  if (numResults)
    *numResults = static_cast<int32_t>(function->results.size());
  return MLC_OK;
}

MLCStatus mlcModuleGetParam(const MLCModule *module, const char *name,
                            int isResult, int32_t index, const char **paramName,
                            DLDataType *dtype, int32_t *ndim) {
  const FunctionSpec *function;
  if (MLCStatus status =
          findFunction(module, name, "mlcModuleGetParam", function))
    return status;
  const std::vector<TensorSpec> &params =
      isResult ? function->results : function->args;
  if (index < 0 || size_t(index) >= params.size())
    return setError(MLC_ERROR_NOT_FOUND,
                    std::string(isResult ? "result" : "argument") + " index " +
                        std::to_string(index) + " out of range for '" + name +
                        "'");
  const TensorSpec &param = params[index];
  if (paramName)
    *paramName = param.name.c_str();
  if (dtype)
    *dtype = param.dtype->dl;
  if (ndim)
    *ndim = param.unknownRank ? -1 : static_cast<int32_t>(param.dims.size());
  return MLC_OK;
}

MLCStatus mlcModuleGetArgParamName(const MLCModule *module, const char *name,
                                   int32_t index, const char **out) {
  const FunctionSpec *function;
  if (MLCStatus status =
          findFunction(module, name, "mlcModuleGetArgParamName", function))
    return status;
  if (!out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcModuleGetArgParamName: 'out' is NULL");
  if (index < 0 || size_t(index) >= function->args.size())
    return setError(MLC_ERROR_NOT_FOUND,
                    "argument index " + std::to_string(index) +
                        " out of range for '" + name + "'");
  *out = function->args[index].param.c_str();
  return MLC_OK;
}
