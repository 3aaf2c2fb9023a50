//===- ShapeExpr.cpp - Symbolic dimension expressions ---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// A recursive-descent parser that appends nodes in post order, so that
// evaluation is a single loop (no recursion, however long the expression).
// Recursion in the parser is bounded so that hostile metadata cannot
// overflow the stack.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/ShapeExpr.h"

#include <algorithm>
#include <cctype>

using namespace mlc::rt;

namespace mlc::rt {
class ShapeExprParser {
public:
  ShapeExprParser(const std::string &text, size_t pos, ShapeExpr &out,
                  std::string &error)
      : text(text), pos(pos), out(out), error(error) {}

  bool run(size_t &end) {
    out.nodes.clear();
    skipSpace();
    size_t start = pos;
    if (!parseSum())
      return false;
    end = pos;
    size_t last = pos;
    while (last > start &&
           std::isspace(static_cast<unsigned char>(text[last - 1])))
      --last;
    out.text = text.substr(start, last - start);
    return true;
  }

private:
  using Kind = ShapeExpr::Kind;
  static constexpr unsigned kMaxDepth = 256;

  bool fail(const std::string &message, size_t at) {
    error = message + " at column " + std::to_string(at + 1);
    return false;
  }

  void skipSpace() {
    while (pos < text.size() &&
           std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }

  bool consume(char c) {
    skipSpace();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }

  static bool isIdentStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
  }
  static bool isIdentChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  }

  std::string peekWord() {
    skipSpace();
    size_t end = pos;
    if (end < text.size() && isIdentStart(text[end]))
      while (end < text.size() && isIdentChar(text[end]))
        ++end;
    return text.substr(pos, end - pos);
  }

  int32_t add(Kind kind, int32_t lhs = -1, int32_t rhs = -1) {
    ShapeExpr::Node node;
    node.kind = kind;
    node.lhs = lhs;
    node.rhs = rhs;
    out.nodes.push_back(std::move(node));
    return static_cast<int32_t>(out.nodes.size() - 1);
  }

  bool parseSum() {
    if (++depth > kMaxDepth)
      return fail("expression nested too deeply", pos);
    if (!parseProduct())
      return false;
    int32_t lhs = static_cast<int32_t>(out.nodes.size() - 1);
    for (;;) {
      Kind kind;
      if (consume('+'))
        kind = Kind::Add;
      else if (consume('-'))
        kind = Kind::Sub;
      else
        break;
      if (!parseProduct())
        return false;
      lhs = add(kind, lhs, static_cast<int32_t>(out.nodes.size() - 1));
    }
    --depth;
    return true;
  }

  bool parseProduct() {
    if (!parseUnary())
      return false;
    int32_t lhs = static_cast<int32_t>(out.nodes.size() - 1);
    for (;;) {
      Kind kind;
      if (consume('*')) {
        kind = Kind::Mul;
      } else {
        std::string word = peekWord();
        if (word == "floordiv")
          kind = Kind::FloorDiv;
        else if (word == "ceildiv")
          kind = Kind::CeilDiv;
        else if (word == "mod")
          kind = Kind::Mod;
        else
          break;
        pos += word.size();
      }
      if (!parseUnary())
        return false;
      lhs = add(kind, lhs, static_cast<int32_t>(out.nodes.size() - 1));
    }
    return true;
  }

  bool parseUnary() {
    if (!consume('-'))
      return parsePrimary();
    skipSpace();
    // Folding a negated literal lets -9223372036854775808 be written.
    if (pos < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[pos])))
      return parseInteger(/*negate=*/true);
    if (++depth > kMaxDepth)
      return fail("expression nested too deeply", pos);
    if (!parseUnary())
      return false;
    --depth;
    add(Kind::Neg, static_cast<int32_t>(out.nodes.size() - 1));
    return true;
  }

  bool parseInteger(bool negate) {
    size_t start = pos;
    uint64_t magnitude = 0;
    uint64_t limit = negate ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX);
    bool tooLarge = false;
    while (pos < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[pos]))) {
      unsigned digit = text[pos] - '0';
      if (magnitude > (limit - digit) / 10)
        tooLarge = true;
      else
        magnitude = magnitude * 10 + digit;
      ++pos;
    }
    if (tooLarge)
      return fail("integer literal '" + text.substr(start, pos - start) +
                      "' out of range",
                  start);
    int32_t index = add(Kind::Constant);
    out.nodes[index].value = negate ? static_cast<int64_t>(0 - magnitude)
                                    : static_cast<int64_t>(magnitude);
    return true;
  }

  bool parsePrimary() {
    skipSpace();
    if (pos == text.size())
      return fail("expected expression", pos);
    if (std::isdigit(static_cast<unsigned char>(text[pos])))
      return parseInteger(/*negate=*/false);
    if (consume('(')) {
      if (!parseSum())
        return false;
      if (!consume(')'))
        return fail("expected ')'", pos);
      return true;
    }
    std::string word = peekWord();
    if (word.empty())
      return fail(std::string("unexpected '") + text[pos] + "'", pos);
    size_t wordPos = pos;
    pos += word.size();
    if (word == "min" || word == "max")
      return parseMinMax(word == "min" ? Kind::Min : Kind::Max, word, wordPos);
    if (word == "floordiv" || word == "ceildiv" || word == "mod")
      return fail("expected expression, found keyword '" + word + "'", wordPos);
    int32_t index = add(Kind::Var);
    out.nodes[index].name = std::move(word);
    return true;
  }

  bool parseMinMax(Kind kind, const std::string &word, size_t wordPos) {
    if (!consume('('))
      return fail("expected '(' after '" + word + "'", pos);
    if (!parseSum())
      return false;
    int32_t lhs = static_cast<int32_t>(out.nodes.size() - 1);
    unsigned count = 1;
    while (consume(',')) {
      if (!parseSum())
        return false;
      lhs = add(kind, lhs, static_cast<int32_t>(out.nodes.size() - 1));
      ++count;
    }
    if (!consume(')'))
      return fail("expected ',' or ')'", pos);
    if (count < 2)
      return fail(word + " expects at least two arguments", wordPos);
    return true;
  }

  const std::string &text;
  size_t pos;
  ShapeExpr &out;
  std::string &error;
  unsigned depth = 0;
};
} // namespace mlc::rt

bool ShapeExpr::parsePrefix(const std::string &text, size_t &pos,
                            ShapeExpr &out, std::string &error) {
  size_t end;
  if (!ShapeExprParser(text, pos, out, error).run(end))
    return false;
  pos = end;
  return true;
}

bool ShapeExpr::parse(const std::string &text, ShapeExpr &out,
                      std::string &error) {
  size_t pos = 0;
  if (!parsePrefix(text, pos, out, error))
    return false;
  while (pos < text.size() &&
         std::isspace(static_cast<unsigned char>(text[pos])))
    ++pos;
  if (pos != text.size()) {
    error = std::string("unexpected '") + text[pos] + "' at column " +
            std::to_string(pos + 1);
    return false;
  }
  return true;
}

/// Floor division and modulus; the caller excludes b == 0 and the overflow
/// case INT64_MIN / -1.
static int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0)))
    --q;
  return q;
}
static int64_t ceilDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) == (b < 0)))
    ++q;
  return q;
}
static int64_t floorMod(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}

bool ShapeExpr::evaluate(const ShapeEnv &env, int64_t &value,
                         std::string &error) const {
  if (nodes.empty()) {
    error = "empty expression";
    return false;
  }
  std::vector<int64_t> values(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node &node = nodes[i];
    int64_t a = node.lhs >= 0 ? values[node.lhs] : 0;
    int64_t b = node.rhs >= 0 ? values[node.rhs] : 0;
    int64_t &result = values[i];
    bool overflow = false;
    switch (node.kind) {
    case Kind::Constant:
      result = node.value;
      break;
    case Kind::Var: {
      auto it = env.find(node.name);
      if (it == env.end()) {
        error = "variable '" + node.name + "' is not bound";
        return false;
      }
      result = it->second;
      break;
    }
    case Kind::Neg:
      overflow = __builtin_sub_overflow(int64_t(0), a, &result);
      break;
    case Kind::Add:
      overflow = __builtin_add_overflow(a, b, &result);
      break;
    case Kind::Sub:
      overflow = __builtin_sub_overflow(a, b, &result);
      break;
    case Kind::Mul:
      overflow = __builtin_mul_overflow(a, b, &result);
      break;
    case Kind::FloorDiv:
    case Kind::CeilDiv:
    case Kind::Mod:
      if (b == 0) {
        error = "division by zero";
        return false;
      }
      if (b == -1) {
        // Avoids the undefined INT64_MIN / -1 (and INT64_MIN % -1).
        if (node.kind == Kind::Mod)
          result = 0;
        else
          overflow = __builtin_sub_overflow(int64_t(0), a, &result);
        break;
      }
      result = node.kind == Kind::FloorDiv  ? floorDiv(a, b)
               : node.kind == Kind::CeilDiv ? ceilDiv(a, b)
                                            : floorMod(a, b);
      break;
    case Kind::Min:
      result = std::min(a, b);
      break;
    case Kind::Max:
      result = std::max(a, b);
      break;
    }
    if (overflow) {
      error = "integer overflow";
      return false;
    }
  }
  value = values.back();
  return true;
}

std::vector<std::string> ShapeExpr::vars() const {
  std::vector<std::string> result;
  for (const Node &node : nodes)
    if (node.kind == Kind::Var &&
        std::find(result.begin(), result.end(), node.name) == result.end())
      result.push_back(node.name);
  return result;
}

bool ShapeExpr::linearForm(LinearForm &out) const {
  std::vector<std::string> variables = vars();
  if (variables.size() != 1)
    return false;
  // Structure first: which nodes depend on the variable, and whether every
  // operation on such a node keeps the expression linear.
  std::vector<bool> dependent(nodes.size(), false);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node &node = nodes[i];
    bool lhs = node.lhs >= 0 && dependent[node.lhs];
    bool rhs = node.rhs >= 0 && dependent[node.rhs];
    switch (node.kind) {
    case Kind::Constant:
      break;
    case Kind::Var:
      dependent[i] = true;
      break;
    case Kind::Neg:
    case Kind::Add:
    case Kind::Sub:
      dependent[i] = lhs || rhs;
      break;
    case Kind::Mul:
      if (lhs && rhs)
        return false; // n * n
      dependent[i] = lhs || rhs;
      break;
    default:
      if (lhs || rhs)
        return false; // floordiv, ceildiv, mod, min, max of the variable
      break;
    }
  }
  // The coefficients through the one evaluator: f(x) = a * x + c.
  std::string error;
  int64_t atZero, atOne;
  if (!evaluate({{variables[0], 0}}, atZero, error) ||
      !evaluate({{variables[0], 1}}, atOne, error))
    return false;
  int64_t coefficient;
  if (__builtin_sub_overflow(atOne, atZero, &coefficient) || coefficient == 0)
    return false;
  out.var = variables[0];
  out.coefficient = coefficient;
  out.constant = atZero;
  return true;
}

bool ShapeExpr::solveLinear(const LinearForm &form, int64_t value,
                            int64_t &solution) const {
  int64_t rest;
  if (__builtin_sub_overflow(value, form.constant, &rest))
    return false;
  if (form.coefficient == -1) {
    // Avoids the undefined INT64_MIN / -1.
    if (__builtin_sub_overflow(int64_t(0), rest, &solution))
      return false;
  } else {
    if (rest % form.coefficient != 0)
      return false;
    solution = rest / form.coefficient;
  }
  // The form came from two evaluations; confirm the solution with a third so
  // that an overflow elsewhere in the expression cannot slip through.
  int64_t check;
  std::string error;
  return evaluate({{form.var, solution}}, check, error) && check == value;
}
