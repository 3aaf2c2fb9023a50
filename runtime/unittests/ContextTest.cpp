//===- ContextTest.cpp - Contexts, their pools and errors -----------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The context C API and the runtime functions of ABI.h called directly:
// alignment, size classes and reuse, statistics, bad frees, unsupported
// devices, error formatting, and concurrent use.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"

#include "gtest/gtest.h"

#include <string>
#include <thread>
#include <vector>

namespace {

class ContextTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(mlcContextCreate(&ctx), MLC_OK); }
  void TearDown() override { mlcContextDestroy(ctx); }

  void *alloc(int64_t bytes, int64_t alignment = 0) {
    return mlcContextAlloc(ctx, kDLCPU, 0, bytes, alignment);
  }
  void release(void *ptr) { mlcContextFree(ctx, kDLCPU, 0, ptr); }
  MLCAllocStats stats() {
    MLCAllocStats out{};
    EXPECT_EQ(mlcContextGetStats(ctx, &out), MLC_OK);
    return out;
  }
  /// Whether a block of `second` bytes reuses a freed block of `first`.
  bool sameClass(int64_t first, int64_t second) {
    void *a = alloc(first);
    release(a);
    void *b = alloc(second);
    release(b);
    // Drain the block again so that later probes start from an empty list.
    return a == b;
  }

  MLCContext *ctx = nullptr;
};

TEST_F(ContextTest, AlignmentAndZeroBytes) {
  for (int64_t bytes : {0, 1, 63, 64, 100, 4096, 5000, 1 << 20}) {
    void *p = alloc(bytes);
    ASSERT_NE(p, nullptr) << bytes;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 64, 0u) << bytes;
    release(p);
  }
  void *wide = alloc(100, 4096);
  ASSERT_NE(wide, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(wide) % 4096, 0u);
  // Smaller alignments than 64, and 0 or negative, mean 64.
  void *narrow = alloc(100, 8);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(narrow) % 64, 0u);
  void *negative = alloc(100, -16);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(negative) % 64, 0u);
  release(wide);
  release(narrow);
  release(negative);
  EXPECT_STREQ(mlcContextGetError(ctx), "");
}

TEST_F(ContextTest, BadRequests) {
  EXPECT_EQ(alloc(-1), nullptr);
  EXPECT_STREQ(mlcContextGetError(ctx), "mlcContextAlloc: negative size -1");
  EXPECT_EQ(alloc(16, 96), nullptr);
  EXPECT_STREQ(mlcContextGetError(ctx),
               "mlcContextAlloc: alignment 96 is not a power of two");
  EXPECT_EQ(alloc(INT64_MAX), nullptr);
  EXPECT_STREQ(mlcContextGetError(ctx),
               "cannot allocate 9223372036854775807 bytes on cpu:0");
  EXPECT_EQ(alloc(int64_t(1) << 62), nullptr); // more than any machine has
  EXPECT_STREQ(mlcContextGetError(ctx),
               "cannot allocate 4611686018427387904 bytes on cpu:0");
  EXPECT_EQ(mlcContextAlloc(ctx, kDLCUDA, 0, 16, 64), nullptr);
  EXPECT_STREQ(mlcContextGetError(ctx), "device cuda:0 is not supported yet");
  EXPECT_EQ(mlcContextAlloc(ctx, kDLVulkan, 1, 16, 64), nullptr);
  EXPECT_STREQ(mlcContextGetError(ctx), "device vulkan:1 is not supported yet");
  EXPECT_EQ(mlcContextAlloc(ctx, kDLCUDAHost, 0, 16, 64), nullptr);
  EXPECT_STREQ(mlcContextGetError(ctx),
               "device cuda_host:0 is not supported yet");
  EXPECT_EQ(stats().allocations, 0u); // failures are not allocations
  EXPECT_EQ(mlcContextAlloc(nullptr, kDLCPU, 0, 16, 64), nullptr);
  EXPECT_STREQ(mlcGetLastError(), "mlcContextAlloc: 'ctx' is NULL");
}

TEST_F(ContextTest, SizeClasses) {
  // Powers of two from 64 bytes to 4 KiB, then whole 4 KiB pages.
  EXPECT_TRUE(sameClass(1, 64));
  EXPECT_TRUE(sameClass(0, 64));
  EXPECT_FALSE(sameClass(64, 65));
  EXPECT_TRUE(sameClass(100, 128));
  EXPECT_TRUE(sameClass(2049, 4096));
  EXPECT_FALSE(sameClass(4096, 4097));
  EXPECT_TRUE(sameClass(4097, 8192));
  EXPECT_FALSE(sameClass(8192, 8193));
  EXPECT_TRUE(sameClass(8193, 12288));
  // Alignment is part of the class.
  void *a = alloc(100, 256);
  release(a);
  void *b = alloc(100);
  EXPECT_NE(a, b);
  release(b);
}

TEST_F(ContextTest, Statistics) {
  void *a = alloc(1000);
  void *b = alloc(3000);
  MLCAllocStats s = stats();
  EXPECT_EQ(s.allocations, 2u);
  EXPECT_EQ(s.poolHits, 0u);
  EXPECT_EQ(s.bytesInUse, 4000u); // requested sizes, not classes
  EXPECT_EQ(s.peakBytesInUse, 4000u);
  release(a);
  void *c = alloc(1024); // a's class
  EXPECT_EQ(c, a);
  s = stats();
  EXPECT_EQ(s.allocations, 3u);
  EXPECT_EQ(s.poolHits, 1u);
  EXPECT_EQ(s.bytesInUse, 4024u);
  EXPECT_EQ(s.peakBytesInUse, 4024u);
  release(b);
  ASSERT_EQ(mlcContextResetStats(ctx), MLC_OK);
  s = stats();
  EXPECT_EQ(s.allocations, 0u);
  EXPECT_EQ(s.poolHits, 0u);
  EXPECT_EQ(s.bytesInUse, 1024u);
  EXPECT_EQ(s.peakBytesInUse, 1024u); // the bytes in use when reset
  release(c);
  EXPECT_EQ(stats().bytesInUse, 0u);
  EXPECT_EQ(stats().peakBytesInUse, 1024u);
  EXPECT_EQ(mlcContextGetStats(nullptr, &s), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcContextGetStats(ctx, nullptr), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcContextGetStats: 'ctx' or 'out' is NULL");
  EXPECT_EQ(mlcContextResetStats(nullptr), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcContextResetStats: 'ctx' is NULL");
}

TEST_F(ContextTest, ContextsDoNotShareAPool) {
  MLCContext *other;
  ASSERT_EQ(mlcContextCreate(&other), MLC_OK);
  void *a = alloc(100);
  release(a);
  void *b = mlcContextAlloc(other, kDLCPU, 0, 100, 0);
  EXPECT_NE(a, b);
  // Freeing a block on the wrong context is refused, not a crash.
  mlcContextFree(other, kDLCPU, 0, alloc(100));
  EXPECT_NE(std::string(mlcContextGetError(other))
                .find("is not a live block of this context"),
            std::string::npos);
  EXPECT_EQ(stats().bytesInUse, 100u);
  mlcContextFree(other, kDLCPU, 0, b);
  mlcContextDestroy(other);
}

TEST_F(ContextTest, BadFrees) {
  release(nullptr); // a no-op
  EXPECT_STREQ(mlcContextGetError(ctx), "");
  int onStack = 0;
  release(&onStack);
  std::string message = mlcContextGetError(ctx);
  EXPECT_EQ(message.rfind("mlcContextFree: 0x", 0), 0u) << message;
  EXPECT_NE(message.find(" on cpu:0 is not a live block of this context"),
            std::string::npos)
      << message;
  void *p = alloc(10);
  release(p);
  mlcContextSetError(ctx, "");
  release(p); // twice
  EXPECT_NE(std::string(mlcContextGetError(ctx)).find("is not a live block"),
            std::string::npos);
  p = alloc(10);
  mlcContextFree(ctx, kDLCPU, 1, p); // another device's pool
  EXPECT_NE(std::string(mlcContextGetError(ctx))
                .find(" on cpu:1 is not a live block of this context"),
            std::string::npos);
  EXPECT_EQ(stats().bytesInUse, 10u);
  release(p);
  EXPECT_EQ(stats().bytesInUse, 0u);
  mlcContextFree(nullptr, kDLCPU, 0, &onStack);
  EXPECT_STREQ(mlcGetLastError(), "mlcContextFree: 'ctx' is NULL");
}

TEST_F(ContextTest, ErrorMessages) {
  mlcContextSetError(ctx, "plain");
  EXPECT_STREQ(mlcContextGetError(ctx), "plain");
  mlcContextSetError(ctx, nullptr);
  EXPECT_STREQ(mlcContextGetError(ctx), "");
  auto format = [&](const char *text, std::vector<int64_t> values,
                    int32_t count) {
    mlcContextSetErrorValues(ctx, text,
                             values.empty() ? nullptr : values.data(), count);
    return std::string(mlcContextGetError(ctx));
  };
  EXPECT_EQ(format("x[{}] = {} is negative", {3, -7}, 2),
            "x[3] = -7 is negative");
  EXPECT_EQ(format("{}{}", {INT64_MIN, INT64_MAX}, 2),
            "-92233720368547758089223372036854775807");
  EXPECT_EQ(format("no values: {}", {}, 0), "no values: {}");
  EXPECT_EQ(format("extra {} and {}", {1}, 1), "extra 1 and {}");
  EXPECT_EQ(format("unused values", {1, 2}, 2), "unused values");
  EXPECT_EQ(format("only {} of these", {1, 2}, 1), "only 1 of these");
  EXPECT_EQ(format("{ } {x} {{}} {", {5, 6}, 2), "{ } {x} {5} {");
  EXPECT_EQ(format("null values {}", {}, 3), "null values {}");
  EXPECT_EQ(format("negative count {}", {1}, -1), "negative count {}");
  EXPECT_EQ(format(nullptr, {1}, 1), "");
  // Without a context the message goes to the thread's last error.
  mlcContextSetErrorValues(nullptr, "n = {}", std::vector<int64_t>{4}.data(),
                           1);
  EXPECT_STREQ(mlcGetLastError(), "n = 4");
  EXPECT_STREQ(mlcContextGetError(nullptr), "");
}

TEST_F(ContextTest, CreateAndDestroy) {
  EXPECT_EQ(mlcContextCreate(nullptr), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcContextCreate: 'out' is NULL");
  mlcContextDestroy(nullptr); // a no-op
  // Blocks never freed are released with the context.
  MLCContext *other;
  ASSERT_EQ(mlcContextCreate(&other), MLC_OK);
  EXPECT_NE(mlcContextAlloc(other, kDLCPU, 0, 1 << 20, 0), nullptr);
  mlcContextDestroy(other);
}

TEST_F(ContextTest, ConcurrentAllocations) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        int64_t bytes = 64 + (i % 7) * 1000;
        auto *p = static_cast<unsigned char *>(alloc(bytes));
        if (!p) {
          ++failures[t];
          continue;
        }
        p[0] = p[bytes - 1] = static_cast<unsigned char>(t);
        if (p[0] != t || p[bytes - 1] != t)
          ++failures[t];
        release(p);
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
  MLCAllocStats s = stats();
  EXPECT_EQ(s.allocations, 2000u);
  EXPECT_EQ(s.bytesInUse, 0u);
  // At most 4 blocks per class are ever live: the rest are pool hits.
  EXPECT_GE(s.poolHits, 2000u - 4u * 7u);
}

} // namespace
