//===- NpyFuzzer.cpp - The runtime's .npy reader --------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Any bytes as a .npy file (in memory-backed /dev/shm when it exists):
// mlcNpyLoad either returns a tensor whose data it owns, of the size its
// header says, or an error; it never crashes or allocates what the file
// cannot hold. A tensor that loads is saved and loaded again to the same
// values.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

static std::string scratchPath(const char *suffix) {
  const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  return std::string(dir) + "/mlc-npy-fuzzer-" + std::to_string(getpid()) +
         suffix;
}

static size_t byteSize(const DLTensor &t) {
  size_t n = (t.dtype.bits * t.dtype.lanes + 7) / 8;
  for (int32_t i = 0; i < t.ndim; ++i)
    n *= static_cast<size_t>(t.shape[i]);
  return n;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const std::string in = scratchPath(".npy"),
                           out = scratchPath("-back.npy");
  FILE *file = std::fopen(in.c_str(), "wb");
  if (!file)
    return 0;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  DLManagedTensor *tensor = nullptr;
  if (mlcNpyLoad(in.c_str(), &tensor) != MLC_OK)
    return 0;
  const DLTensor &t = tensor->dl_tensor;
  size_t bytes = byteSize(t);
  // Every byte of the data must be readable (ASan checks the access).
  volatile unsigned char sum = 0;
  for (size_t i = 0; i < bytes; ++i)
    sum = sum + static_cast<const unsigned char *>(t.data)[i];
  if (mlcNpySave(out.c_str(), &t) == MLC_OK) {
    DLManagedTensor *back = nullptr;
    if (mlcNpyLoad(out.c_str(), &back) != MLC_OK) {
      std::fprintf(stderr, "a saved tensor does not load: %s\n",
                   mlcGetLastError());
      std::abort();
    }
    // bf16 saves as f32, so only same-size round trips compare bytes.
    if (byteSize(back->dl_tensor) == bytes &&
        std::memcmp(back->dl_tensor.data, t.data, bytes) != 0) {
      std::fprintf(stderr, "a tensor changed through save and load\n");
      std::abort();
    }
    back->deleter(back);
  }
  tensor->deleter(tensor);
  return 0;
}
