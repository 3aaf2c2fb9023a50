//===- SymbolicAsm.cpp - Parse and print symbolic expressions -------------===//
//
// The textual form of symbolic expressions inside attributes and types:
//
//   expr    ::= term (('+' | '-') term)*
//   term    ::= unary (('*' | 'floordiv' | 'ceildiv' | 'mod') unary)*
//   unary   ::= '-' unary | atom
//   atom    ::= integer | bare-id | '(' expr ')'
//             | ('min' | 'max') '(' expr (',' expr)+ ')'
//
// It matches what mlc::sym::Expr::print emits, so types round-trip, and the
// grammar of mlc::sym::parseExpr (the text form that pass options and the
// runtime read): the two accept the same expressions.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/MLC/SymbolicAsm.h"
#include "mlc/Dialect/MLC/MLCDialect.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlc;

namespace {
/// Recursive-descent parser over MLIR's AsmParser token stream. Recursion is
/// bounded by the nesting depth of the text being parsed.
class SymExprParser {
public:
  SymExprParser(AsmParser &parser)
      : parser(parser), ctx(MLCDialect::getSymContext(parser.getContext())) {}

  // NOLINTNEXTLINE(misc-no-recursion)
  ParseResult parseExpr(sym::Expr &result) {
    if (parseTerm(result))
      return failure();
    while (true) {
      bool isPlus = succeeded(parser.parseOptionalPlus());
      if (!isPlus && failed(parser.parseOptionalMinus()))
        return success();
      // `a - b * c` is read as `a + (-b) * c` so that a subtracted literal
      // may be 9223372036854775808 (INT64_MIN as the printer writes it).
      sym::Expr rhs;
      if (parseTerm(rhs, /*negateFirst=*/!isPlus))
        return failure();
      result = result + rhs;
    }
  }

private:
  // NOLINTNEXTLINE(misc-no-recursion)
  ParseResult parseTerm(sym::Expr &result, bool negateFirst = false) {
    if (negateFirst ? parseNegated(result) : parseUnary(result))
      return failure();
    while (true) {
      SMLoc loc = parser.getCurrentLocation();
      if (succeeded(parser.parseOptionalStar())) {
        sym::Expr rhs;
        if (parseUnary(rhs))
          return failure();
        result = result * rhs;
        continue;
      }
      StringRef op;
      if (succeeded(parser.parseOptionalKeyword("floordiv")))
        op = "floordiv";
      else if (succeeded(parser.parseOptionalKeyword("ceildiv")))
        op = "ceildiv";
      else if (succeeded(parser.parseOptionalKeyword("mod")))
        op = "mod";
      else
        return success();
      sym::Expr rhs;
      if (parseUnary(rhs))
        return failure();
      std::string error;
      FailureOr<sym::Expr> combined =
          op == "floordiv"  ? sym::floorDiv(result, rhs, &error)
          : op == "ceildiv" ? sym::ceilDiv(result, rhs, &error)
                            : sym::mod(result, rhs, &error);
      if (failed(combined))
        return parser.emitError(loc)
               << "invalid symbolic expression: " << error;
      result = *combined;
    }
  }

  // NOLINTNEXTLINE(misc-no-recursion)
  ParseResult parseUnary(sym::Expr &result) {
    if (succeeded(parser.parseOptionalMinus()))
      return parseNegated(result);
    return parseAtom(result);
  }

  /// Parses what follows a minus sign and negates it. A literal is negated
  /// as one number: -9223372036854775808 has no positive counterpart in
  /// int64.
  // NOLINTNEXTLINE(misc-no-recursion)
  ParseResult parseNegated(sym::Expr &result) {
    DepthGuard guard(*this);
    if (guard.tooDeep())
      return guard.error();
    if (succeeded(parser.parseOptionalMinus())) {
      if (parseNegated(result))
        return failure();
      result = -result;
      return success();
    }
    return parseAtom(result, /*negate=*/true);
  }

  /// An integer, a variable, `min(a, b)`, `max(a, b)` or `( expr )`,
  /// negated when `negate` is set. Callers consume every minus sign first:
  /// MLIR's integer parser would otherwise take one itself.
  // NOLINTNEXTLINE(misc-no-recursion)
  ParseResult parseAtom(sym::Expr &result, bool negate = false) {
    bool negatedLiteral = false;
    if (failed(parseAtomValue(result, negate, negatedLiteral)))
      return failure();
    if (negate && !negatedLiteral)
      result = -result;
    return success();
  }

  /// Parses an atom; a literal is negated here when `negate` is set (and
  /// `negatedLiteral` tells so), everything else by the caller.
  // NOLINTNEXTLINE(misc-no-recursion)
  ParseResult parseAtomValue(sym::Expr &result, bool negate,
                             bool &negatedLiteral) {
    if (succeeded(parser.parseOptionalLParen())) {
      DepthGuard guard(*this);
      if (guard.tooDeep())
        return guard.error();
      if (parseExpr(result) || parser.parseRParen())
        return failure();
      return success();
    }
    SMLoc loc = parser.getCurrentLocation();
    StringRef name;
    if (succeeded(parser.parseOptionalKeyword(&name)))
      return parseNamed(loc, name, result);
    APInt magnitude;
    OptionalParseResult integer = parser.parseOptionalInteger(magnitude);
    if (!integer.has_value())
      return parser.emitError(loc, "expected a symbolic expression (an "
                                   "integer, a variable name or '(')");
    if (failed(*integer))
      return failure();
    APInt value = magnitude.zext(magnitude.getBitWidth() + 1);
    if (negate)
      value.negate();
    if (value.getSignificantBits() > 64)
      return parser.emitError(loc, "integer ")
             << (negate ? "-" : "")
             << llvm::toString(magnitude, 10, /*Signed=*/false)
             << " does not fit in int64";
    result = ctx.constant(value.getSExtValue());
    negatedLiteral = negate;
    return success();
  }

  /// A variable, or `min(a, b, ...)` / `max(a, b, ...)`.
  // NOLINTNEXTLINE(misc-no-recursion)
  ParseResult parseNamed(SMLoc loc, StringRef name, sym::Expr &result) {
    if (name == "floordiv" || name == "ceildiv" || name == "mod")
      return parser.emitError(loc)
             << "'" << name << "' is an operator, not a variable name";
    // MLIR's integer parser would read these as 1 and 0.
    if (name == "true" || name == "false")
      return parser.emitError(loc)
             << "expected a symbolic expression, got '" << name << "'";
    if ((name == "min" || name == "max") &&
        succeeded(parser.parseOptionalLParen())) {
      DepthGuard guard(*this);
      if (guard.tooDeep())
        return guard.error();
      // n-ary, as mlc::sym prints min(n, m, 4).
      if (parseExpr(result) || parser.parseComma())
        return failure();
      do {
        sym::Expr operand;
        if (parseExpr(operand))
          return failure();
        result = name == "min" ? sym::min(result, operand)
                               : sym::max(result, operand);
      } while (succeeded(parser.parseOptionalComma()));
      return parser.parseRParen();
    }
    // The runtime's metadata grammar names variables with C identifiers and
    // reads min/max as functions; a name it cannot read never gets in.
    if (name == "min" || name == "max")
      return parser.emitError(loc) << "'" << name << "' is a function (" << name
                                   << "(a, b, ...)), not a variable name";
    if (!llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; }))
      return parser.emitError(loc)
             << "symbolic variable names are C identifiers "
                "([A-Za-z_][A-Za-z0-9_]*), got '"
             << name << "'";
    result = ctx.var(name);
    return success();
  }

  /// Bounds the recursion, so deeply nested text is an error, not a stack
  /// overflow.
  class DepthGuard {
  public:
    explicit DepthGuard(SymExprParser &owner) : owner(owner) { ++owner.depth; }
    ~DepthGuard() { --owner.depth; }
    bool tooDeep() const { return owner.depth > kMaxDepth; }
    ParseResult error() const {
      return owner.parser.emitError(owner.parser.getCurrentLocation(),
                                    "symbolic expression nested too deeply");
    }

  private:
    SymExprParser &owner;
  };
  static constexpr unsigned kMaxDepth = 256;
  unsigned depth = 0;

  AsmParser &parser;
  sym::Context &ctx;
};
} // namespace

ParseResult mlc::parseSymExpr(AsmParser &parser, sym::Expr &result) {
  return SymExprParser(parser).parseExpr(result);
}

ParseResult mlc::parseSymDims(AsmParser &parser,
                              SmallVectorImpl<sym::Expr> &dims, bool *ranked,
                              bool allowUnknown) {
  if (ranked) {
    *ranked = failed(parser.parseOptionalStar());
    if (!*ranked)
      return success();
  }
  return parser.parseCommaSeparatedList(
      AsmParser::Delimiter::Square, [&]() -> ParseResult {
        SMLoc loc = parser.getCurrentLocation();
        if (succeeded(parser.parseOptionalQuestion())) {
          if (!allowUnknown)
            return parser.emitError(loc, "'?' (an unknown value) is not "
                                         "allowed here");
          dims.push_back(sym::Expr());
          return success();
        }
        return parseSymExpr(parser, dims.emplace_back());
      });
}

std::string mlc::dimToString(sym::Expr dim) {
  return dim ? dim.str() : std::string("?");
}

std::string mlc::dimsToString(ArrayRef<sym::Expr> dims) {
  std::string text = "[";
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(dims, os,
                        [&](sym::Expr dim) { os << dimToString(dim); });
  os << ']';
  return text;
}

void mlc::printSymDims(AsmPrinter &printer, ArrayRef<sym::Expr> dims,
                       bool ranked) {
  if (!ranked)
    printer.getStream() << '*';
  else
    printer.getStream() << dimsToString(dims);
}
