//===- NpyTest.cpp - Reading and writing .npy files -----------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"
#include "mlc/Runtime/Tensor.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace {

using mlc::rt::TensorPtr;

class NpyTest : public ::testing::Test {
protected:
  /// A file name unique to this test and process.
  std::string path(const std::string &name) {
    const ::testing::TestInfo *info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    std::string file = std::string(MLC_TEST_TMPDIR) + "/npy_" + info->name() +
                       "_" + std::to_string(getpid()) + "_" + name;
    created.push_back(file);
    return file;
  }
  void TearDown() override {
    for (const std::string &file : created)
      std::remove(file.c_str());
  }

  static std::string readFile(const std::string &file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }
  static void writeFile(const std::string &file, const std::string &bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
  }

  /// A version 1.0 file with `header` (padding added) and `data`.
  std::string npy(const std::string &header, const std::string &data,
                  char major = 1) {
    std::string text = header;
    size_t prefix = major == 1 ? 10 : 12;
    while ((prefix + text.size() + 1) % 64)
      text += ' ';
    text += '\n';
    std::string bytes = std::string("\x93NUMPY") + major + '\0';
    bytes += char(text.size() & 0xff);
    bytes += char(text.size() >> 8);
    if (major != 1)
      bytes += std::string(2, '\0');
    return bytes + text + data;
  }

  /// Loads `bytes` written to a file; returns the status and message.
  MLCStatus load(const std::string &bytes, TensorPtr *out = nullptr) {
    std::string file = path("in.npy");
    writeFile(file, bytes);
    DLManagedTensor *t = nullptr;
    MLCStatus status = mlcNpyLoad(file.c_str(), &t);
    message = mlcGetLastError();
    if (status == MLC_OK) {
      message.clear();
      if (out)
        out->reset(t);
      else
        t->deleter(t);
    } else {
      EXPECT_EQ(t, nullptr);
      size_t at = message.find("npy': ");
      if (at != std::string::npos)
        message = message.substr(at + 6);
    }
    return status;
  }

  std::vector<std::string> created;
  std::string message;
};

TEST_F(NpyTest, RoundTripEveryDType) {
  for (DLDataType dtype : std::vector<DLDataType>{{kDLFloat, 16, 1},
                                                  {kDLFloat, 32, 1},
                                                  {kDLFloat, 64, 1},
                                                  {kDLInt, 8, 1},
                                                  {kDLInt, 16, 1},
                                                  {kDLInt, 32, 1},
                                                  {kDLInt, 64, 1},
                                                  {kDLUInt, 1, 1},
                                                  {kDLUInt, 8, 1},
                                                  {kDLUInt, 16, 1},
                                                  {kDLUInt, 32, 1},
                                                  {kDLUInt, 64, 1}}) {
    int64_t shape[] = {2, 3};
    DLManagedTensor *raw;
    ASSERT_EQ(mlcAllocTensor(dtype, 2, shape, &raw), MLC_OK);
    TensorPtr t(raw);
    size_t bytes = 6 * ((dtype.bits + 7) / 8);
    for (size_t i = 0; i < bytes; ++i)
      static_cast<uint8_t *>(t->dl_tensor.data)[i] =
          dtype.bits == 1 ? i % 2 : uint8_t(i * 37);
    std::string file = path("roundtrip.npy");
    ASSERT_EQ(mlcNpySave(file.c_str(), &t->dl_tensor), MLC_OK)
        << mlcGetLastError();
    // numpy aligns the data to 64 bytes.
    EXPECT_EQ((readFile(file).size() - bytes) % 64, 0u);
    DLManagedTensor *back;
    ASSERT_EQ(mlcNpyLoad(file.c_str(), &back), MLC_OK) << mlcGetLastError();
    TensorPtr loaded(back);
    EXPECT_EQ(loaded->dl_tensor.dtype.code, dtype.code);
    EXPECT_EQ(loaded->dl_tensor.dtype.bits, dtype.bits);
    ASSERT_EQ(loaded->dl_tensor.ndim, 2);
    EXPECT_EQ(loaded->dl_tensor.shape[0], 2);
    EXPECT_EQ(loaded->dl_tensor.shape[1], 3);
    EXPECT_EQ(std::memcmp(loaded->dl_tensor.data, t->dl_tensor.data, bytes), 0);
  }
}

TEST_F(NpyTest, HeaderLayout) {
  int64_t shape[] = {5};
  DLManagedTensor *raw;
  ASSERT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, 1, shape, &raw), MLC_OK);
  TensorPtr t(raw);
  std::string file = path("header.npy");
  ASSERT_EQ(mlcNpySave(file.c_str(), &t->dl_tensor), MLC_OK);
  std::string bytes = readFile(file);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
  EXPECT_EQ(bytes.substr(10, 58),
            "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), } ");
  EXPECT_EQ(bytes[127], '\n');
  EXPECT_EQ(bytes.size(), 128u + 20u);
}

TEST_F(NpyTest, ScalarAndEmpty) {
  TensorPtr t;
  ASSERT_EQ(load(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
                     std::string("\0\0\0\0\0\0\xf0\x3f", 8)),
                 &t),
            MLC_OK)
      << message;
  EXPECT_EQ(t->dl_tensor.ndim, 0);
  EXPECT_EQ(*static_cast<double *>(t->dl_tensor.data), 1.0);
  ASSERT_EQ(load(npy("{'shape': (0, 3), 'fortran_order': False, 'descr': "
                     "'<i4'}",
                     ""),
                 &t),
            MLC_OK)
      << message;
  EXPECT_EQ(t->dl_tensor.shape[0], 0);
  // Version 2.0 has a 4-byte header length.
  EXPECT_EQ(load(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2,)}",
                     "ab", 2)),
            MLC_OK)
      << message;
}

TEST_F(NpyTest, SaveStridedAndBF16) {
  // The transposed view of [[1, 2, 3], [4, 5, 6]] is saved in its own order.
  int64_t shape[] = {6};
  DLManagedTensor *raw;
  ASSERT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, 1, shape, &raw), MLC_OK);
  TensorPtr base(raw);
  float values[] = {1, 2, 3, 4, 5, 6};
  std::memcpy(raw->dl_tensor.data, values, sizeof(values));
  DLTensor view = raw->dl_tensor;
  int64_t viewShape[] = {3, 2}, viewStrides[] = {1, 3};
  view.ndim = 2;
  view.shape = viewShape;
  view.strides = viewStrides;
  std::string file = path("strided.npy");
  ASSERT_EQ(mlcNpySave(file.c_str(), &view), MLC_OK);
  DLManagedTensor *back;
  ASSERT_EQ(mlcNpyLoad(file.c_str(), &back), MLC_OK);
  TensorPtr loaded(back);
  float expected[] = {1, 4, 2, 5, 3, 6};
  EXPECT_EQ(std::memcmp(back->dl_tensor.data, expected, sizeof(expected)), 0);

  // bf16 (absent from numpy) is widened to f32.
  uint16_t bf16[] = {0x3f80, 0xc040}; // 1.0, -3.0
  DLTensor half{};
  half.data = bf16;
  half.device = {kDLCPU, 0};
  half.ndim = 1;
  int64_t two[] = {2};
  half.shape = two;
  half.dtype = {kDLBfloat, 16, 1};
  ASSERT_EQ(mlcNpySave(file.c_str(), &half), MLC_OK);
  ASSERT_EQ(mlcNpyLoad(file.c_str(), &back), MLC_OK);
  loaded.reset(back);
  EXPECT_EQ(back->dl_tensor.dtype.bits, 32);
  EXPECT_EQ(static_cast<float *>(back->dl_tensor.data)[1], -3.0f);
}

TEST_F(NpyTest, Malformed) {
  std::string f4 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
  std::string eight(8, '\0');
  EXPECT_EQ(load(npy(f4, eight)), MLC_OK) << message;

  EXPECT_EQ(load("PK\x03\x04 not numpy"), MLC_ERROR_FORMAT);
  EXPECT_EQ(message, "missing the \\x93NUMPY magic");
  EXPECT_EQ(load(npy(f4, eight).substr(0, 30)), MLC_ERROR_FORMAT);
  EXPECT_EQ(message, "truncated header");
  EXPECT_EQ(load(npy(f4, "1234")), MLC_ERROR_FORMAT);
  EXPECT_EQ(message,
            "expected 8 data bytes for the shape and dtype but found 4");
  EXPECT_EQ(load(npy(f4, eight + "x")), MLC_ERROR_FORMAT);
  EXPECT_EQ(load(npy("{'descr': '<f4', 'shape': (2,)}", eight)),
            MLC_ERROR_FORMAT);
  EXPECT_EQ(message,
            "malformed header: missing 'descr', 'fortran_order' or 'shape'");
  // A repeated key is an error, not dims appended to the first shape.
  EXPECT_EQ(load(npy("{'descr': '<f4', 'fortran_order': False, 'shape': "
                     "(2,), 'shape': (3,)}",
                     eight)),
            MLC_ERROR_FORMAT);
  EXPECT_EQ(message, "malformed header: duplicate key 'shape'");
  EXPECT_EQ(load(npy("{'descr': '<f4', 'descr': '<f4', 'fortran_order': "
                     "False, 'shape': (2,)}",
                     eight)),
            MLC_ERROR_FORMAT);
  EXPECT_EQ(message, "malformed header: duplicate key 'descr'");
  EXPECT_EQ(load(npy("{'descr': '<f4', 'fortran_order': Maybe, 'shape': ()}",
                     "1234")),
            MLC_ERROR_FORMAT);
  EXPECT_EQ(message, "malformed header: expected True or False for "
                     "'fortran_order'");
  EXPECT_EQ(load(npy("{'descr': '<f4', 'fortran_order': False, 'shape': "
                     "(2, x)}",
                     eight)),
            MLC_ERROR_FORMAT);
  EXPECT_EQ(load(npy("[1, 2]", eight)), MLC_ERROR_FORMAT);
  EXPECT_EQ(load(npy("{'descr': [('a', '<f4')], 'fortran_order': False, "
                     "'shape': (2,)}",
                     eight)),
            MLC_ERROR_FORMAT);
  EXPECT_EQ(message, "malformed header: structured dtypes are not supported");
  std::string v9 = npy(f4, eight);
  v9[6] = 9;
  EXPECT_EQ(load(v9), MLC_ERROR_UNSUPPORTED);
}

TEST_F(NpyTest, Unsupported) {
  std::string eight(8, '\0');
  EXPECT_EQ(load(npy("{'descr': '>f4', 'fortran_order': False, 'shape': "
                     "(2,), }",
                     eight)),
            MLC_ERROR_UNSUPPORTED);
  EXPECT_EQ(message, "big-endian data ('>f4') is not supported");
  EXPECT_EQ(load(npy("{'descr': '<f4', 'fortran_order': True, 'shape': "
                     "(2, 1), }",
                     eight)),
            MLC_ERROR_UNSUPPORTED);
  EXPECT_EQ(message, "Fortran-order arrays are not supported (save a C-order "
                     "array, e.g. np.ascontiguousarray)");
  EXPECT_EQ(load(npy("{'descr': '<U2', 'fortran_order': False, 'shape': "
                     "(1,), }",
                     eight)),
            MLC_ERROR_UNSUPPORTED);
  EXPECT_EQ(message, "unsupported dtype '<U2' (supported: b1 i1 i2 i4 i8 u1 "
                     "u2 u4 u8 f2 f4 f8)");
  // A one-byte type has no byte order; '>' is harmless there.
  EXPECT_EQ(load(npy("{'descr': '>i1', 'fortran_order': False, 'shape': "
                     "(8,), }",
                     eight)),
            MLC_OK);
}

TEST_F(NpyTest, FileErrors) {
  DLManagedTensor *t = nullptr;
  EXPECT_EQ(mlcNpyLoad("/nonexistent/x.npy", &t), MLC_ERROR_IO);
  EXPECT_STREQ(mlcGetLastError(),
               "cannot open '/nonexistent/x.npy': No such file or directory");
  int64_t shape[] = {1};
  ASSERT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, 1, shape, &t), MLC_OK);
  TensorPtr owned(t);
  EXPECT_EQ(mlcNpySave("/nonexistent/x.npy", &t->dl_tensor), MLC_ERROR_IO);
  EXPECT_EQ(mlcNpyLoad(nullptr, &t), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcNpySave("x.npy", nullptr), MLC_ERROR_INVALID_ARGUMENT);
}

} // namespace
