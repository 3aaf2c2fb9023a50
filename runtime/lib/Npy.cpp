//===- Npy.cpp - Reading and writing .npy files ---------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The numpy format (numpy/lib/format.py): the magic "\x93NUMPY", a version,
// a little-endian header length, then a Python dict literal
// `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` padded with
// spaces to a multiple of 64 bytes and ended by '\n', then the raw data.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Tensor.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace mlc::rt;

namespace {
struct FileCloser {
  void operator()(FILE *file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

struct NpyHeader {
  std::string descr;
  bool fortranOrder = false;
  bool sawDescr = false, sawOrder = false, sawShape = false;
  std::vector<int64_t> shape;
};

/// A parser for the header's small subset of Python literals.
class HeaderParser {
public:
  HeaderParser(const std::string &text) : text(text) {}

  bool parse(NpyHeader &header, std::string &error) {
    if (!consume('{'))
      return fail("expected '{'", error);
    while (!consume('}')) {
      std::string key;
      if (!parseString(key) || !consume(':'))
        return fail("expected 'key':", error);
      if ((key == "descr" && header.sawDescr) ||
          (key == "fortran_order" && header.sawOrder) ||
          (key == "shape" && header.sawShape))
        return fail("duplicate key '" + key + "'", error);
      if (key == "descr") {
        skipSpace();
        if (peek() == '[')
          return fail("structured dtypes are not supported", error);
        if (!parseString(header.descr))
          return fail("expected a string for 'descr'", error);
        header.sawDescr = true;
      } else if (key == "fortran_order") {
        if (consumeWord("True"))
          header.fortranOrder = true;
        else if (!consumeWord("False"))
          return fail("expected True or False for 'fortran_order'", error);
        header.sawOrder = true;
      } else if (key == "shape") {
        if (!parseShape(header.shape))
          return fail("expected a tuple of integers for 'shape'", error);
        header.sawShape = true;
      } else {
        return fail("unexpected key '" + key + "'", error);
      }
      if (!consume(',')) {
        if (!consume('}'))
          return fail("expected ',' or '}'", error);
        break;
      }
    }
    if (!header.sawDescr || !header.sawOrder || !header.sawShape)
      return fail("missing 'descr', 'fortran_order' or 'shape'", error);
    return true;
  }

private:
  bool fail(const std::string &message, std::string &error) {
    error = "malformed header: " + message;
    return false;
  }
  void skipSpace() {
    while (pos < text.size() &&
           std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }
  char peek() const { return pos < text.size() ? text[pos] : '\0'; }
  bool consume(char c) {
    skipSpace();
    if (peek() != c)
      return false;
    ++pos;
    return true;
  }
  bool consumeWord(const char *word) {
    skipSpace();
    size_t n = std::strlen(word);
    if (text.compare(pos, n, word) != 0)
      return false;
    pos += n;
    return true;
  }
  bool parseString(std::string &out) {
    skipSpace();
    char quote = peek();
    if (quote != '\'' && quote != '"')
      return false;
    size_t end = text.find(quote, pos + 1);
    if (end == std::string::npos)
      return false;
    out = text.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    return true;
  }
  bool parseShape(std::vector<int64_t> &shape) {
    if (!consume('('))
      return false;
    while (!consume(')')) {
      skipSpace();
      if (!std::isdigit(static_cast<unsigned char>(peek())))
        return false;
      int64_t value = 0;
      while (std::isdigit(static_cast<unsigned char>(peek()))) {
        if (__builtin_mul_overflow(value, 10, &value) ||
            __builtin_add_overflow(value, text[pos] - '0', &value))
          return false;
        ++pos;
      }
      shape.push_back(value);
      if (!consume(',')) {
        if (!consume(')'))
          return false;
        break;
      }
    }
    return true;
  }

  const std::string &text;
  size_t pos = 0;
};
} // namespace

/// The ABI dtype of a numpy descr such as '<f4', or an error.
static MLCStatus dtypeFromDescr(const std::string &descr, const DType *&out) {
  std::string bad = "unsupported dtype '" + descr + "'";
  if (descr.size() < 3)
    return setError(MLC_ERROR_UNSUPPORTED, bad);
  char order = descr[0];
  std::string kind = descr.substr(1);
  static const std::pair<const char *, const char *> kinds[] = {
      {"b1", "i1"},  {"i1", "i8"},  {"i2", "i16"}, {"i4", "i32"},
      {"i8", "i64"}, {"u1", "u8"},  {"u2", "u16"}, {"u4", "u32"},
      {"u8", "u64"}, {"f2", "f16"}, {"f4", "f32"}, {"f8", "f64"}};
  out = nullptr;
  for (const auto &[npy, name] : kinds)
    if (kind == npy)
      out = lookupDType(name);
  if (!out)
    return setError(MLC_ERROR_UNSUPPORTED,
                    bad + " (supported: b1 i1 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8)");
  if (order == '>' && out->bytes > 1)
    return setError(MLC_ERROR_UNSUPPORTED,
                    "big-endian data ('" + descr + "') is not supported");
  if (order != '<' && order != '|' && order != '=' && order != '>')
    return setError(MLC_ERROR_FORMAT, bad);
  return MLC_OK;
}

static const char *descrOf(const DType &dtype) {
  static const std::pair<const char *, const char *> descrs[] = {
      {"i1", "|b1"},  {"i8", "|i1"},  {"i16", "<i2"}, {"i32", "<i4"},
      {"i64", "<i8"}, {"u8", "|u1"},  {"u16", "<u2"}, {"u32", "<u4"},
      {"u64", "<u8"}, {"f16", "<f2"}, {"f32", "<f4"}, {"f64", "<f8"},
      {"bf16", "<f4"}};
  for (const auto &[name, descr] : descrs)
    if (std::strcmp(name, dtype.name) == 0)
      return descr;
  return nullptr;
}

MLCStatus mlcNpyLoad(const char *path, DLManagedTensor **out) {
  if (!path || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcNpyLoad: 'path' or 'out' is NULL");
  *out = nullptr;
  std::string where = "'" + std::string(path) + "': ";
  FilePtr file(std::fopen(path, "rb"));
  if (!file)
    return setError(MLC_ERROR_IO,
                    "cannot open " + where + std::strerror(errno));
  std::string bytes;
  char chunk[1 << 16];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof(chunk), file.get())) > 0)
    bytes.append(chunk, n);
  if (std::ferror(file.get()))
    return setError(MLC_ERROR_IO,
                    "cannot read " + where + std::strerror(errno));

  auto malformed = [&](const std::string &message) {
    return setError(MLC_ERROR_FORMAT, "malformed .npy file " + where + message);
  };
  if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
    return malformed("missing the \\x93NUMPY magic");
  unsigned major = static_cast<unsigned char>(bytes[6]);
  auto byteAt = [&](size_t i) -> size_t {
    return static_cast<unsigned char>(bytes[i]);
  };
  size_t headerStart, headerLength;
  if (major == 1) {
    headerStart = 10;
    headerLength = byteAt(8) | byteAt(9) << 8;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return malformed("truncated header");
    headerStart = 12;
    headerLength =
        byteAt(8) | byteAt(9) << 8 | byteAt(10) << 16 | byteAt(11) << 24;
  } else {
    return setError(MLC_ERROR_UNSUPPORTED,
                    "unsupported .npy version " + std::to_string(major) +
                        " in " + where.substr(0, where.size() - 2));
  }
  if (headerLength > bytes.size() - headerStart)
    return malformed("truncated header");
  std::string headerText = bytes.substr(headerStart, headerLength);
  NpyHeader header;
  std::string error;
  if (!HeaderParser(headerText).parse(header, error))
    return malformed(error);
  const DType *dtype;
  if (MLCStatus status = dtypeFromDescr(header.descr, dtype))
    return setError(status, where + lastError());
  if (header.fortranOrder)
    return setError(MLC_ERROR_UNSUPPORTED,
                    where +
                        "Fortran-order arrays are not supported "
                        "(save a C-order array, e.g. np.ascontiguousarray)");
  int64_t numel;
  size_t dataBytes;
  if (!numElements(int32_t(header.shape.size()), header.shape.data(), numel) ||
      !byteSize(numel, dtype->bytes, dataBytes))
    return malformed("shape overflows");
  size_t available = bytes.size() - headerStart - headerLength;
  if (available != dataBytes)
    return malformed("expected " + std::to_string(dataBytes) +
                     " data bytes for the shape and dtype but found " +
                     std::to_string(available));
  DLManagedTensor *tensor;
  if (MLCStatus status = mlcAllocTensor(dtype->dl, int32_t(header.shape.size()),
                                        header.shape.data(), &tensor))
    return status;
  std::memcpy(tensor->dl_tensor.data, bytes.data() + headerStart + headerLength,
              dataBytes);
  *out = tensor;
  return MLC_OK;
}

MLCStatus mlcNpySave(const char *path, const DLTensor *tensor) {
  if (!path || !tensor)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcNpySave: 'path' or 'tensor' is NULL");
  const DType *dtype = lookupDType(tensor->dtype);
  if (!dtype)
    return setError(MLC_ERROR_UNSUPPORTED, "mlcNpySave: unsupported dtype " +
                                               dtypeToString(tensor->dtype));
  if (tensor->device.device_type != kDLCPU &&
      tensor->device.device_type != kDLCUDAHost)
    return setError(MLC_ERROR_UNSUPPORTED, "mlcNpySave: not a CPU tensor");
  int64_t numel;
  size_t bytes;
  if (tensor->ndim < 0 || (tensor->ndim > 0 && !tensor->shape) ||
      !numElements(tensor->ndim, tensor->shape, numel) ||
      !byteSize(numel, dtype->bytes, bytes) || (numel > 0 && !tensor->data))
    return setError(MLC_ERROR_INVALID_ARGUMENT, "mlcNpySave: malformed tensor");
  std::string data(bytes, '\0');
  copyToCompact(*tensor, dtype->bytes, data.data());
  if (dtype->dl.code == kDLBfloat) {
    std::string widened(size_t(numel) * 4, '\0');
    for (int64_t i = 0; i < numel; ++i) {
      uint16_t bits;
      std::memcpy(&bits, data.data() + 2 * i, 2);
      float value = bf16ToFloat(bits);
      std::memcpy(widened.data() + 4 * i, &value, 4);
    }
    data.swap(widened);
  }

  std::string header = std::string("{'descr': '") + descrOf(*dtype) +
                       "', 'fortran_order': False, 'shape': (";
  for (int32_t i = 0; i < tensor->ndim; ++i)
    header += std::to_string(tensor->shape[i]) +
              (i + 1 < tensor->ndim || tensor->ndim == 1 ? "," : "") +
              (i + 1 < tensor->ndim ? " " : "");
  header += "), }";
  // Pad with spaces so that the data starts 64-byte aligned.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string prefix = "\x93NUMPY";
  prefix += char(1);
  prefix += char(0);
  prefix += char(header.size() & 0xff);
  prefix += char(header.size() >> 8);

  FilePtr file(std::fopen(path, "wb"));
  if (!file)
    return setError(MLC_ERROR_IO, "cannot open '" + std::string(path) +
                                      "' for writing: " + std::strerror(errno));
  bool ok = std::fwrite(prefix.data(), 1, prefix.size(), file.get()) ==
                prefix.size() &&
            std::fwrite(header.data(), 1, header.size(), file.get()) ==
                header.size() &&
            std::fwrite(data.data(), 1, data.size(), file.get()) == data.size();
  int closeResult = std::fclose(file.release());
  if (!ok || closeResult != 0)
    return setError(MLC_ERROR_IO, "cannot write '" + std::string(path) +
                                      "': " + std::strerror(errno));
  return MLC_OK;
}
