//===- Json.cpp - A strict, schema-directed JSON reader -------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Json.h"

using namespace mlc::rt;

bool JsonReader::fail(std::string why, size_t at) {
  if (errorMessage.empty()) {
    errorMessage = std::move(why);
    errorPos = at;
  }
  return false;
}

void JsonReader::skipSpace() {
  // RFC 8259 whitespace only: no vertical tab, form feed or NUL.
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                               text[pos] == '\n' || text[pos] == '\r'))
    ++pos;
}

char JsonReader::peek() {
  skipSpace();
  return pos < text.size() ? text[pos] : '\0';
}

size_t JsonReader::offset() {
  skipSpace();
  return pos;
}

/// Describes the byte at the cursor for "expected X but found Y" messages.
static std::string describeByte(std::string_view text, size_t pos) {
  if (pos >= text.size())
    return "the end of the header";
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x20 && c < 0x7f)
    return std::string("'") + char(c) + "'";
  static const char kHex[] = "0123456789abcdef";
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

bool JsonReader::expect(char c, const char *what) {
  if (failed())
    return false;
  if (peek() == c && pos < text.size()) {
    ++pos;
    return true;
  }
  return fail(std::string("expected ") + what + " but found " +
              describeByte(text, pos));
}

bool JsonReader::readHex4(uint32_t &value) {
  value = 0;
  for (int i = 0; i < 4; ++i, ++pos) {
    char c = pos < text.size() ? text[pos] : '\0';
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0)
      return fail("expected 4 hex digits after '\\u'");
    value = value * 16 + uint32_t(digit);
  }
  return true;
}

static void appendUtf8(uint32_t code, std::string &out) {
  if (code < 0x80) {
    out += char(code);
  } else if (code < 0x800) {
    out += char(0xc0 | (code >> 6));
    out += char(0x80 | (code & 0x3f));
  } else if (code < 0x10000) {
    out += char(0xe0 | (code >> 12));
    out += char(0x80 | ((code >> 6) & 0x3f));
    out += char(0x80 | (code & 0x3f));
  } else {
    out += char(0xf0 | (code >> 18));
    out += char(0x80 | ((code >> 12) & 0x3f));
    out += char(0x80 | ((code >> 6) & 0x3f));
    out += char(0x80 | (code & 0x3f));
  }
}

/// Reads the escape at the cursor (just after the backslash, before the
/// end of the text).
bool JsonReader::readEscape(std::string &out) {
  size_t start = pos - 1;
  char c = text[pos++];
  switch (c) {
  case '"':
  case '\\':
  case '/':
    out += c;
    return true;
  case 'b':
    out += '\b';
    return true;
  case 'f':
    out += '\f';
    return true;
  case 'n':
    out += '\n';
    return true;
  case 'r':
    out += '\r';
    return true;
  case 't':
    out += '\t';
    return true;
  case 'u':
    break;
  default:
    return fail("invalid escape: '\\' followed by " +
                    describeByte(text, pos - 1),
                start);
  }
  uint32_t code;
  if (!readHex4(code))
    return false;
  if (code >= 0xdc00 && code <= 0xdfff)
    return fail("unpaired low surrogate in '\\u' escape", start);
  if (code >= 0xd800 && code <= 0xdbff) {
    // A high surrogate must be followed by an escaped low one.
    uint32_t low;
    if (text.substr(pos, 2) != "\\u")
      return fail("unpaired high surrogate in '\\u' escape", start);
    pos += 2;
    if (!readHex4(low))
      return false;
    if (low < 0xdc00 || low > 0xdfff)
      return fail("unpaired high surrogate in '\\u' escape", start);
    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
  }
  appendUtf8(code, out);
  return true;
}

/// Copies one well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
/// surrogates, at most U+10FFFF) starting at the cursor.
bool JsonReader::readUtf8(std::string &out) {
  size_t start = pos;
  unsigned char lead = static_cast<unsigned char>(text[pos]);
  size_t length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  uint32_t min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  uint32_t code = lead & (0x7f >> length);
  if (lead < 0xc2 || lead > 0xf4 || text.size() - pos < length)
    return fail("invalid UTF-8 in string", start);
  for (size_t i = 1; i < length; ++i) {
    unsigned char next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xc0) != 0x80)
      return fail("invalid UTF-8 in string", start);
    code = code << 6 | (next & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    return fail("invalid UTF-8 in string", start);
  out.append(text.substr(pos, length));
  pos += length;
  return true;
}

bool JsonReader::readString(std::string &out) {
  out.clear();
  if (!expect('"', "a string"))
    return false;
  size_t start = pos - 1;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c == '"') {
      ++pos;
      return true;
    }
    if (c < 0x20)
      return fail("unescaped control character in string");
    if (c >= 0x80) {
      if (!readUtf8(out))
        return false;
      continue;
    }
    ++pos;
    if (c == '\\') {
      if (pos == text.size())
        break;
      if (!readEscape(out))
        return false;
      continue;
    }
    out += char(c);
  }
  return fail("unterminated string", start);
}

bool JsonReader::readInteger(int64_t &out) {
  if (failed())
    return false;
  skipSpace();
  size_t start = pos;
  bool negative = pos < text.size() && text[pos] == '-';
  pos += negative;
  auto isDigit = [&](size_t i) {
    return i < text.size() && text[i] >= '0' && text[i] <= '9';
  };
  if (!isDigit(pos)) {
    pos = start;
    return fail("expected an integer but found " + describeByte(text, pos));
  }
  if (text[pos] == '0' && isDigit(pos + 1))
    return fail("leading zeros are not allowed", start);
  // Accumulate negatively so that INT64_MIN is representable.
  int64_t value = 0;
  for (; isDigit(pos); ++pos)
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_sub_overflow(value, text[pos] - '0', &value))
      return fail("integer out of the int64 range", start);
  if (pos < text.size() &&
      (text[pos] == '.' || text[pos] == 'e' || text[pos] == 'E'))
    return fail("expected an integer, not a fraction or exponent", start);
  if (!negative && __builtin_mul_overflow(value, -1, &value))
    return fail("integer out of the int64 range", start);
  out = value;
  return true;
}

bool JsonReader::beginObject() {
  if (!expect('{', "'{'"))
    return false;
  first = true;
  return true;
}

bool JsonReader::beginArray() {
  if (!expect('[', "'['"))
    return false;
  first = true;
  return true;
}

bool JsonReader::nextItem(char close, const char *what) {
  if (failed())
    return false;
  char c = peek();
  if (c == close && pos < text.size()) {
    ++pos;
    first = false;
    return false;
  }
  if (first) {
    first = false;
    return true;
  }
  if (c == ',' && pos < text.size()) {
    ++pos;
    return true;
  }
  return fail(std::string("expected ',' or '") + close + "' " + what +
              " but found " + describeByte(text, pos));
}

bool JsonReader::nextKey(std::string &key) {
  if (!nextItem('}', "in an object"))
    return false;
  if (peek() != '"')
    return fail("expected a string key but found " + describeByte(text, pos));
  lastKey = pos;
  return readString(key) && expect(':', "':' after an object key");
}

bool JsonReader::nextElement() { return nextItem(']', "in an array"); }

bool JsonReader::finish() {
  if (failed())
    return false;
  if (peek() != '\0' || pos < text.size())
    return fail("unexpected " + describeByte(text, pos) +
                " after the end of the JSON value");
  return true;
}
