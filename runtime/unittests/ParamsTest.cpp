//===- ParamsTest.cpp - Parameter tables and .safetensors loading ---------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The parameter table of a context: loading .safetensors files (every
// dtype, edge shapes, the JSON reader's escapes, and every malformed-file
// case, which must change nothing), mlcContextSetParam/GetParam/NumParams/
// GetParamName, and calls of test/Runtime/Inputs/param_module.c that take
// their `param` arguments from the table.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"
#include "mlc/Runtime/Tensor.h"

#include "gtest/gtest.h"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using mlc::rt::TensorPtr;

/// One tensor to write into a .safetensors file.
struct Spec {
  std::string name; // JSON-escaped as needed
  std::string dtype;
  std::vector<int64_t> shape;
  std::string data;
};

template <typename T> std::string bytesOf(std::vector<T> values) {
  return std::string(reinterpret_cast<const char *>(values.data()),
                     values.size() * sizeof(T));
}

std::string shapeJson(const std::vector<int64_t> &shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

/// The 8-byte little-endian length, `header` and `data`.
std::string withHeader(const std::string &header, const std::string &data) {
  std::string out;
  uint64_t length = header.size();
  for (int i = 0; i < 8; ++i)
    out += char((length >> (8 * i)) & 0xff);
  return out + header + data;
}

/// A well-formed file holding `specs` back to back.
std::string safetensors(const std::vector<Spec> &specs,
                        const std::string &metadata = "") {
  std::string header = "{", data;
  if (!metadata.empty())
    header += "\"__metadata__\": " + metadata;
  for (const Spec &spec : specs) {
    if (header.size() > 1)
      header += ", ";
    header += "\"" + spec.name + "\": {\"dtype\": \"" + spec.dtype +
              "\", \"shape\": " + shapeJson(spec.shape) +
              ", \"data_offsets\": [" + std::to_string(data.size()) + ", " +
              std::to_string(data.size() + spec.data.size()) + "]}";
    data += spec.data;
  }
  return withHeader(header + "}", data);
}

/// A file with one header entry and `data` as the buffer.
std::string oneEntry(const std::string &entry, const std::string &data) {
  return withHeader("{\"t\": " + entry + "}", data);
}

class ParamsTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(mlcContextCreate(&ctx), MLC_OK); }
  void TearDown() override {
    mlcContextDestroy(ctx);
    for (const std::string &file : created)
      std::remove(file.c_str());
  }

  /// A file name unique to this test and process.
  std::string path(const std::string &name) {
    const ::testing::TestInfo *info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    std::string file = std::string(MLC_TEST_TMPDIR) + "/params_" +
                       info->name() + "_" + std::to_string(getpid()) + "_" +
                       name;
    created.push_back(file);
    return file;
  }

  /// Writes `bytes` to a new file; returns its path.
  std::string writeFile(const std::string &bytes, const std::string &name) {
    std::string file = path(name + ".safetensors");
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }

  /// Writes `bytes` to a file and loads it into `ctx`.
  MLCStatus load(const std::string &bytes, const std::string &name = "p") {
    std::string file = writeFile(bytes, name);
    MLCStatus status = mlcContextLoadParams(ctx, file.c_str());
    message = mlcGetLastError();
    return status;
  }

  /// The message of a malformed file after the common prefix, which is
  /// checked; the load must also leave the table as it was.
  std::string malformed(const std::string &bytes) {
    int32_t before = numParams();
    EXPECT_EQ(load(bytes), MLC_ERROR_FORMAT) << message;
    EXPECT_EQ(numParams(), before) << "a failed load changed the table";
    std::string prefix =
        "malformed .safetensors file '" + created.back() + "': ";
    EXPECT_EQ(message.compare(0, prefix.size(), prefix), 0) << message;
    return message.size() >= prefix.size() ? message.substr(prefix.size())
                                           : message;
  }

  int32_t numParams() {
    int32_t n = -1;
    EXPECT_EQ(mlcContextNumParams(ctx, &n), MLC_OK);
    return n;
  }
  const DLTensor *get(const char *name) {
    const DLTensor *t = nullptr;
    EXPECT_EQ(mlcContextGetParam(ctx, name, &t), MLC_OK) << mlcGetLastError();
    return t;
  }
  static std::string dataOf(const DLTensor *t, size_t bytes) {
    return std::string(static_cast<const char *>(t->data), bytes);
  }

  MLCContext *ctx = nullptr;
  std::vector<std::string> created;
  std::string message;
};

TEST_F(ParamsTest, LoadsEveryDType) {
  struct Case {
    const char *dtype;
    DLDataType dl;
    unsigned bytes;
  };
  const Case cases[] = {
      {"F16", {kDLFloat, 16, 1}, 2}, {"BF16", {kDLBfloat, 16, 1}, 2},
      {"F32", {kDLFloat, 32, 1}, 4}, {"F64", {kDLFloat, 64, 1}, 8},
      {"I8", {kDLInt, 8, 1}, 1},     {"I16", {kDLInt, 16, 1}, 2},
      {"I32", {kDLInt, 32, 1}, 4},   {"I64", {kDLInt, 64, 1}, 8},
      {"U8", {kDLUInt, 8, 1}, 1},    {"U16", {kDLUInt, 16, 1}, 2},
      {"U32", {kDLUInt, 32, 1}, 4},  {"U64", {kDLUInt, 64, 1}, 8},
      {"BOOL", {kDLUInt, 1, 1}, 1}};
  std::vector<Spec> specs;
  for (const Case &c : cases) {
    std::string data;
    for (unsigned i = 0; i < 6 * c.bytes; ++i)
      data += char(c.dtype[0] == 'B' && c.bytes == 1 ? i % 2 : i * 7 + 1);
    specs.push_back({std::string("t_") + c.dtype, c.dtype, {2, 3}, data});
  }
  ASSERT_EQ(load(safetensors(specs)), MLC_OK) << message;
  EXPECT_EQ(numParams(), 13);
  for (size_t i = 0; i < specs.size(); ++i) {
    SCOPED_TRACE(cases[i].dtype);
    const DLTensor *t = get(specs[i].name.c_str());
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->dtype.code, cases[i].dl.code);
    EXPECT_EQ(t->dtype.bits, cases[i].dl.bits);
    EXPECT_EQ(t->dtype.lanes, 1);
    EXPECT_EQ(t->device.device_type, kDLCPU);
    ASSERT_EQ(t->ndim, 2);
    EXPECT_EQ(t->shape[0], 2);
    EXPECT_EQ(t->shape[1], 3);
    EXPECT_EQ(t->strides[0], 3);
    EXPECT_EQ(t->strides[1], 1);
    EXPECT_EQ(t->byte_offset, 0u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(t->data) % 64, 0u);
    EXPECT_EQ(dataOf(t, specs[i].data.size()), specs[i].data);
  }
}

TEST_F(ParamsTest, ValuesAreLittleEndianRowMajor) {
  ASSERT_EQ(
      load(safetensors({{"w", "F32", {2, 2}, bytesOf<float>({1, 2, 3, 4})},
                        {"i", "I64", {1}, bytesOf<int64_t>({-5})}})),
      MLC_OK)
      << message;
  const DLTensor *w = get("w");
  EXPECT_EQ(static_cast<const float *>(w->data)[2], 3.0f);
  EXPECT_EQ(static_cast<const int64_t *>(get("i")->data)[0], -5);
}

TEST_F(ParamsTest, ScalarsAndEmptyTensors) {
  ASSERT_EQ(load(safetensors({{"scalar", "F64", {}, bytesOf<double>({2.5})},
                              {"empty", "F32", {0, 3}, ""},
                              {"empty2", "I8", {4, 0}, ""},
                              {"one", "U8", {1, 1, 1}, "\x07"}})),
            MLC_OK)
      << message;
  const DLTensor *scalar = get("scalar");
  EXPECT_EQ(scalar->ndim, 0);
  EXPECT_EQ(scalar->shape, nullptr);
  EXPECT_EQ(scalar->strides, nullptr);
  EXPECT_EQ(*static_cast<const double *>(scalar->data), 2.5);
  const DLTensor *empty = get("empty");
  ASSERT_EQ(empty->ndim, 2);
  EXPECT_EQ(empty->shape[0], 0);
  EXPECT_NE(empty->data, nullptr);
  EXPECT_EQ(get("empty2")->shape[1], 0);
  EXPECT_EQ(get("one")->ndim, 3);
}

TEST_F(ParamsTest, EmptyHeaderAndMetadata) {
  ASSERT_EQ(load(withHeader("{}", "")), MLC_OK) << message;
  EXPECT_EQ(numParams(), 0);
  // `__metadata__` anywhere, with any strings, is ignored.
  ASSERT_EQ(load(safetensors({{"a", "U8", {1}, "x"}},
                             "{\"format\": \"pt\", \"note\": \"\\u00e9\"}")),
            MLC_OK)
      << message;
  ASSERT_EQ(load(withHeader("{\"a\": {\"dtype\": \"U8\", \"shape\": [1], "
                            "\"data_offsets\": [0, 1]}, \"__metadata__\": {}}",
                            "y")),
            MLC_OK)
      << message;
  EXPECT_EQ(numParams(), 1);
  EXPECT_EQ(dataOf(get("a"), 1), "y");
}

TEST_F(ParamsTest, WhitespaceKeyOrderAndPadding) {
  // Writers pad the header with spaces; keys may come in any order; ranges
  // may overlap and leave gaps.
  std::string header = "\r\n\t{ \"b\" :{\"shape\":[ 2 ],\"data_offsets\":[2,4],"
                       "\"dtype\":\"U8\"} ,\n\"a\":{\"data_offsets\":[ 0 , 3 ]"
                       ",\"dtype\":\"U8\",\"shape\":[3]}}      ";
  ASSERT_EQ(load(withHeader(header, "abcdXYZ")), MLC_OK) << message;
  EXPECT_EQ(dataOf(get("a"), 3), "abc");
  EXPECT_EQ(dataOf(get("b"), 2), "cd");
}

TEST_F(ParamsTest, EscapesInNames) {
  std::string entry = "{\"dtype\": \"U8\", \"shape\": [], \"data_offsets\": "
                      "[0, 1]}";
  std::string header =
      "{\"caf\\u00e9\": " + entry + ", \"\\ud83d\\ude00\": " + entry +
      ", \"\\\"q\\\\\\/\\b\\f\\n\\r\\t\": " + entry +
      ", \"raw \xce\xbb\": " + entry + ", \"\\u20AC\": " + entry + "}";
  ASSERT_EQ(load(withHeader(header, "z")), MLC_OK) << message;
  EXPECT_EQ(numParams(), 5);
  get("caf\xc3\xa9");
  get("\xf0\x9f\x98\x80");
  get("\"q\\/\b\f\n\r\t");
  get("raw \xce\xbb");
  get("\xe2\x82\xac");
}

TEST_F(ParamsTest, TruncatedLengthAndHeader) {
  EXPECT_EQ(malformed(""),
            "the file has 0 byte(s), too few for the 8-byte header length");
  EXPECT_EQ(malformed(std::string("\x02\0\0\0\0\0\0", 7)),
            "the file has 7 byte(s), too few for the 8-byte header length");
  EXPECT_EQ(malformed(withHeader("{}", "").substr(0, 9)),
            "the header length 2 exceeds the 1 byte(s) after the length "
            "field");
  // A corrupted length must not make the loader allocate it.
  EXPECT_EQ(malformed(std::string("\xff\xff\xff\xff\xff\xff\xff\x7f{}", 10)),
            "the header length 9223372036854775807 exceeds the limit of "
            "100000000 bytes");
  EXPECT_EQ(malformed(std::string("\x01\xe1\xf5\x05\0\0\0\0{}", 10)),
            "the header length 100000001 exceeds the limit of 100000000 "
            "bytes");
}

TEST_F(ParamsTest, MalformedJson) {
  auto header = [&](const std::string &text) {
    return malformed(withHeader(text, "abcd"));
  };
  EXPECT_EQ(header(""), "header byte 0: the header must be a JSON object");
  EXPECT_EQ(header("   "), "header byte 3: the header must be a JSON object");
  EXPECT_EQ(header("[]"), "header byte 0: the header must be a JSON object");
  EXPECT_EQ(header("\"t\""), "header byte 0: the header must be a JSON object");
  EXPECT_EQ(header("5"), "header byte 0: the header must be a JSON object");
  EXPECT_EQ(header("{"),
            "header byte 1: expected a string key but found the end of the "
            "header");
  EXPECT_EQ(header("{\"t\" 1}"),
            "header byte 5: expected ':' after an object key but found '1'");
  EXPECT_EQ(header("{t: 1}"),
            "header byte 1: expected a string key but found 't'");
  EXPECT_EQ(header("{\"t\": {}"), "header byte 6: tensor 't': missing 'dtype'");
  EXPECT_EQ(header("{\"__metadata__\": {},}"),
            "header byte 20: expected a string key but found '}'");
  EXPECT_EQ(header("{\"__metadata__\": {} \"a\": 1}"),
            "header byte 20: expected ',' or '}' in an object but found '\"'");
  EXPECT_EQ(header("{\"t"), "header byte 1: unterminated string");
  EXPECT_EQ(header("{\"t\\"), "header byte 1: unterminated string");
  EXPECT_EQ(header("{\"\\x\": 1}"),
            "header byte 2: invalid escape: '\\' followed by 'x'");
  EXPECT_EQ(header("{\"\\u12g4\": 1}"),
            "header byte 6: expected 4 hex digits after '\\u'");
  EXPECT_EQ(header("{\"\\ud800\": 1}"),
            "header byte 2: unpaired high surrogate in '\\u' escape");
  EXPECT_EQ(header("{\"\\ud800\\u0041\": 1}"),
            "header byte 2: unpaired high surrogate in '\\u' escape");
  EXPECT_EQ(header("{\"\\udc00\": 1}"),
            "header byte 2: unpaired low surrogate in '\\u' escape");
  EXPECT_EQ(header("{\"a\tb\": 1}"),
            "header byte 3: unescaped control character in string");
  EXPECT_EQ(header("{\"\xff\": 1}"), "header byte 2: invalid UTF-8 in string");
  EXPECT_EQ(header("{\"\xc0\xaf\": 1}"),
            "header byte 2: invalid UTF-8 in string"); // overlong '/'
  EXPECT_EQ(header("{\"\xed\xa0\x80\": 1}"),
            "header byte 2: invalid UTF-8 in string"); // a raw surrogate
  EXPECT_EQ(header("{\"\xe2\x82\": 1}"),
            "header byte 2: invalid UTF-8 in string"); // truncated
  // Literals, fractions and big numbers are not part of the schema.
  std::string t = "{\"t\": {\"dtype\": \"U8\", \"data_offsets\": [0, 1], "
                  "\"shape\": ";
  EXPECT_EQ(header(t + "[true]}}"),
            "header byte 56: expected an integer but found 't'");
  EXPECT_EQ(header(t + "[1.0]}}"),
            "header byte 56: expected an integer, not a fraction or exponent");
  EXPECT_EQ(header(t + "[1e3]}}"),
            "header byte 56: expected an integer, not a fraction or exponent");
  EXPECT_EQ(header(t + "[01]}}"),
            "header byte 56: leading zeros are not allowed");
  EXPECT_EQ(header(t + "[-]}}"),
            "header byte 56: expected an integer but found '-'");
  EXPECT_EQ(header(t + "[99999999999999999999]}}"),
            "header byte 56: integer out of the int64 range");
  EXPECT_EQ(header(t + "[1,]}}"),
            "header byte 58: expected an integer but found ']'");
  EXPECT_EQ(header(t + "[1 1]}}"),
            "header byte 58: expected ',' or ']' in an array but found '1'");
  EXPECT_EQ(header(t + "[1}}"),
            "header byte 57: expected ',' or ']' in an array but found '}'");
  EXPECT_EQ(header(t + "null}}"),
            "header byte 55: tensor 't': 'shape' must be an array of "
            "integers");
}

TEST_F(ParamsTest, TrailingGarbage) {
  std::string good = "{\"t\": {\"dtype\": \"U8\", \"shape\": [1], "
                     "\"data_offsets\": [0, 1]}}";
  EXPECT_EQ(malformed(withHeader(good + " x", "a")),
            "header byte 61: unexpected 'x' after the end of the JSON value");
  EXPECT_EQ(malformed(withHeader(good + "{}", "a")),
            "header byte 60: unexpected '{' after the end of the JSON value");
  EXPECT_EQ(malformed(withHeader(good + std::string(1, '\0'), "a")),
            "header byte 60: unexpected byte 0x00 after the end of the JSON "
            "value");
  EXPECT_EQ(load(withHeader(good + " \n\t\r", "a")), MLC_OK) << message;
}

TEST_F(ParamsTest, SchemaErrors) {
  std::string data(24, '\0');
  auto entry = [&](const std::string &text) {
    return malformed(oneEntry(text, data));
  };
  EXPECT_EQ(entry("[]"), "header byte 6: tensor 't': expected an object");
  EXPECT_EQ(entry("{\"dtype\": \"F8_E4M3\", \"shape\": [], "
                  "\"data_offsets\": [0, 1]}"),
            "header byte 16: tensor 't': unsupported dtype 'F8_E4M3' "
            "(expected F16, BF16, F32, F64, I8, I16, I32, I64, U8, U16, U32, "
            "U64 or BOOL)");
  EXPECT_EQ(entry("{\"dtype\": \"f32\"}"),
            "header byte 16: tensor 't': unsupported dtype 'f32' (expected "
            "F16, BF16, F32, F64, I8, I16, I32, I64, U8, U16, U32, U64 or "
            "BOOL)");
  EXPECT_EQ(entry("{\"dtype\": 4}"),
            "header byte 16: tensor 't': 'dtype' must be a string");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [2, -3], "
                  "\"data_offsets\": [0, 24]}"),
            "header byte 36: tensor 't': negative dimension -3");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [4611686018427387904, 4], "
                  "\"data_offsets\": [0, 24]}"),
            "header byte 1: tensor 't': the size of the shape overflows");
  EXPECT_EQ(entry("{\"dtype\": \"F64\", \"shape\": [2305843009213693952], "
                  "\"data_offsets\": [0, 24]}"),
            "header byte 1: tensor 't': the size of the shape overflows");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [2, 3], "
                  "\"data_offsets\": [4, 28]}"),
            "header byte 1: tensor 't': data_offsets [4, 28] exceed the "
            "24-byte data buffer");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [2, 3], "
                  "\"data_offsets\": [0, 20]}"),
            "header byte 1: tensor 't': data_offsets [0, 20] hold 20 bytes "
            "but f32 with 6 element(s) needs 24");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [], "
                  "\"data_offsets\": [8, 4]}"),
            "header byte 52: tensor 't': invalid data_offsets [8, 4] "
            "(expected 0 <= BEGIN <= END)");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [], "
                  "\"data_offsets\": [-4, 0]}"),
            "header byte 52: tensor 't': invalid data_offsets [-4, 0] "
            "(expected 0 <= BEGIN <= END)");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [], "
                  "\"data_offsets\": [0]}"),
            "header byte 52: tensor 't': 'data_offsets' must be [BEGIN, "
            "END]");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [], "
                  "\"data_offsets\": [0, 4, 8]}"),
            "header byte 52: tensor 't': 'data_offsets' must be [BEGIN, "
            "END]");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [], "
                  "\"data_offsets\": {}}"),
            "header byte 52: tensor 't': 'data_offsets' must be [BEGIN, "
            "END]");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"data_offsets\": [0, 4]}"),
            "header byte 6: tensor 't': missing 'shape'");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": []}"),
            "header byte 6: tensor 't': missing 'data_offsets'");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [], \"dtype\": \"F32\"}"),
            "header byte 36: tensor 't': duplicate key 'dtype'");
  EXPECT_EQ(entry("{\"dtype\": \"F32\", \"shape\": [], "
                  "\"data_offsets\": [0, 4], \"extra\": 1}"),
            "header byte 60: tensor 't': unexpected key 'extra'");
  // Names: unique, non-empty, no NUL (they are looked up as C strings).
  std::string ok = "{\"dtype\": \"U8\", \"shape\": [], "
                   "\"data_offsets\": [0, 1]}";
  EXPECT_EQ(
      malformed(withHeader("{\"a\": " + ok + ", \"a\": " + ok + "}", "x")),
      "header byte 60: duplicate tensor 'a'");
  EXPECT_EQ(malformed(withHeader("{\"\": " + ok + "}", "x")),
            "header byte 1: empty tensor name");
  EXPECT_EQ(malformed(withHeader("{\"a\\u0000b\": " + ok + "}", "x")),
            "header byte 1: tensor name contains NUL");
  // `__metadata__` is {string: string}, at most once.
  EXPECT_EQ(malformed(withHeader("{\"__metadata__\": []}", "")),
            "header byte 17: '__metadata__' must be an object of strings");
  EXPECT_EQ(malformed(withHeader("{\"__metadata__\": {\"a\": 1}}", "")),
            "header byte 23: '__metadata__' values must be strings");
  EXPECT_EQ(malformed(withHeader(
                "{\"__metadata__\": {\"a\": \"1\", \"a\": \"2\"}}", "")),
            "header byte 28: duplicate key 'a' in '__metadata__'");
  EXPECT_EQ(
      malformed(withHeader("{\"__metadata__\": {}, \"__metadata__\": {}}", "")),
      "header byte 21: duplicate key '__metadata__'");
}

TEST_F(ParamsTest, IoErrors) {
  std::string missing = path("missing.safetensors");
  EXPECT_EQ(mlcContextLoadParams(ctx, missing.c_str()), MLC_ERROR_IO);
  EXPECT_EQ(std::string(mlcGetLastError()),
            "cannot open '" + missing + "': No such file or directory");
  EXPECT_EQ(mlcContextLoadParams(ctx, MLC_TEST_TMPDIR), MLC_ERROR_IO);
  EXPECT_EQ(std::string(mlcGetLastError()),
            "cannot read '" MLC_TEST_TMPDIR "': not a regular file");
  EXPECT_EQ(mlcContextLoadParams(nullptr, missing.c_str()),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(),
               "mlcContextLoadParams: 'ctx' or 'path' is NULL");
  EXPECT_EQ(mlcContextLoadParams(ctx, nullptr), MLC_ERROR_INVALID_ARGUMENT);
}

TEST_F(ParamsTest, AllOrNothing) {
  ASSERT_EQ(load(safetensors({{"a", "U8", {1}, "1"}, {"keep", "U8", {}, "k"}})),
            MLC_OK);
  // Valid entries first, then a bad one: neither the replacement of `a` nor
  // the new `b` may land.
  std::string header = "{\"a\": {\"dtype\": \"U8\", \"shape\": [1], "
                       "\"data_offsets\": [0, 1]}, \"b\": {\"dtype\": \"U8\", "
                       "\"shape\": [1], \"data_offsets\": [1, 2]}, \"c\": "
                       "{\"dtype\": \"U8\", \"shape\": [1], \"data_offsets\": "
                       "[2, 4]}}";
  EXPECT_EQ(malformed(withHeader(header, "2bcd")),
            "header byte 121: tensor 'c': data_offsets [2, 4] hold 2 bytes but "
            "u8 with 1 element(s) needs 1");
  // Every tensor valid, but the JSON ends early.
  std::string unclosed = header.substr(0, header.size() - 4) + "3]}";
  EXPECT_EQ(malformed(withHeader(unclosed, "2bcd")),
            "header byte 179: expected ',' or '}' in an object but found the "
            "end of the header");
  EXPECT_EQ(numParams(), 2);
  EXPECT_EQ(dataOf(get("a"), 1), "1");
  const DLTensor *b = nullptr;
  EXPECT_EQ(mlcContextGetParam(ctx, "b", &b), MLC_ERROR_NOT_FOUND);
}

TEST_F(ParamsTest, LaterLoadsReplace) {
  ASSERT_EQ(load(safetensors({{"a", "U8", {1}, "1"}, {"b", "U8", {1}, "b"}}),
                 "first"),
            MLC_OK);
  const DLTensor *old = get("a");
  ASSERT_EQ(load(safetensors({{"a", "I16", {2}, "2222"}, {"c", "U8", {}, "c"}}),
                 "second"),
            MLC_OK);
  EXPECT_EQ(numParams(), 3);
  const DLTensor *a = get("a");
  EXPECT_NE(a, old);
  EXPECT_EQ(a->dtype.bits, 16);
  EXPECT_EQ(dataOf(a, 4), "2222");
  EXPECT_EQ(dataOf(get("b"), 1), "b");
  // mlcContextSetParam replaces a loaded tensor, and a load replaces it back.
  float value = 7;
  DLTensor scalar{&value,  {kDLCPU, 0}, 0, {kDLFloat, 32, 1},
                  nullptr, nullptr,     0};
  ASSERT_EQ(mlcContextSetParam(ctx, "b", &scalar), MLC_OK);
  EXPECT_EQ(get("b")->dtype.bits, 32);
  ASSERT_EQ(load(safetensors({{"b", "U8", {1}, "B"}}), "third"), MLC_OK);
  EXPECT_EQ(dataOf(get("b"), 1), "B");
}

TEST_F(ParamsTest, SetParamCopiesAnyLayout) {
  // A transposed 3x2 view (strides {1, 3}) of a 2x3 buffer, at an offset.
  std::vector<int32_t> buffer = {-1, 1, 2, 3, 4, 5, 6};
  int64_t shape[2] = {3, 2}, strides[2] = {1, 3};
  DLTensor view{buffer.data(), {kDLCPU, 0},    2, {kDLInt, 32, 1}, shape,
                strides,       sizeof(int32_t)};
  ASSERT_EQ(mlcContextSetParam(ctx, "w.t", &view), MLC_OK) << mlcGetLastError();
  buffer.assign(buffer.size(), 0); // the table holds a copy
  const DLTensor *t = get("w.t");
  ASSERT_EQ(t->ndim, 2);
  EXPECT_EQ(t->shape[0], 3);
  EXPECT_EQ(t->strides[0], 2);
  EXPECT_EQ(t->strides[1], 1);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(t->data) % 64, 0u);
  const int32_t *data = static_cast<const int32_t *>(t->data);
  EXPECT_EQ(std::vector<int32_t>(data, data + 6),
            (std::vector<int32_t>{1, 4, 2, 5, 3, 6}));
  // A pinned host tensor is a CPU tensor too; empty tensors need no data.
  int64_t zero[1] = {0};
  DLTensor empty{nullptr, {kDLCUDAHost, 0}, 1, {kDLUInt, 1, 1},
                 zero,    nullptr,          0};
  ASSERT_EQ(mlcContextSetParam(ctx, "empty", &empty), MLC_OK);
  EXPECT_EQ(get("empty")->device.device_type, kDLCPU);
}

TEST_F(ParamsTest, SetParamErrors) {
  float value = 1;
  int64_t shape[1] = {-1};
  DLTensor t{&value, {kDLCPU, 0}, 0, {kDLFloat, 32, 1}, nullptr, nullptr, 0};
  auto set = [&](MLCContext *c, const char *name, const DLTensor *tensor) {
    MLCStatus status = mlcContextSetParam(c, name, tensor);
    message = mlcGetLastError();
    return status;
  };
  EXPECT_EQ(set(nullptr, "a", &t), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "mlcContextSetParam: 'ctx', 'name' or 'tensor' is NULL");
  EXPECT_EQ(set(ctx, nullptr, &t), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(set(ctx, "a", nullptr), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(set(ctx, "", &t), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "mlcContextSetParam: the name is empty");
  DLTensor gpu = t;
  gpu.device = {kDLCUDA, 1};
  EXPECT_EQ(set(ctx, "a", &gpu), MLC_ERROR_UNSUPPORTED);
  EXPECT_EQ(message,
            "mlcContextSetParam: expected a CPU tensor but got cuda:1");
  DLTensor odd = t;
  odd.dtype = {kDLFloat, 32, 4};
  EXPECT_EQ(set(ctx, "a", &odd), MLC_ERROR_UNSUPPORTED);
  EXPECT_EQ(message, "mlcContextSetParam: unsupported dtype (code 2, bits 32, "
                     "lanes 4)");
  DLTensor noShape = t;
  noShape.ndim = 1;
  EXPECT_EQ(set(ctx, "a", &noShape), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "mlcContextSetParam: invalid ndim 1 or NULL shape");
  DLTensor negative = t;
  negative.ndim = 1;
  negative.shape = shape;
  EXPECT_EQ(set(ctx, "a", &negative), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "mlcContextSetParam: negative or overflowing shape");
  DLTensor noData = t;
  noData.data = nullptr;
  EXPECT_EQ(set(ctx, "a", &noData), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "mlcContextSetParam: data is NULL");
  EXPECT_EQ(numParams(), 0);
}

TEST_F(ParamsTest, GetParamAndNames) {
  const DLTensor *t = nullptr;
  EXPECT_EQ(mlcContextGetParam(ctx, "w", &t), MLC_ERROR_NOT_FOUND);
  EXPECT_STREQ(mlcGetLastError(), "parameter 'w' is not loaded in the context");
  EXPECT_EQ(mlcContextGetParam(nullptr, "w", &t), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(),
               "mlcContextGetParam: 'ctx', 'name' or 'out' is NULL");
  EXPECT_EQ(mlcContextGetParam(ctx, "w", nullptr), MLC_ERROR_INVALID_ARGUMENT);

  uint8_t byte = 1;
  DLTensor scalar{&byte, {kDLCPU, 0}, 0, {kDLUInt, 8, 1}, nullptr, nullptr, 0};
  for (const char *name : {"b", "a.2", "B", "a.10", "a"})
    ASSERT_EQ(mlcContextSetParam(ctx, name, &scalar), MLC_OK);
  EXPECT_EQ(numParams(), 5);
  std::vector<std::string> names;
  for (int32_t i = 0; i < 5; ++i) {
    const char *name = nullptr;
    ASSERT_EQ(mlcContextGetParamName(ctx, i, &name), MLC_OK);
    names.push_back(name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"B", "a", "a.10", "a.2", "b"}));
  const char *name = nullptr;
  EXPECT_EQ(mlcContextGetParamName(ctx, 5, &name), MLC_ERROR_NOT_FOUND);
  EXPECT_STREQ(mlcGetLastError(),
               "parameter index 5 out of range (the context has 5 "
               "parameters)");
  EXPECT_EQ(mlcContextGetParamName(ctx, -1, &name), MLC_ERROR_NOT_FOUND);
  EXPECT_EQ(mlcContextGetParamName(ctx, 0, nullptr),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(),
               "mlcContextGetParamName: 'ctx' or 'out' is NULL");
  EXPECT_EQ(mlcContextNumParams(nullptr, nullptr), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(),
               "mlcContextNumParams: 'ctx' or 'out' is NULL");
  // A new name invalidates the order.
  ASSERT_EQ(mlcContextSetParam(ctx, "A", &scalar), MLC_OK);
  ASSERT_EQ(mlcContextGetParamName(ctx, 0, &name), MLC_OK);
  EXPECT_STREQ(name, "A");
}

TEST_F(ParamsTest, TablesBelongToTheirContext) {
  MLCContext *other = nullptr;
  ASSERT_EQ(mlcContextCreate(&other), MLC_OK);
  uint8_t byte = 1;
  DLTensor scalar{&byte, {kDLCPU, 0}, 0, {kDLUInt, 8, 1}, nullptr, nullptr, 0};
  ASSERT_EQ(mlcContextSetParam(other, "x", &scalar), MLC_OK);
  EXPECT_EQ(numParams(), 0);
  mlcContextDestroy(other); // frees its table (checked by LeakSanitizer)
}

TEST_F(ParamsTest, CorruptedFilesNeverCrash) {
  std::string good =
      safetensors({{"w", "F32", {2, 3}, bytesOf<float>({1, 2, 3, 4, 5, 6})},
                   {"b", "BF16", {3}, std::string(6, '\x3f')},
                   {"n\\u00e9", "I64", {}, bytesOf<int64_t>({9})}},
                  "{\"format\": \"pt\"}");
  std::mt19937 rng(1234);
  for (int i = 0; i < 2000; ++i) {
    std::string bytes = good;
    if (i % 4 == 0) {
      bytes.resize(rng() % bytes.size());
    } else {
      for (unsigned n = 1 + rng() % 3; n > 0; --n) {
        size_t at = rng() % bytes.size();
        // Mostly the header, where the structure is.
        if (i % 2)
          at = 8 + rng() % (bytes.size() - 8 - 30);
        bytes[at] =
            char(rng() % 2 ? rng() % 256 : "{}[],:\"\\0 -9"[rng() % 13]);
      }
    }
    MLCStatus status = load(bytes, "fuzz");
    ASSERT_TRUE(status == MLC_OK || status == MLC_ERROR_FORMAT)
        << i << ": " << message;
    if (status != MLC_OK)
      EXPECT_EQ(numParams(), 0) << i;
    mlcContextDestroy(ctx);
    ASSERT_EQ(mlcContextCreate(&ctx), MLC_OK);
  }
}

/*===--- Calls ------------------------------------------------------------===*/

class ParamCallTest : public ParamsTest {
protected:
  void SetUp() override {
    ParamsTest::SetUp();
    ASSERT_EQ(mlcModuleLoad(MLC_TEST_PARAM_MODULE, &module), MLC_OK)
        << mlcGetLastError();
  }
  void TearDown() override {
    results.clear();
    mlcModuleFree(module);
    ParamsTest::TearDown();
  }

  static TensorPtr f32(std::vector<int64_t> shape, std::vector<float> values) {
    DLManagedTensor *t = nullptr;
    EXPECT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, int32_t(shape.size()),
                             shape.data(), &t),
              MLC_OK);
    std::memcpy(t->dl_tensor.data, values.data(), values.size() * 4);
    return TensorPtr(t);
  }

  /// w = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], b = [10, 20, 30].
  std::string layer() {
    return safetensors({{"layer.w",
                         "F32",
                         {4, 3},
                         bytesOf<float>({1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1})},
                        {"layer.b", "F32", {3}, bytesOf<float>({10, 20, 30})}});
  }

  MLCStatus call(const char *name, std::vector<DLTensor> args,
                 MLCContext *c = nullptr) {
    DLManagedTensor *raw = nullptr;
    results.clear();
    MLCStatus status = mlcModuleCallWithContext(
        c ? c : ctx, module, name, args.data(), int32_t(args.size()), &raw, 1);
    message = mlcGetLastError();
    if (status != MLC_OK)
      EXPECT_EQ(raw, nullptr);
    results.emplace_back(raw);
    return status;
  }
  std::vector<float> resultValues() {
    const DLTensor &t = results[0]->dl_tensor;
    int64_t numel = 1;
    for (int32_t i = 0; i < t.ndim; ++i)
      numel *= t.shape[i];
    const float *data = static_cast<const float *>(t.data);
    return std::vector<float>(data, data + numel);
  }

  MLCModule *module = nullptr;
  std::vector<TensorPtr> results;
};

TEST_F(ParamCallTest, SignatureAndIntrospection) {
  char buffer[256];
  ASSERT_EQ(mlcModuleGetSignature(module, "affine", buffer, sizeof(buffer)),
            MLC_OK);
  EXPECT_STREQ(buffer, "affine(x: f32[n, 4], w: f32[4, 3] = param layer.w, "
                       "b: f32[3] = param layer.b) -> (f32[n, 3])");
  ASSERT_EQ(mlcModuleGetSignature(module, "scale", buffer, sizeof(buffer)),
            MLC_OK);
  EXPECT_STREQ(buffer,
               "scale(s: f32[] = param global:scale, x: f32[n]) -> (f32[n])");
  const char *param = nullptr;
  ASSERT_EQ(mlcModuleGetArgParamName(module, "affine", 0, &param), MLC_OK);
  EXPECT_STREQ(param, "");
  ASSERT_EQ(mlcModuleGetArgParamName(module, "affine", 2, &param), MLC_OK);
  EXPECT_STREQ(param, "layer.b");
  EXPECT_EQ(mlcModuleGetArgParamName(module, "affine", 3, &param),
            MLC_ERROR_NOT_FOUND);
  EXPECT_STREQ(mlcGetLastError(), "argument index 3 out of range for 'affine'");
  EXPECT_EQ(mlcModuleGetArgParamName(module, "nope", 0, &param),
            MLC_ERROR_NOT_FOUND);
  EXPECT_EQ(mlcModuleGetArgParamName(module, "affine", 0, nullptr),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcModuleGetArgParamName: 'out' is NULL");
}

TEST_F(ParamCallTest, CallerSuppliesEverything) {
  // Full arity: the table is not consulted, even when it is empty.
  TensorPtr x = f32({1, 4}, {1, 2, 3, 4});
  TensorPtr w = f32({4, 3}, std::vector<float>(12, 1));
  TensorPtr b = f32({3}, {0, 0, 1});
  ASSERT_EQ(call("affine", {x->dl_tensor, w->dl_tensor, b->dl_tensor}), MLC_OK)
      << message;
  EXPECT_EQ(resultValues(), (std::vector<float>{10, 10, 11}));
  // ... and the caller's tensors win over loaded ones.
  ASSERT_EQ(load(layer()), MLC_OK) << message;
  ASSERT_EQ(call("affine", {x->dl_tensor, w->dl_tensor, b->dl_tensor}), MLC_OK);
  EXPECT_EQ(resultValues(), (std::vector<float>{10, 10, 11}));
}

TEST_F(ParamCallTest, ParamsFromTheTable) {
  ASSERT_EQ(load(layer()), MLC_OK) << message;
  TensorPtr x = f32({2, 4}, {1, 2, 3, 4, 0, 0, 0, 1});
  ASSERT_EQ(call("affine", {x->dl_tensor}), MLC_OK) << message;
  const DLTensor &y = results[0]->dl_tensor;
  ASSERT_EQ(y.ndim, 2);
  EXPECT_EQ(y.shape[0], 2);
  EXPECT_EQ(y.shape[1], 3);
  EXPECT_EQ(resultValues(), (std::vector<float>{15, 26, 37, 11, 21, 31}));
  // A strided parameter argument, and one that precedes the caller's.
  ASSERT_EQ(call("add_bias", {f32({1, 3}, {1, 2, 3})->dl_tensor}), MLC_OK)
      << message;
  EXPECT_EQ(resultValues(), (std::vector<float>{11, 22, 33}));
  ASSERT_EQ(
      load(safetensors({{"global:scale", "F32", {}, bytesOf<float>({-2})}})),
      MLC_OK);
  ASSERT_EQ(call("scale", {f32({3}, {1, 2, 3})->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(resultValues(), (std::vector<float>{-2, -4, -6}));
}

TEST_F(ParamCallTest, MissingParams) {
  TensorPtr x = f32({1, 4}, {1, 2, 3, 4});
  EXPECT_EQ(call("affine", {x->dl_tensor}), MLC_ERROR_NOT_FOUND);
  EXPECT_EQ(message, "function 'affine' argument 'w' is parameter 'layer.w', "
                     "which is not loaded (mlcContextLoadParams / --params)");
  TensorPtr w = f32({4, 3}, std::vector<float>(12, 1));
  ASSERT_EQ(mlcContextSetParam(ctx, "layer.w", &w->dl_tensor), MLC_OK);
  EXPECT_EQ(call("affine", {x->dl_tensor}), MLC_ERROR_NOT_FOUND);
  EXPECT_EQ(message, "function 'affine' argument 'b' is parameter 'layer.b', "
                     "which is not loaded (mlcContextLoadParams / --params)");
  // Other contexts' tables do not count.
  MLCContext *other = nullptr;
  ASSERT_EQ(mlcContextCreate(&other), MLC_OK);
  ASSERT_EQ(load(layer()), MLC_OK);
  EXPECT_EQ(call("affine", {x->dl_tensor}, other), MLC_ERROR_NOT_FOUND);
  mlcContextDestroy(other);
}

TEST_F(ParamCallTest, CountErrors) {
  ASSERT_EQ(load(layer()), MLC_OK);
  TensorPtr x = f32({1, 4}, {1, 2, 3, 4});
  EXPECT_EQ(call("affine", {x->dl_tensor, x->dl_tensor}),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "function 'affine' expects 3 argument(s), or 1 with its 2 "
                     "parameter(s) taken from the context, but got 2");
  EXPECT_EQ(call("affine", {}), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "function 'affine' expects 3 argument(s), or 1 with its 2 "
                     "parameter(s) taken from the context, but got 0");
  DLManagedTensor *raw = nullptr;
  EXPECT_EQ(
      mlcModuleCallWithContext(ctx, module, "affine", nullptr, 1, &raw, 1),
      MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "function 'affine': 'args' is NULL");
}

TEST_F(ParamCallTest, BadParamsFailLikeArguments) {
  TensorPtr x = f32({1, 4}, {1, 2, 3, 4});
  TensorPtr b = f32({3}, {0, 0, 0});
  ASSERT_EQ(mlcContextSetParam(ctx, "layer.b", &b->dl_tensor), MLC_OK);
  TensorPtr wide = f32({5, 3}, std::vector<float>(15, 0));
  ASSERT_EQ(mlcContextSetParam(ctx, "layer.w", &wide->dl_tensor), MLC_OK);
  EXPECT_EQ(call("affine", {x->dl_tensor}), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'w' (#1) dimension 0: expected 4 but got 5");
  TensorPtr flat = f32({12}, std::vector<float>(12, 0));
  ASSERT_EQ(mlcContextSetParam(ctx, "layer.w", &flat->dl_tensor), MLC_OK);
  EXPECT_EQ(call("affine", {x->dl_tensor}), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(
      message,
      "argument 'w' (#1): expected rank 2 (f32[4, 3]) but got rank 1 [12]");
  ASSERT_EQ(
      load(safetensors({{"layer.w", "F64", {4, 3}, std::string(96, '\0')}})),
      MLC_OK);
  EXPECT_EQ(call("affine", {x->dl_tensor}), MLC_ERROR_TYPE_MISMATCH);
  EXPECT_EQ(message, "argument 'w' (#1): expected dtype f32 but got f64");
  // The caller's arguments are still checked as before.
  ASSERT_EQ(load(layer()), MLC_OK);
  EXPECT_EQ(call("affine", {f32({1, 5}, std::vector<float>(5, 0))->dl_tensor}),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 1: expected 4 but got 5");
}

TEST_F(ParamCallTest, ParamsAreLoadedOnce) {
  ASSERT_EQ(load(layer()), MLC_OK);
  const DLTensor *w = get("layer.w");
  TensorPtr x = f32({1, 4}, {1, 1, 1, 1});
  MLCAllocStats before{}, after{};
  ASSERT_EQ(mlcContextGetStats(ctx, &before), MLC_OK);
  for (int i = 0; i < 200; ++i) {
    ASSERT_EQ(call("affine", {x->dl_tensor}), MLC_OK) << i << ": " << message;
    ASSERT_EQ(resultValues(), (std::vector<float>{12, 22, 32})) << i;
  }
  ASSERT_EQ(mlcContextGetStats(ctx, &after), MLC_OK);
  // One allocation per call, for its result: parameters are neither copied
  // nor reloaded.
  EXPECT_EQ(after.allocations - before.allocations, 200u);
  EXPECT_EQ(get("layer.w"), w);
  // Replacing a parameter takes effect on the next call.
  ASSERT_EQ(
      load(safetensors({{"layer.b", "F32", {3}, bytesOf<float>({0, 0, 0})}})),
      MLC_OK);
  ASSERT_EQ(call("affine", {x->dl_tensor}), MLC_OK);
  EXPECT_EQ(resultValues(), (std::vector<float>{2, 2, 2}));
}

TEST_F(ParamCallTest, ResultsOutliveTheContext) {
  ASSERT_EQ(load(layer()), MLC_OK);
  TensorPtr x = f32({1, 4}, {0, 0, 0, 0});
  ASSERT_EQ(call("affine", {x->dl_tensor}), MLC_OK);
  mlcContextDestroy(ctx); // frees the table, not the result
  ctx = nullptr;
  EXPECT_EQ(resultValues(), (std::vector<float>{10, 20, 30}));
}

TEST_F(ParamCallTest, DefaultContext) {
  MLCContext *defaultContext = nullptr, *again = nullptr;
  ASSERT_EQ(mlcContextGetDefault(&defaultContext), MLC_OK);
  ASSERT_NE(defaultContext, nullptr);
  ASSERT_EQ(mlcContextGetDefault(&again), MLC_OK);
  EXPECT_EQ(again, defaultContext);
  EXPECT_EQ(mlcContextGetDefault(nullptr), MLC_ERROR_INVALID_ARGUMENT);
  mlcContextDestroy(defaultContext); // a no-op: it lives as long as the process
  TensorPtr x = f32({1, 4}, {1, 0, 0, 0});
  DLTensor arg = x->dl_tensor;
  DLManagedTensor *raw = nullptr;
  // A table of another context does not feed mlcModuleCall. (The default
  // context outlives this test: only check while no earlier run loaded it.)
  ASSERT_EQ(load(layer()), MLC_OK);
  int32_t loaded = -1;
  ASSERT_EQ(mlcContextNumParams(defaultContext, &loaded), MLC_OK);
  if (loaded == 0) {
    EXPECT_EQ(mlcModuleCall(module, "affine", &arg, 1, &raw, 1),
              MLC_ERROR_NOT_FOUND);
    EXPECT_EQ(raw, nullptr);
  }
  std::string file = writeFile(layer(), "default");
  ASSERT_EQ(mlcContextLoadParams(defaultContext, file.c_str()), MLC_OK);
  ASSERT_EQ(mlcModuleCall(module, "affine", &arg, 1, &raw, 1), MLC_OK)
      << mlcGetLastError();
  results.emplace_back(raw);
  EXPECT_EQ(resultValues(), (std::vector<float>{11, 20, 30}));
}

TEST_F(ParamCallTest, ConcurrentReplacement) {
  // Calls hold the tensors they were given while another thread replaces
  // them: each result comes from one whole load, never a freed buffer.
  std::string one = writeFile(layer(), "one");
  std::string zero =
      writeFile(safetensors({{"layer.w", "F32", {4, 3}, std::string(48, '\0')},
                             {"layer.b", "F32", {3}, std::string(12, '\0')}}),
                "zero");
  ASSERT_EQ(mlcContextLoadParams(ctx, one.c_str()), MLC_OK);
  std::atomic<bool> done{false};
  std::thread loader([&] {
    for (int i = 0; !done; ++i)
      mlcContextLoadParams(ctx, (i % 2 ? one : zero).c_str());
  });
  TensorPtr x = f32({1, 4}, {1, 1, 1, 1});
  for (int i = 0; i < 300; ++i) {
    ASSERT_EQ(call("affine", {x->dl_tensor}), MLC_OK) << message;
    std::vector<float> y = resultValues();
    EXPECT_TRUE(y == (std::vector<float>{12, 22, 32}) ||
                y == (std::vector<float>{0, 0, 0}))
        << y[0] << " " << y[1] << " " << y[2];
  }
  done = true;
  loader.join();
}

} // namespace
