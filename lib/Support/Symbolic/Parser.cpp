//===- Parser.cpp - Parsing symbolic expressions --------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// A recursive-descent parser for the syntax printed by `Expr::print`. Every
// node is built through the canonicalizing constructors.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Expr.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlc::sym;

namespace {
class Parser {
public:
  Parser(Context &ctx, llvm::StringRef text, std::string *error)
      : ctx(ctx), text(text), error(error) {}

  llvm::FailureOr<Expr> parseTopLevel() {
    llvm::FailureOr<Expr> result = parseSum();
    if (failed(result))
      return llvm::failure();
    skipSpace();
    if (pos != text.size())
      return fail("unexpected '" + text.substr(pos, 1) + "'");
    return result;
  }

private:
  /// Bounds recursion so that hostile input cannot overflow the stack.
  static constexpr unsigned kMaxDepth = 256;

  llvm::LogicalResult fail(const llvm::Twine &message) {
    return failAt(message, pos);
  }
  llvm::LogicalResult failAt(const llvm::Twine &message, size_t at) {
    if (error)
      *error = (message + " at position " + llvm::Twine(at)).str();
    return llvm::failure();
  }

  void skipSpace() {
    while (pos < text.size() && llvm::isSpace(text[pos]))
      ++pos;
  }

  /// Consumes `c` after optional whitespace.
  bool consume(char c) {
    skipSpace();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }

  /// The identifier or keyword at the current position (empty if none).
  llvm::StringRef peekWord() {
    skipSpace();
    size_t end = pos;
    if (end < text.size() && (llvm::isAlpha(text[end]) || text[end] == '_')) {
      while (end < text.size() &&
             (llvm::isAlnum(text[end]) || text[end] == '_'))
        ++end;
    }
    return text.slice(pos, end);
  }

  static bool isKeyword(llvm::StringRef word) {
    return llvm::is_contained({"floordiv", "ceildiv", "mod", "min", "max"},
                              word);
  }

  /// sum := product (('+' | '-') product)*
  llvm::FailureOr<Expr> parseSum() {
    if (++depth > kMaxDepth)
      return fail("expression nested too deeply");
    llvm::FailureOr<Expr> result = parseProduct();
    while (succeeded(result)) {
      bool isAdd = consume('+');
      if (!isAdd && !consume('-'))
        break;
      llvm::FailureOr<Expr> rhs = parseProduct();
      if (failed(rhs))
        return llvm::failure();
      result = isAdd ? *result + *rhs : *result - *rhs;
    }
    --depth;
    return result;
  }

  /// product := unary (('*' | 'floordiv' | 'ceildiv' | 'mod') unary)*
  llvm::FailureOr<Expr> parseProduct() {
    llvm::FailureOr<Expr> result = parseUnary();
    while (succeeded(result)) {
      size_t opPos = pos;
      llvm::StringRef op;
      if (consume('*')) {
        op = "*";
      } else {
        op = peekWord();
        if (op != "floordiv" && op != "ceildiv" && op != "mod")
          break;
        opPos = pos;
        pos += op.size();
      }
      llvm::FailureOr<Expr> rhs = parseUnary();
      if (failed(rhs))
        return llvm::failure();
      if (op == "*") {
        result = *result * *rhs;
        continue;
      }
      std::string divError;
      result = op == "floordiv"  ? floorDiv(*result, *rhs, &divError)
               : op == "ceildiv" ? ceilDiv(*result, *rhs, &divError)
                                 : mod(*result, *rhs, &divError);
      if (failed(result))
        return failAt(divError, opPos);
    }
    return result;
  }

  /// unary := '-' unary | primary
  llvm::FailureOr<Expr> parseUnary() {
    if (!consume('-'))
      return parsePrimary();
    skipSpace();
    // A negated literal is folded here so that -9223372036854775808, whose
    // magnitude does not fit int64, can be written.
    if (pos < text.size() && llvm::isDigit(text[pos]))
      return parseInteger(/*negate=*/true);
    if (++depth > kMaxDepth)
      return fail("expression nested too deeply");
    llvm::FailureOr<Expr> operand = parseUnary();
    --depth;
    if (failed(operand))
      return llvm::failure();
    return -*operand;
  }

  llvm::FailureOr<Expr> parseInteger(bool negate) {
    size_t start = pos;
    while (pos < text.size() && llvm::isDigit(text[pos]))
      ++pos;
    uint64_t magnitude;
    llvm::StringRef digits = text.slice(start, pos);
    uint64_t limit = negate ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX);
    if (digits.getAsInteger(10, magnitude) || magnitude > limit)
      return failAt("integer literal '" + digits + "' out of range", start);
    if (negate)
      return ctx.constant(static_cast<int64_t>(0 - magnitude));
    return ctx.constant(static_cast<int64_t>(magnitude));
  }

  /// primary := integer | identifier | '(' sum ')' | min/max call
  llvm::FailureOr<Expr> parsePrimary() {
    skipSpace();
    if (pos == text.size())
      return fail("expected expression");
    if (llvm::isDigit(text[pos]))
      return parseInteger(/*negate=*/false);
    if (consume('(')) {
      llvm::FailureOr<Expr> inner = parseSum();
      if (failed(inner))
        return llvm::failure();
      if (!consume(')'))
        return fail("expected ')'");
      return inner;
    }
    llvm::StringRef word = peekWord();
    if (word.empty())
      return fail("expected expression");
    size_t wordPos = pos;
    pos += word.size();
    if (word == "min" || word == "max")
      return parseMinMax(word == "min", wordPos);
    if (isKeyword(word))
      return failAt("expected expression, found keyword '" + word + "'",
                    wordPos);
    return ctx.var(word);
  }

  /// `min(a, b, ...)` with at least two arguments.
  llvm::FailureOr<Expr> parseMinMax(bool isMin, size_t wordPos) {
    if (!consume('('))
      return fail(llvm::Twine("expected '(' after '") +
                  (isMin ? "min" : "max") + "'");
    llvm::SmallVector<Expr, 4> arguments;
    do {
      llvm::FailureOr<Expr> argument = parseSum();
      if (failed(argument))
        return llvm::failure();
      arguments.push_back(*argument);
    } while (consume(','));
    if (!consume(')'))
      return fail("expected ',' or ')'");
    if (arguments.size() < 2)
      return failAt(llvm::Twine(isMin ? "min" : "max") +
                        " expects at least two arguments",
                    wordPos);
    Expr result = arguments.front();
    for (Expr argument : llvm::drop_begin(arguments))
      result = isMin ? min(result, argument) : max(result, argument);
    return result;
  }

  Context &ctx;
  llvm::StringRef text;
  std::string *error;
  size_t pos = 0;
  unsigned depth = 0;
};
} // namespace

llvm::FailureOr<Expr> mlc::sym::parseExpr(Context &context,
                                          llvm::StringRef text,
                                          std::string *error) {
  return Parser(context, text, error).parseTopLevel();
}
