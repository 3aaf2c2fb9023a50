//===- Json.h - A strict, schema-directed JSON reader -----------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Reads the JSON subset that file headers such as .safetensors use: objects,
// arrays, strings (with every escape of RFC 8259, surrogate pairs decoded to
// UTF-8, raw bytes checked to be UTF-8) and integers that fit int64. There
// is no document tree: the caller asks for the value it expects next, so
// memory stays proportional to what it keeps and nesting costs no recursion.
// Anything else (literals, fractions, exponents, leading zeros, trailing
// commas, control characters in strings) is an error. The first error is
// kept with the byte offset where it was found; later calls then fail too.
// Private to the library.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_JSON_H
#define MLC_RUNTIME_JSON_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mlc::rt {

class JsonReader {
public:
  explicit JsonReader(std::string_view text) : text(text) {}

  /// The next byte after whitespace, or '\0' at the end.
  char peek();
  /// The offset of the next byte after whitespace.
  size_t offset();

  bool readString(std::string &out);
  bool readInteger(int64_t &out);

  /// Object members: call beginObject, then nextKey until it returns false
  /// (at the closing '}', or on an error: check failed()). After each key,
  /// read its value before calling nextKey again.
  bool beginObject();
  bool nextKey(std::string &key);
  /// The offset of the opening quote of the key nextKey read last.
  size_t keyOffset() const { return lastKey; }
  /// Array elements: beginArray, then nextElement until it returns false;
  /// read each element in between.
  bool beginArray();
  bool nextElement();

  /// Checks that only whitespace remains.
  bool finish();

  /// Records an error at `at` unless one is recorded; returns false.
  bool fail(std::string why, size_t at);
  bool fail(std::string why) { return fail(std::move(why), pos); }
  bool failed() const { return !errorMessage.empty(); }
  const std::string &error() const { return errorMessage; }
  size_t errorOffset() const { return errorPos; }

private:
  void skipSpace();
  bool expect(char c, const char *what);
  /// Separators of objects and arrays: true if another item follows.
  bool nextItem(char close, const char *what);
  bool readEscape(std::string &out);
  bool readHex4(uint32_t &value);
  bool readUtf8(std::string &out);

  std::string_view text;
  size_t pos = 0;
  /// Whether the innermost open object or array has no item yet. A nested
  /// container is a value of its parent's current item, which is never the
  /// parent's first-item state any more, so closing one resets it to false
  /// and no stack is needed.
  bool first = false;
  size_t lastKey = 0;
  std::string errorMessage;
  size_t errorPos = 0;
};

} // namespace mlc::rt

#endif // MLC_RUNTIME_JSON_H
