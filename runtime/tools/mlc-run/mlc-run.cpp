//===- mlc-run.cpp - Run a function of a compiled module ------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Loads a compiled module through libmlc_runtime (after any libraries of
// packed functions it imports), loads model parameters from .safetensors
// files into its context, builds inputs from .npy files or literals, calls
// one function, then prints, saves, compares or times its results. All
// calls share one context, so benchmark runs reuse its pool and its
// parameters are loaded once. Every failure is one `error: ...` line and
// exit code 1.
//
//===----------------------------------------------------------------------===//

#include "Common.h"
#include "Compare.h"
#include "Inputs.h"
#include "Print.h"

#include "mlc/Runtime/Metadata.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace mlc::rt;
using namespace mlc::run;

static const char *const kUsage =
    "usage: mlc-run MODULE.so [options]\n"
    "\n"
    "Runs a function of a compiled mlc module.\n"
    "\n"
    "  --list                 print each function's signature and exit (and,\n"
    "                         with --params, each loaded parameter)\n"
    "  --function=NAME        the function to run (optional if there is one)\n"
    "  --params=FILE.safetensors\n"
    "                         load model parameters into the context before\n"
    "                         the call (repeatable, in order: later files\n"
    "                         replace tensors of the same name); the inputs\n"
    "                         may then leave out the `param` arguments\n"
    "  --input=FILE.npy       the next argument, from a .npy file\n"
    "  --input=2x3xf32=1,2,3,4,5,6\n"
    "                         the next argument as a literal: dims, dtype,\n"
    "                         values in row-major order (one value fills the\n"
    "                         tensor; `f32=5` is a scalar, `0xf32=` empty)\n"
    "  --output=PREFIX        write results to PREFIX0.npy, PREFIX1.npy, ...\n"
    "  --expected=FILE.npy    compare result #i with the i-th file:\n"
    "                         |result - expected| <= atol + rtol * |expected|\n"
    "  --rtol=X --atol=X      tolerances (default 1e-5 and 1e-6)\n"
    "  --benchmark=N          time N calls after a warm-up call\n"
    "  --stats                print allocation statistics after the call and,\n"
    "                         with --benchmark, after the timed calls:\n"
    "                         `stats: N allocations, M pool hits, peak P\n"
    "                         bytes in use, R reclaimed` (R: blocks compiled\n"
    "                         code neither freed nor returned)\n"
    "  --load=LIB.so          load a library of packed functions (it exports\n"
    "                         mlc_library_init) before the module; repeatable\n"
    "  --print                print results (the default unless --output,\n"
    "                         --expected or --benchmark is given)\n"
    "  --help                 this text\n";

namespace {
struct ModuleDeleter {
  void operator()(MLCModule *m) const { mlcModuleFree(m); }
};
using ModulePtr = std::unique_ptr<MLCModule, ModuleDeleter>;

struct ContextDeleter {
  void operator()(MLCContext *c) const { mlcContextDestroy(c); }
};
using ContextPtr = std::unique_ptr<MLCContext, ContextDeleter>;

struct Options {
  std::string module;
  std::string function;
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> expected;
  std::vector<std::string> libraries;
  std::vector<std::string> params;
  double rtol = 1e-5;
  double atol = 1e-6;
  long long benchmark = 0;
  bool list = false;
  bool print = false;
  bool stats = false;
  bool help = false;
};
} // namespace

/// Prints `error: message` on one line; returns the exit code 1.
static int fail(std::string message) {
  std::replace(message.begin(), message.end(), '\n', ' ');
  std::fflush(stdout); // keep the order of results and errors
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return 1;
}

static bool parseDouble(const std::string &text, double &value) {
  if (text.empty())
    return false;
  char *end;
  errno = 0;
  value = std::strtod(text.c_str(), &end);
  return *end == '\0' && errno != ERANGE;
}

static bool parseOptions(int argc, char **argv, Options &options,
                         std::string &error) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0 && arg != "-h") {
      if (!options.module.empty()) {
        error = "more than one module given ('" + options.module + "' and '" +
                arg + "')";
        return false;
      }
      options.module = arg;
      continue;
    }
    size_t eq = arg.find('=');
    std::string key = arg.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
    bool hasValue = eq != std::string::npos;
    auto needValue = [&] {
      if (!hasValue)
        error = "option '" + key + "' needs a value (" + key + "=...)";
      return hasValue;
    };
    if (key == "--help" || key == "-h") {
      options.help = true;
    } else if (key == "--list" || key == "--print" || key == "--stats") {
      if (hasValue) {
        error = "option '" + key + "' takes no value";
        return false;
      }
      (key == "--list"    ? options.list
       : key == "--print" ? options.print
                          : options.stats) = true;
    } else if (key == "--function") {
      if (!needValue())
        return false;
      options.function = value;
    } else if (key == "--input") {
      if (!needValue())
        return false;
      options.inputs.push_back(value);
    } else if (key == "--output") {
      if (!needValue())
        return false;
      options.output = value;
    } else if (key == "--load") {
      if (!needValue())
        return false;
      options.libraries.push_back(value);
    } else if (key == "--params") {
      if (!needValue())
        return false;
      options.params.push_back(value);
    } else if (key == "--expected") {
      if (!needValue())
        return false;
      options.expected.push_back(value);
    } else if (key == "--rtol" || key == "--atol") {
      if (!needValue())
        return false;
      double &target = key == "--rtol" ? options.rtol : options.atol;
      if (!parseDouble(value, target) || !(target >= 0)) {
        error = "invalid " + key + " '" + value +
                "' (expected a non-negative number)";
        return false;
      }
    } else if (key == "--benchmark") {
      if (!needValue())
        return false;
      char *end;
      errno = 0;
      options.benchmark = std::strtoll(value.c_str(), &end, 10);
      if (value.empty() || *end || errno == ERANGE || options.benchmark < 1) {
        error = "invalid --benchmark '" + value +
                "' (expected a positive number of runs)";
        return false;
      }
    } else {
      error = "unknown option '" + key + "' (see --help)";
      return false;
    }
  }
  return true;
}

/// `param NAME: f32[4, 3]` for each tensor in the context's table.
static void listParams(const MLCContext *context) {
  int32_t count = 0;
  mlcContextNumParams(context, &count);
  for (int32_t i = 0; i < count; ++i) {
    const char *name;
    const DLTensor *tensor;
    if (mlcContextGetParamName(context, i, &name) != MLC_OK ||
        mlcContextGetParam(context, name, &tensor) != MLC_OK)
      continue;
    std::printf("param %s: %s%s\n", name, dtypeToString(tensor->dtype).c_str(),
                shapeString(*tensor).c_str());
  }
}

static void listFunctions(MLCModule *module) {
  int32_t count;
  mlcModuleNumFunctions(module, &count);
  for (int32_t i = 0; i < count; ++i) {
    const char *name;
    mlcModuleGetFunctionName(module, i, &name);
    std::vector<char> buffer(256);
    while (mlcModuleGetSignature(module, name, buffer.data(), buffer.size()) !=
           MLC_OK)
      buffer.resize(buffer.size() * 2);
    std::printf("%s\n", buffer.data());
  }
}

/// The function to run: --function, or the module's only one.
static bool chooseFunction(MLCModule *module, const Options &options,
                           std::string &name, std::string &error) {
  if (!options.function.empty()) {
    name = options.function;
    if (mlcModuleGetArity(module, name.c_str(), nullptr, nullptr) != MLC_OK) {
      error = runtimeError();
      return false;
    }
    return true;
  }
  int32_t count;
  mlcModuleNumFunctions(module, &count);
  if (count == 1) {
    const char *only;
    mlcModuleGetFunctionName(module, 0, &only);
    name = only;
    return true;
  }
  std::string names;
  for (int32_t i = 0; i < count; ++i) {
    const char *each;
    mlcModuleGetFunctionName(module, i, &each);
    names += (i ? ", " : "") + std::string(each);
  }
  error = "module '" + options.module + "' has " + std::to_string(count) +
          " functions (" + names + "); choose one with --function=NAME";
  return false;
}

/// The argument that each of `numInputs` inputs feeds, by the call rule of
/// mlcModuleCallWithContext: every argument in order, or, when the count is
/// that of the arguments that are not parameters, those. (Any other count
/// maps in order too; the call then reports the mismatch.)
static std::vector<int32_t> inputArguments(MLCModule *module,
                                           const std::string &function,
                                           size_t numInputs) {
  int32_t numArgs = 0;
  mlcModuleGetArity(module, function.c_str(), &numArgs, nullptr);
  std::vector<int32_t> all, ordinary;
  for (int32_t i = 0; i < numArgs; ++i) {
    const char *param = "";
    mlcModuleGetArgParamName(module, function.c_str(), i, &param);
    all.push_back(i);
    if (!*param)
      ordinary.push_back(i);
  }
  if (numInputs != all.size() && numInputs == ordinary.size())
    return ordinary;
  for (int32_t i = numArgs; size_t(i) < numInputs; ++i)
    all.push_back(i);
  return all;
}

/// `stats: N allocations, M pool hits, peak P bytes in use, R reclaimed`.
static void printStats(const MLCContext *context) {
  MLCAllocStats stats;
  mlcContextGetStats(context, &stats);
  std::printf("stats: %llu allocations, %llu pool hits, peak %llu bytes in "
              "use, %llu reclaimed\n",
              (unsigned long long)stats.allocations,
              (unsigned long long)stats.poolHits,
              (unsigned long long)stats.peakBytesInUse,
              (unsigned long long)stats.reclaimed);
}

static double milliseconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

int main(int argc, char **argv) {
  Options options;
  std::string error;
  if (!parseOptions(argc, argv, options, error))
    return fail(error);
  if (options.help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (options.module.empty())
    return fail("no module given (usage: mlc-run MODULE.so [options]; see "
                "--help)");

  for (const std::string &library : options.libraries)
    if (mlcLoadLibrary(library.c_str()) != MLC_OK)
      return fail(runtimeError());
  MLCModule *raw;
  if (mlcModuleLoad(options.module.c_str(), &raw) != MLC_OK)
    return fail(runtimeError());
  ModulePtr module(raw);
  MLCContext *rawContext;
  if (mlcContextCreate(&rawContext) != MLC_OK)
    return fail(runtimeError());
  ContextPtr context(rawContext);
  for (const std::string &file : options.params)
    if (mlcContextLoadParams(context.get(), file.c_str()) != MLC_OK)
      return fail(runtimeError());
  if (options.list) {
    listFunctions(module.get());
    listParams(context.get());
    return 0;
  }

  std::string function;
  if (!chooseFunction(module.get(), options, function, error))
    return fail(error);
  int32_t numResults;
  mlcModuleGetArity(module.get(), function.c_str(), nullptr, &numResults);
  if (!options.expected.empty() &&
      options.expected.size() != size_t(numResults))
    return fail(std::to_string(options.expected.size()) +
                " --expected file(s) given but function '" + function +
                "' has " + std::to_string(numResults) + " result(s)");

  std::vector<TensorPtr> inputs(options.inputs.size());
  std::vector<DLTensor> args;
  std::vector<int32_t> fed =
      inputArguments(module.get(), function, options.inputs.size());
  for (size_t i = 0; i < options.inputs.size(); ++i) {
    if (!loadInput(options.inputs[i], module.get(), function, size_t(fed[i]),
                   inputs[i], error))
      return fail("input #" + std::to_string(i) + ": " + error);
    args.push_back(inputs[i]->dl_tensor);
  }
  std::vector<DLManagedTensor *> rawResults(size_t(numResults), nullptr);
  auto call = [&] {
    return mlcModuleCallWithContext(
        context.get(), module.get(), function.c_str(), args.data(),
        int32_t(args.size()), rawResults.data(), numResults);
  };
  if (call() != MLC_OK)
    return fail(runtimeError());
  std::vector<TensorPtr> results;
  for (DLManagedTensor *result : rawResults)
    results.emplace_back(result);

  bool print =
      options.print || (options.output.empty() && options.expected.empty() &&
                        !options.benchmark);
  for (size_t i = 0; i < results.size() && print; ++i) {
    const DLTensor &t = results[i]->dl_tensor;
    std::printf("result #%zu: %s%s\n%s\n", i, lookupDType(t.dtype)->name,
                shapeString(t).c_str(), formatTensor(t).c_str());
  }
  for (size_t i = 0; i < results.size() && !options.output.empty(); ++i) {
    std::string path = options.output + std::to_string(i) + ".npy";
    if (mlcNpySave(path.c_str(), &results[i]->dl_tensor) != MLC_OK)
      return fail(runtimeError());
  }
  bool matched = true;
  for (size_t i = 0; i < options.expected.size(); ++i) {
    if (!compareResult(results[i]->dl_tensor, i, options.expected[i],
                       options.rtol, options.atol, error)) {
      fail(error);
      matched = false;
    }
  }
  if (!matched)
    return 1;
  if (options.stats)
    printStats(context.get());

  if (options.benchmark) {
    // The second --stats line covers the timed calls only.
    mlcContextResetStats(context.get());
    std::vector<double> times;
    for (long long run = 0; run < options.benchmark; ++run) {
      auto start = std::chrono::steady_clock::now();
      MLCStatus status = call();
      auto stop = std::chrono::steady_clock::now();
      if (status != MLC_OK)
        return fail(runtimeError());
      for (DLManagedTensor *&result : rawResults)
        TensorDeleter()(result);
      times.push_back(milliseconds(stop - start));
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    size_t n = sorted.size();
    double median =
        n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    double mean = 0;
    for (double t : times)
      mean += t / double(n);
    std::printf("benchmark '%s': %zu runs, min %.6f ms, median %.6f ms, mean "
                "%.6f ms\n",
                function.c_str(), n, sorted.front(), median, mean);
    if (options.stats)
      printStats(context.get());
  }
  return 0;
}
