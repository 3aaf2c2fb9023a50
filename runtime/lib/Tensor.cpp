//===- Tensor.cpp - DLTensor helpers --------------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Tensor.h"

#include <cmath>
#include <cstring>

using namespace mlc::rt;

bool mlc::rt::numElements(int32_t ndim, const int64_t *shape, int64_t &numel) {
  numel = 1;
  bool overflow = false, empty = false;
  for (int32_t i = 0; i < ndim; ++i) {
    if (shape[i] < 0)
      return false;
    empty |= shape[i] == 0;
    overflow |= __builtin_mul_overflow(numel, shape[i], &numel);
  }
  // An empty dim makes the tensor empty however large the others are. (A
  // product that wraps to 0, like 2^62 * 4, is an overflow, not empty.)
  if (empty) {
    numel = 0;
    return true;
  }
  return !overflow;
}

bool mlc::rt::byteSize(int64_t numel, unsigned bytes, size_t &size) {
  if (numel < 0)
    return false;
  return !__builtin_mul_overflow(static_cast<uint64_t>(numel), bytes, &size);
}

std::vector<int64_t> mlc::rt::compactStrides(int32_t ndim,
                                             const int64_t *shape) {
  std::vector<int64_t> strides(ndim);
  int64_t stride = 1;
  for (int32_t i = ndim - 1; i >= 0; --i) {
    strides[i] = stride;
    // Wraps only for shapes whose element count overflows, which callers
    // reject first; multiplication by 0 keeps later strides meaningless but
    // harmless for an empty tensor.
    stride = static_cast<int64_t>(static_cast<uint64_t>(stride) *
                                  static_cast<uint64_t>(shape[i]));
  }
  return strides;
}

bool mlc::rt::isCompactRowMajor(const DLTensor &t) {
  if (!t.strides)
    return true;
  int64_t numel;
  if (numElements(t.ndim, t.shape, numel) && numel == 0)
    return true;
  int64_t expected = 1;
  for (int32_t i = t.ndim - 1; i >= 0; --i) {
    if (t.shape[i] != 1 && t.strides[i] != expected)
      return false;
    if (__builtin_mul_overflow(expected, t.shape[i], &expected))
      return false;
  }
  return true;
}

void mlc::rt::copyToCompact(const DLTensor &t, unsigned elementBytes,
                            void *dst) {
  const char *base = static_cast<const char *>(t.data) + t.byte_offset;
  int64_t numel;
  if (!numElements(t.ndim, t.shape, numel) || numel == 0)
    return;
  if (isCompactRowMajor(t)) {
    std::memcpy(dst, base, size_t(numel) * elementBytes);
    return;
  }
  // Walks the index space like an odometer; `offset` tracks the source
  // element offset incrementally.
  std::vector<int64_t> index(t.ndim, 0);
  int64_t offset = 0;
  char *out = static_cast<char *>(dst);
  for (int64_t n = 0; n < numel; ++n) {
    std::memcpy(out, base + offset * int64_t(elementBytes), elementBytes);
    out += elementBytes;
    for (int32_t d = t.ndim - 1; d >= 0; --d) {
      offset += t.strides[d];
      if (++index[d] < t.shape[d])
        break;
      offset -= t.strides[d] * t.shape[d];
      index[d] = 0;
    }
  }
}

float mlc::rt::halfToFloat(uint16_t bits) {
  uint32_t sign = uint32_t(bits & 0x8000) << 16;
  uint32_t exponent = (bits >> 10) & 0x1f;
  uint32_t mantissa = bits & 0x3ff;
  if (exponent == 0) {
    float magnitude = std::ldexp(float(mantissa), -24);
    return sign ? -magnitude : magnitude;
  }
  uint32_t result;
  if (exponent == 31)
    result = sign | 0x7f800000u | (mantissa << 13);
  else
    result = sign | ((exponent + 112) << 23) | (mantissa << 13);
  float value;
  std::memcpy(&value, &result, sizeof(value));
  return value;
}

uint16_t mlc::rt::floatToHalf(float value) {
  uint32_t x;
  std::memcpy(&x, &value, sizeof(x));
  uint32_t sign = (x >> 16) & 0x8000;
  uint32_t exponent = (x >> 23) & 0xff;
  uint32_t mantissa = x & 0x7fffff;
  if (exponent == 0xff) // inf or NaN (kept quiet)
    return uint16_t(sign | 0x7c00 | (mantissa ? 0x200 | (mantissa >> 13) : 0));
  int32_t e = int32_t(exponent) - 127 + 15;
  if (e >= 31)
    return uint16_t(sign | 0x7c00);
  uint32_t half, rest, halfway;
  if (e <= 0) { // a half subnormal, or zero
    if (e < -10)
      return uint16_t(sign);
    mantissa |= 0x800000;
    uint32_t shift = uint32_t(14 - e);
    half = mantissa >> shift;
    rest = mantissa & ((1u << shift) - 1);
    halfway = 1u << (shift - 1);
  } else {
    half = (uint32_t(e) << 10) | (mantissa >> 13);
    rest = mantissa & 0x1fff;
    halfway = 0x1000;
  }
  // Round to nearest even; a carry into the exponent is still correct.
  if (rest > halfway || (rest == halfway && (half & 1)))
    ++half;
  return uint16_t(sign | half);
}

float mlc::rt::bf16ToFloat(uint16_t bits) {
  uint32_t x = uint32_t(bits) << 16;
  float value;
  std::memcpy(&value, &x, sizeof(value));
  return value;
}

uint16_t mlc::rt::floatToBF16(float value) {
  uint32_t x;
  std::memcpy(&x, &value, sizeof(x));
  if (std::isnan(value))
    return uint16_t((x >> 16) | 0x40);
  x += 0x7fff + ((x >> 16) & 1);
  return uint16_t(x >> 16);
}

template <typename T> static T load(const void *p) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  return value;
}

double mlc::rt::loadAsDouble(const void *p, const DType &dtype) {
  switch (dtype.dl.code) {
  case kDLFloat:
    if (dtype.dl.bits == 16)
      return halfToFloat(load<uint16_t>(p));
    if (dtype.dl.bits == 32)
      return load<float>(p);
    return load<double>(p);
  case kDLBfloat:
    return bf16ToFloat(load<uint16_t>(p));
  case kDLInt:
    switch (dtype.bytes) {
    case 1:
      return load<int8_t>(p);
    case 2:
      return load<int16_t>(p);
    case 4:
      return load<int32_t>(p);
    default:
      return double(load<int64_t>(p));
    }
  default:
    if (dtype.dl.bits == 1)
      return load<uint8_t>(p) != 0;
    switch (dtype.bytes) {
    case 1:
      return load<uint8_t>(p);
    case 2:
      return load<uint16_t>(p);
    case 4:
      return load<uint32_t>(p);
    default:
      return double(load<uint64_t>(p));
    }
  }
}
