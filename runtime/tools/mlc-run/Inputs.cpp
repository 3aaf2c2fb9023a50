//===- Inputs.cpp - Arguments from files and literals ---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Literal inputs (`2x3xf32=1,2,3,4,5,6`) and .npy inputs.
//
//===----------------------------------------------------------------------===//

#include "Inputs.h"

#include "mlc/Runtime/Metadata.h"
#include "mlc/Runtime/Tensor.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace mlc::rt;
using namespace mlc::run;

/// Stores `text` as one element of `dtype` at `p`.
static bool storeLiteral(const std::string &text, const DType &dtype, void *p,
                         std::string &error) {
  auto invalid = [&] {
    error = "invalid " + std::string(dtype.name) + " value '" + text + "'";
    return false;
  };
  if (text.empty())
    return invalid();
  char *end;
  errno = 0;
  if (dtype.dl.bits == 1) {
    uint8_t value;
    if (text == "true" || text == "1")
      value = 1;
    else if (text == "false" || text == "0")
      value = 0;
    else
      return invalid();
    std::memcpy(p, &value, 1);
    return true;
  }
  if (dtype.isFloat) {
    double value = std::strtod(text.c_str(), &end);
    if (*end)
      return invalid();
    if (dtype.dl.code == kDLBfloat) {
      uint16_t bits = floatToBF16(float(value));
      std::memcpy(p, &bits, 2);
    } else if (dtype.bytes == 2) {
      uint16_t bits = floatToHalf(float(value));
      std::memcpy(p, &bits, 2);
    } else if (dtype.bytes == 4) {
      float narrow = float(value);
      std::memcpy(p, &narrow, 4);
    } else {
      std::memcpy(p, &value, 8);
    }
    return true;
  }
  unsigned bits = dtype.dl.bits;
  if (dtype.isSigned) {
    long long value = std::strtoll(text.c_str(), &end, 10);
    long long limit = bits == 64 ? INT64_MAX : (1LL << (bits - 1)) - 1;
    if (*end || errno == ERANGE || value > limit || value < -limit - 1)
      return invalid();
    int64_t wide = value;
    std::memcpy(p, &wide, dtype.bytes); // little-endian truncation
    return true;
  }
  if (text[0] == '-')
    return invalid();
  unsigned long long value = std::strtoull(text.c_str(), &end, 10);
  unsigned long long limit = bits == 64 ? UINT64_MAX : (1ULL << bits) - 1;
  if (*end || errno == ERANGE || value > limit)
    return invalid();
  uint64_t wide = value;
  std::memcpy(p, &wide, dtype.bytes);
  return true;
}

static std::string trim(const std::string &text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos)
    return "";
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

/// Whether an --input value is a literal (`2x3xf32=...`) rather than a path.
static bool isLiteral(const std::string &spec) {
  size_t eq = spec.find('=');
  return eq != std::string::npos &&
         spec.substr(0, eq).find_first_of("/.") == std::string::npos;
}

/// Parses `2x3xf32=1,2,3,4,5,6`.
static bool parseLiteral(const std::string &spec, TensorPtr &out,
                         std::string &error) {
  size_t eq = spec.find('=');
  std::string type = spec.substr(0, eq);
  std::vector<int64_t> shape;
  size_t start = 0, x;
  while ((x = type.find('x', start)) != std::string::npos) {
    std::string dim = type.substr(start, x - start);
    char *end;
    errno = 0;
    long long value = std::strtoll(dim.c_str(), &end, 10);
    if (dim.empty() || *end || errno == ERANGE || value < 0 ||
        !std::isdigit(static_cast<unsigned char>(dim[0]))) {
      error = "invalid dimension '" + dim + "' in literal '" + type + "'";
      return false;
    }
    shape.push_back(value);
    start = x + 1;
  }
  std::string dtypeName = type.substr(start);
  const DType *dtype = lookupDType(dtypeName);
  if (!dtype) {
    error = "unknown dtype '" + dtypeName + "' in literal '" + type +
            "' (expected DIMSxDTYPE=VALUES, e.g. 2x3xf32=1,2,3,4,5,6)";
    return false;
  }
  std::vector<std::string> values;
  std::string text = spec.substr(eq + 1);
  if (!trim(text).empty()) {
    size_t begin = 0, comma;
    do {
      comma = text.find(',', begin);
      values.push_back(trim(text.substr(begin, comma - begin)));
      begin = comma + 1;
    } while (comma != std::string::npos);
  }
  DLManagedTensor *tensor;
  if (mlcAllocTensor(dtype->dl, int32_t(shape.size()), shape.data(), &tensor) !=
      MLC_OK) {
    error = runtimeError();
    return false;
  }
  out.reset(tensor);
  int64_t numel;
  numElements(int32_t(shape.size()), shape.data(), numel);
  if (values.size() != size_t(numel) && !(values.size() == 1 && numel > 0)) {
    error = "literal '" + type + "' needs " + std::to_string(numel) +
            " value(s) (or one to fill it) but got " +
            std::to_string(values.size());
    return false;
  }
  char *data = static_cast<char *>(tensor->dl_tensor.data);
  for (int64_t i = 0; i < numel; ++i)
    if (!storeLiteral(values.size() == 1 ? values[0] : values[i], *dtype,
                      data + i * dtype->bytes, error))
      return false;
  return true;
}

/// Loads argument #index from its --input value. An f32 .npy file feeds a
/// bf16 argument (numpy has no bfloat16); other dtypes are passed as they
/// are, and the runtime's boundary check reports mismatches.
bool mlc::run::loadInput(const std::string &spec, MLCModule *module,
                         const std::string &function, size_t index,
                         TensorPtr &out, std::string &error) {
  if (isLiteral(spec))
    return parseLiteral(spec, out, error);
  DLManagedTensor *tensor;
  if (mlcNpyLoad(spec.c_str(), &tensor) != MLC_OK) {
    error = runtimeError();
    return false;
  }
  out.reset(tensor);
  DLDataType declared;
  if (mlcModuleGetParam(module, function.c_str(), 0, int32_t(index), nullptr,
                        &declared, nullptr) != MLC_OK ||
      declared.code != kDLBfloat || tensor->dl_tensor.dtype.code != kDLFloat ||
      tensor->dl_tensor.dtype.bits != 32)
    return true;
  DLManagedTensor *narrow;
  const DLTensor &wide = tensor->dl_tensor;
  if (mlcAllocTensor(declared, wide.ndim, wide.shape, &narrow) != MLC_OK) {
    error = runtimeError();
    return false;
  }
  int64_t numel;
  numElements(wide.ndim, wide.shape, numel);
  for (int64_t i = 0; i < numel; ++i) {
    float value;
    std::memcpy(&value, static_cast<char *>(wide.data) + 4 * i, 4);
    uint16_t bits = floatToBF16(value);
    std::memcpy(static_cast<char *>(narrow->dl_tensor.data) + 2 * i, &bits, 2);
  }
  out.reset(narrow);
  return true;
}
