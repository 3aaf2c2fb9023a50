//===- Object.cpp - Reference-counted runtime objects ---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// MLCObject: a payload, its deleter and a type name, with an atomic
// reference count. Every live object is in a process-wide set, so a handle a
// library returns is checked before compiled code owns it
// (mlcContextTakeObject) and a stale or foreign pointer gets an error
// instead of a crash.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Context.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Runtime.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <unordered_set>

using namespace mlc::rt;

struct MLCObject {
  std::string typeName;
  void *payload;
  void (*deleter)(void *);
  std::atomic<int64_t> references{1};
};

namespace {
struct LiveObjects {
  std::mutex mutex;
  std::unordered_set<const MLCObject *> objects;

  bool contains(const MLCObject *object) {
    std::lock_guard<std::mutex> lock(mutex);
    return objects.count(object) != 0;
  }
};

LiveObjects &liveObjects() {
  // Never destroyed: objects may be released during exit.
  static LiveObjects *instance = new LiveObjects;
  return *instance;
}

std::string describe(const void *pointer) {
  char text[32];
  std::snprintf(text, sizeof(text), "%p", pointer);
  return text;
}
} // namespace

MLCStatus mlcObjectCreate(const char *typeName, void *payload,
                          void (*deleter)(void *), MLCObject **out) {
  if (!typeName || !out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcObjectCreate: 'typeName' or 'out' is NULL");
  auto *object = new MLCObject{typeName, payload, deleter};
  {
    std::lock_guard<std::mutex> lock(liveObjects().mutex);
    liveObjects().objects.insert(object);
  }
  *out = object;
  return MLC_OK;
}

void mlcObjectRetain(MLCObject *object) {
  if (object)
    object->references.fetch_add(1, std::memory_order_relaxed);
}

MLC_RUNTIME_EXPORT void mlcObjectRelease(MLCObject *object) {
  if (!object)
    return;
  if (object->references.fetch_sub(1, std::memory_order_acq_rel) != 1)
    return;
  {
    std::lock_guard<std::mutex> lock(liveObjects().mutex);
    liveObjects().objects.erase(object);
  }
  if (object->deleter)
    object->deleter(object->payload);
  delete object;
}

void *mlcObjectGetPayload(const MLCObject *object, const char *typeName) {
  // Under the lock: a release on another thread cannot free it meanwhile.
  std::lock_guard<std::mutex> lock(liveObjects().mutex);
  if (!object || !liveObjects().objects.count(object)) {
    setError(MLC_ERROR_INVALID_ARGUMENT,
             "mlcObjectGetPayload: " + describe(object) +
                 " is not a live object");
    return nullptr;
  }
  if (typeName && object->typeName != typeName) {
    setError(MLC_ERROR_TYPE_MISMATCH, "mlcObjectGetPayload: expected an "
                                      "object of type '" +
                                          std::string(typeName) +
                                          "' but got '" + object->typeName +
                                          "'");
    return nullptr;
  }
  return object->payload;
}

int64_t mlcObjectLiveCount(void) {
  std::lock_guard<std::mutex> lock(liveObjects().mutex);
  return static_cast<int64_t>(liveObjects().objects.size());
}

MLC_RUNTIME_EXPORT int32_t mlcContextTakeObject(MLCContext *ctx,
                                                MLCObject *object,
                                                const char *what) {
  std::string label = what ? what : "a packed function";
  std::string error;
  if (!object)
    error = label + " returned no object";
  else if (!liveObjects().contains(object))
    error = label + " returned " + describe(object) +
            ", which is not a live object";
  if (error.empty())
    return MLC_OK;
  if (ctx)
    ctx->setError(error);
  else
    setError(MLC_ERROR_RUNTIME, error);
  return MLC_ERROR_RUNTIME;
}
