//===- Safetensors.cpp - Loading .safetensors files into a context --------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// mlcContextLoadParams. The format: an 8-byte little-endian header length
// N, N bytes of JSON
//
//   {"NAME": {"dtype": "F32", "shape": [2, 3], "data_offsets": [B, E]},
//    ..., "__metadata__": {"key": "value", ...}}
//
// then the data buffer, which holds each tensor's little-endian, row-major
// bytes at [B, E) relative to its start. The whole file is validated before
// anything is read into the table, so a bad file changes nothing; sizes come
// from the file, never from an unchecked field, so a corrupted length cannot
// cause a huge allocation.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Context.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Json.h"
#include "mlc/Runtime/Params.h"
#include "mlc/Runtime/Tensor.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

using namespace mlc::rt;

/// Real headers are a few MB at most; this bounds what a corrupted length
/// field can make the loader allocate.
static constexpr uint64_t kMaxHeaderBytes = 100'000'000;

namespace {
/// One tensor of the header.
struct Entry {
  std::string name;
  const DType *dtype = nullptr;
  std::vector<int64_t> shape;
  int64_t begin = 0, end = 0;
};

/// An open file descriptor, closed on every exit path.
struct File {
  int fd = -1;
  ~File() {
    if (fd >= 0)
      ::close(fd);
  }
};

/// The header's schema over JsonReader: an object of tensor entries and an
/// optional `__metadata__` object of strings.
class HeaderParser {
public:
  HeaderParser(std::string_view text, uint64_t dataBytes)
      : reader(text), dataBytes(dataBytes) {}

  bool parse(std::vector<Entry> &entries);
  const JsonReader &json() const { return reader; }

private:
  bool parseMetadata();
  bool parseEntry(Entry &entry);
  bool parseDType(Entry &entry);
  bool parseShape(Entry &entry);
  bool parseOffsets(Entry &entry);
  bool checkEntry(const Entry &entry, size_t at);

  JsonReader reader;
  uint64_t dataBytes;
};
} // namespace

/// The ABI dtype of a safetensors dtype name, or null.
static const DType *lookupSafetensorsDType(const std::string &name) {
  static const std::pair<const char *, const char *> kNames[] = {
      {"F16", "f16"}, {"BF16", "bf16"}, {"F32", "f32"}, {"F64", "f64"},
      {"I8", "i8"},   {"I16", "i16"},   {"I32", "i32"}, {"I64", "i64"},
      {"U8", "u8"},   {"U16", "u16"},   {"U32", "u32"}, {"U64", "u64"},
      {"BOOL", "i1"}};
  for (const auto &[safetensors, abi] : kNames)
    if (name == safetensors)
      return lookupDType(abi);
  return nullptr;
}

bool HeaderParser::parse(std::vector<Entry> &entries) {
  std::set<std::string> names;
  bool sawMetadata = false;
  if (reader.peek() != '{')
    return reader.fail("the header must be a JSON object");
  reader.beginObject();
  std::string key;
  while (reader.nextKey(key)) {
    size_t at = reader.keyOffset();
    if (key == "__metadata__") {
      if (sawMetadata)
        return reader.fail("duplicate key '__metadata__'", at);
      sawMetadata = true;
      if (!parseMetadata())
        return false;
      continue;
    }
    if (!names.insert(key).second)
      return reader.fail("duplicate tensor '" + key + "'", at);
    // Names are looked up as C strings.
    if (key.empty())
      return reader.fail("empty tensor name", at);
    if (key.find('\0') != std::string::npos)
      return reader.fail("tensor name contains NUL", at);
    Entry entry;
    entry.name = key;
    if (!parseEntry(entry) || !checkEntry(entry, at))
      return false;
    entries.push_back(std::move(entry));
  }
  return reader.finish();
}

/// `__metadata__` is free-form information for other tools; it must be
/// well-formed ({string: string}) but is otherwise ignored.
bool HeaderParser::parseMetadata() {
  if (reader.peek() != '{')
    return reader.fail("'__metadata__' must be an object of strings");
  reader.beginObject();
  std::set<std::string> keys;
  std::string key, value;
  while (reader.nextKey(key)) {
    size_t at = reader.keyOffset();
    if (!keys.insert(key).second)
      return reader.fail("duplicate key '" + key + "' in '__metadata__'", at);
    if (reader.peek() != '"')
      return reader.fail("'__metadata__' values must be strings");
    if (!reader.readString(value))
      return false;
  }
  return !reader.failed();
}

bool HeaderParser::parseEntry(Entry &entry) {
  std::string where = "tensor '" + entry.name + "': ";
  size_t start = reader.offset();
  if (reader.peek() != '{')
    return reader.fail(where + "expected an object");
  reader.beginObject();
  std::set<std::string> seen;
  std::string key;
  while (reader.nextKey(key)) {
    size_t at = reader.keyOffset();
    if (!seen.insert(key).second)
      return reader.fail(where + "duplicate key '" + key + "'", at);
    bool ok = key == "dtype"   ? parseDType(entry)
              : key == "shape" ? parseShape(entry)
              : key == "data_offsets"
                  ? parseOffsets(entry)
                  : reader.fail(where + "unexpected key '" + key + "'", at);
    if (!ok)
      return false;
  }
  if (reader.failed())
    return false;
  for (const char *required : {"dtype", "shape", "data_offsets"})
    if (!seen.count(required))
      return reader.fail(where + "missing '" + required + "'", start);
  return true;
}

bool HeaderParser::parseDType(Entry &entry) {
  size_t at = reader.offset();
  std::string name;
  if (reader.peek() != '"')
    return reader.fail("tensor '" + entry.name + "': 'dtype' must be a string");
  if (!reader.readString(name))
    return false;
  entry.dtype = lookupSafetensorsDType(name);
  if (!entry.dtype)
    return reader.fail("tensor '" + entry.name + "': unsupported dtype '" +
                           name +
                           "' (expected F16, BF16, F32, F64, I8, I16, I32, "
                           "I64, U8, U16, U32, U64 or BOOL)",
                       at);
  return true;
}

bool HeaderParser::parseShape(Entry &entry) {
  std::string where = "tensor '" + entry.name + "': ";
  if (reader.peek() != '[')
    return reader.fail(where + "'shape' must be an array of integers");
  reader.beginArray();
  while (reader.nextElement()) {
    size_t at = reader.offset();
    int64_t dim;
    if (!reader.readInteger(dim))
      return false;
    if (dim < 0)
      return reader.fail(where + "negative dimension " + std::to_string(dim),
                         at);
    // Bounded by the header's size: at most one dim per two header bytes.
    entry.shape.push_back(dim);
  }
  return !reader.failed();
}

bool HeaderParser::parseOffsets(Entry &entry) {
  std::string where = "tensor '" + entry.name + "': ";
  std::string expected = where + "'data_offsets' must be [BEGIN, END]";
  size_t at = reader.offset();
  if (reader.peek() != '[')
    return reader.fail(expected);
  reader.beginArray();
  int64_t values[2];
  size_t count = 0;
  while (reader.nextElement()) {
    if (count == 2)
      return reader.fail(expected, at);
    if (!reader.readInteger(values[count++]))
      return false;
  }
  if (reader.failed())
    return false;
  if (count != 2)
    return reader.fail(expected, at);
  entry.begin = values[0];
  entry.end = values[1];
  if (entry.begin < 0 || entry.end < entry.begin)
    return reader.fail(
        where + "invalid data_offsets [" + std::to_string(entry.begin) + ", " +
            std::to_string(entry.end) + "] (expected 0 <= BEGIN <= END)",
        at);
  return true;
}

/// Checks an entry's size against its dtype and shape and its range against
/// the data buffer.
bool HeaderParser::checkEntry(const Entry &entry, size_t at) {
  std::string where = "tensor '" + entry.name + "': ";
  int64_t numel;
  size_t bytes;
  if (entry.shape.size() > size_t(INT32_MAX) ||
      !numElements(int32_t(entry.shape.size()), entry.shape.data(), numel) ||
      !byteSize(numel, entry.dtype->bytes, bytes))
    return reader.fail(where + "the size of the shape overflows", at);
  std::string range = "data_offsets [" + std::to_string(entry.begin) + ", " +
                      std::to_string(entry.end) + "]";
  if (uint64_t(entry.end) > dataBytes)
    return reader.fail(where + range + " exceed the " +
                           std::to_string(dataBytes) + "-byte data buffer",
                       at);
  if (uint64_t(entry.end - entry.begin) != bytes)
    return reader.fail(where + range + " hold " +
                           std::to_string(entry.end - entry.begin) +
                           " bytes but " + entry.dtype->name + " with " +
                           std::to_string(numel) + " element(s) needs " +
                           std::to_string(bytes),
                       at);
  return true;
}

/// Reads `bytes` bytes at `offset`; false with errno set (0 at the end of
/// the file).
static bool readAt(int fd, void *dst, size_t bytes, uint64_t offset) {
  char *out = static_cast<char *>(dst);
  while (bytes > 0) {
    // Linux transfers at most about 2 GiB per call.
    size_t chunk = bytes < (size_t(1) << 30) ? bytes : size_t(1) << 30;
    ssize_t n = ::pread(fd, out, chunk, off_t(offset));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      if (n == 0)
        errno = 0;
      return false;
    }
    out += n;
    offset += uint64_t(n);
    bytes -= size_t(n);
  }
  return true;
}

namespace {
/// The state of one mlcContextLoadParams call.
class Loader {
public:
  explicit Loader(const char *path) : path(path) {}

  MLCStatus load(std::vector<std::pair<std::string, ParamRef>> &out);

private:
  MLCStatus open();
  MLCStatus readHeader(std::vector<Entry> &entries);
  MLCStatus readTensor(const Entry &entry, ParamRef &out);
  MLCStatus malformed(const std::string &message) {
    return setError(MLC_ERROR_FORMAT,
                    "malformed .safetensors file '" + path + "': " + message);
  }
  MLCStatus ioError(const char *what) {
    std::string reason =
        errno ? std::strerror(errno) : "unexpected end of file";
    return setError(MLC_ERROR_IO,
                    std::string(what) + " '" + path + "': " + reason);
  }

  std::string path;
  File file;
  uint64_t fileBytes = 0;
  uint64_t dataStart = 0;
};
} // namespace

MLCStatus Loader::open() {
  file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file.fd < 0)
    return ioError("cannot open");
  struct stat info;
  if (::fstat(file.fd, &info) != 0)
    return ioError("cannot read");
  // Tensors are read at their offsets, which needs a seekable file.
  if (!S_ISREG(info.st_mode))
    return setError(MLC_ERROR_IO,
                    "cannot read '" + path + "': not a regular file");
  fileBytes = uint64_t(info.st_size);
  return MLC_OK;
}

MLCStatus Loader::readHeader(std::vector<Entry> &entries) {
  if (fileBytes < 8)
    return malformed("the file has " + std::to_string(fileBytes) +
                     " byte(s), too few for the 8-byte header length");
  unsigned char prefix[8];
  if (!readAt(file.fd, prefix, 8, 0))
    return ioError("cannot read");
  uint64_t length = 0;
  for (int i = 7; i >= 0; --i)
    length = length << 8 | prefix[i];
  if (length > kMaxHeaderBytes)
    return malformed("the header length " + std::to_string(length) +
                     " exceeds the limit of " +
                     std::to_string(kMaxHeaderBytes) + " bytes");
  if (length > fileBytes - 8)
    return malformed("the header length " + std::to_string(length) +
                     " exceeds the " + std::to_string(fileBytes - 8) +
                     " byte(s) after the length field");
  std::string header(size_t(length), '\0');
  if (!readAt(file.fd, header.data(), header.size(), 8))
    return ioError("cannot read");
  dataStart = 8 + length;
  HeaderParser parser(header, fileBytes - dataStart);
  if (!parser.parse(entries))
    return malformed("header byte " +
                     std::to_string(parser.json().errorOffset()) + ": " +
                     parser.json().error());
  return MLC_OK;
}

MLCStatus Loader::readTensor(const Entry &entry, ParamRef &out) {
  MLCStatus status;
  std::string error;
  std::shared_ptr<ParamTensor> tensor =
      ParamTensor::create(*entry.dtype, entry.shape, status, error);
  if (!tensor)
    return setError(status, "loading tensor '" + entry.name + "' of '" + path +
                                "': " + error);
  if (!readAt(file.fd, tensor->data(), tensor->dataBytes(),
              dataStart + uint64_t(entry.begin)))
    return ioError("cannot read");
  out = std::move(tensor);
  return MLC_OK;
}

MLCStatus Loader::load(std::vector<std::pair<std::string, ParamRef>> &out) {
  if (MLCStatus status = open())
    return status;
  std::vector<Entry> entries;
  if (MLCStatus status = readHeader(entries))
    return status;
  for (const Entry &entry : entries) {
    ParamRef tensor;
    if (MLCStatus status = readTensor(entry, tensor))
      return status; // `out` dies with the caller's frame: nothing is added
    out.emplace_back(entry.name, std::move(tensor));
  }
  return MLC_OK;
}

MLCStatus mlcContextLoadParams(MLCContext *ctx, const char *path) {
  if (!ctx || !path)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextLoadParams: 'ctx' or 'path' is NULL");
  std::vector<std::pair<std::string, ParamRef>> tensors;
  if (MLCStatus status = Loader(path).load(tensors))
    return status;
  // Only now, with every tensor read, does the table change.
  ctx->params.insert(std::move(tensors));
  return MLC_OK;
}
