//===- NestingDepth.h - Refuse input nested beyond the parser's stack -*- C++
//-*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// MLIR's parser recurses once per nested bracket, so a few thousand `[` in a
// row overflow the stack (found by mlc-schedule-fuzzer; upstream mlir-opt
// crashes the same way). Tools check the text first: real IR nests a few
// dozen levels.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_SUPPORT_NESTINGDEPTH_H
#define MLC_SUPPORT_NESTINGDEPTH_H

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <optional>

namespace mlc {

/// The deepest bracket nesting the tools accept.
inline constexpr size_t kMaxNestingDepth = 512;

/// The offset of the first bracket (`(`, `[`, `{`, `<`) that opens level
/// kMaxNestingDepth + 1 of `text`, outside string literals and `//`
/// comments; nullopt when the text stays within the limit.
inline std::optional<size_t> findExcessiveNesting(llvm::StringRef text) {
  size_t depth = 0;
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < e && text[i] != '"'; ++i)
        if (text[i] == '\\')
          ++i;
    } else if (c == '/' && i + 1 < e && text[i + 1] == '/') {
      while (i < e && text[i] != '\n')
        ++i;
    } else if (c == '(' || c == '[' || c == '{' || c == '<') {
      if (++depth > kMaxNestingDepth)
        return i;
    } else if ((c == ')' || c == ']' || c == '}' || c == '>') && depth > 0) {
      // `->` closes nothing.
      if (!(c == '>' && i > 0 && text[i - 1] == '-'))
        --depth;
    }
  }
  return std::nullopt;
}

} // namespace mlc

#endif // MLC_SUPPORT_NESTINGDEPTH_H
