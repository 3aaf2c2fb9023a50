//===- ObjectTest.cpp - Reference-counted runtime objects -----------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// MLCObject: references, the deleter on the last release, typed payload
// access, and the check of handles packed functions return.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"

#include "gtest/gtest.h"

#include <string>

namespace {

void countDeletion(void *payload) { ++*static_cast<int *>(payload); }

TEST(ObjectTest, LastReleaseRunsTheDeleter) {
  int deleted = 0;
  int64_t before = mlcObjectLiveCount();
  MLCObject *object = nullptr;
  ASSERT_EQ(mlcObjectCreate("test.counter", &deleted, countDeletion, &object),
            MLC_OK);
  EXPECT_EQ(mlcObjectLiveCount(), before + 1);
  mlcObjectRetain(object);
  mlcObjectRelease(object);
  EXPECT_EQ(deleted, 0);
  EXPECT_EQ(mlcObjectGetPayload(object, "test.counter"), &deleted);
  mlcObjectRelease(object);
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(mlcObjectLiveCount(), before);
  mlcObjectRelease(nullptr); // a no-op
  mlcObjectRetain(nullptr);
}

TEST(ObjectTest, PayloadChecksTheType) {
  int payload = 7;
  MLCObject *object = nullptr;
  ASSERT_EQ(mlcObjectCreate("test.a", &payload, nullptr, &object), MLC_OK);
  EXPECT_EQ(mlcObjectGetPayload(object, nullptr), &payload);
  EXPECT_EQ(mlcObjectGetPayload(object, "test.b"), nullptr);
  EXPECT_STREQ(mlcGetLastError(), "mlcObjectGetPayload: expected an object "
                                  "of type 'test.b' but got 'test.a'");
  mlcObjectRelease(object);
  EXPECT_EQ(mlcObjectGetPayload(object, nullptr), nullptr);
  EXPECT_NE(std::string(mlcGetLastError()).find("is not a live object"),
            std::string::npos);
}

TEST(ObjectTest, CreateRefusesNull) {
  MLCObject *object = nullptr;
  EXPECT_EQ(mlcObjectCreate(nullptr, nullptr, nullptr, &object),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcObjectCreate("x", nullptr, nullptr, nullptr),
            MLC_ERROR_INVALID_ARGUMENT);
}

TEST(ObjectTest, TakeObjectChecksTheHandle) {
  MLCContext *ctx = nullptr;
  ASSERT_EQ(mlcContextCreate(&ctx), MLC_OK);
  MLCObject *object = nullptr;
  ASSERT_EQ(mlcObjectCreate("test.t", nullptr, nullptr, &object), MLC_OK);
  EXPECT_EQ(mlcContextTakeObject(ctx, object, "f"), 0);
  EXPECT_EQ(mlcContextTakeObject(ctx, nullptr, "call_packed 'g'"),
            MLC_ERROR_RUNTIME);
  EXPECT_STREQ(mlcContextGetError(ctx), "call_packed 'g' returned no object");
  int notAnObject = 0;
  EXPECT_EQ(mlcContextTakeObject(
                ctx, reinterpret_cast<MLCObject *>(&notAnObject), "h"),
            MLC_ERROR_RUNTIME);
  EXPECT_NE(std::string(mlcContextGetError(ctx))
                .find("which is not a live "
                      "object"),
            std::string::npos);
  mlcObjectRelease(object);
  mlcContextDestroy(ctx);
}

} // namespace
