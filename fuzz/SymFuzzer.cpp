//===- SymFuzzer.cpp - mlc::sym against an independent evaluator ----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The input is two expressions in mlc::sym's syntax, separated by a newline.
// Each that parses must:
//   - print and parse back to the same canonical expression;
//   - evaluate, under sampled values of its variables, to what an
//     independent evaluator of the *text* computes (no canonical form, no
//     shared code), wherever both are defined;
// and for the pair, every proof the analyzer gives (==, <=, <) must hold
// under every sample where both sides are defined.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Analyzer.h"
#include "mlc/Support/Symbolic/Expr.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>

using namespace mlc;

namespace {
/// A recursive-descent evaluator of the printed grammar, with floor
/// division and floor modulus; nullopt on a syntax error, an unbound
/// variable, a zero divisor or an overflow.
class TextEvaluator {
public:
  TextEvaluator(llvm::StringRef text, const llvm::StringMap<int64_t> &env)
      : text(text), env(env) {}

  std::optional<int64_t> run() {
    std::optional<int64_t> value = expr();
    skip();
    if (pos != text.size())
      return std::nullopt;
    return value;
  }

private:
  void skip() {
    while (pos < text.size() && std::isspace(text[pos]))
      ++pos;
  }
  bool eat(llvm::StringRef token) {
    skip();
    if (!text.substr(pos).starts_with(token))
      return false;
    // A word must not run into an identifier.
    if (std::isalpha(token.back()) && pos + token.size() < text.size() &&
        (std::isalnum(text[pos + token.size()]) ||
         text[pos + token.size()] == '_'))
      return false;
    pos += token.size();
    return true;
  }
  static std::optional<int64_t> combine(char op, std::optional<int64_t> a,
                                        std::optional<int64_t> b) {
    if (!a || !b)
      return std::nullopt;
    int64_t r;
    switch (op) {
    case '+':
      return __builtin_add_overflow(*a, *b, &r) ? std::nullopt
                                                : std::optional(r);
    case '-':
      return __builtin_sub_overflow(*a, *b, &r) ? std::nullopt
                                                : std::optional(r);
    case '*':
      return __builtin_mul_overflow(*a, *b, &r) ? std::nullopt
                                                : std::optional(r);
    case '/': { // floordiv
      if (*b == 0 || (*a == INT64_MIN && *b == -1))
        return std::nullopt;
      int64_t q = *a / *b;
      if ((*a % *b != 0) && ((*a < 0) != (*b < 0)))
        --q;
      return q;
    }
    case 'c': { // ceildiv
      if (*b == 0 || (*a == INT64_MIN && *b == -1))
        return std::nullopt;
      int64_t q = *a / *b;
      if ((*a % *b != 0) && ((*a < 0) == (*b < 0)))
        ++q;
      return q;
    }
    case '%': { // floor modulus: the sign of the divisor
      if (*b == 0 || (*a == INT64_MIN && *b == -1))
        return std::nullopt;
      int64_t m = *a % *b;
      if (m != 0 && ((m < 0) != (*b < 0)))
        m += *b;
      return m;
    }
    }
    return std::nullopt;
  }
  std::optional<int64_t> expr() {
    std::optional<int64_t> value = term();
    while (true) {
      if (eat("+"))
        value = combine('+', value, term());
      else if (eat("-"))
        value = combine('-', value, term());
      else
        return value;
    }
  }
  std::optional<int64_t> term() {
    std::optional<int64_t> value = unary();
    while (true) {
      if (eat("*"))
        value = combine('*', value, unary());
      else if (eat("floordiv"))
        value = combine('/', value, unary());
      else if (eat("ceildiv"))
        value = combine('c', value, unary());
      else if (eat("mod"))
        value = combine('%', value, unary());
      else
        return value;
    }
  }
  std::optional<int64_t> unary() {
    if (eat("-"))
      return combine('-', 0, unary());
    return primary();
  }
  std::optional<int64_t> primary() {
    skip();
    if (eat("(")) {
      std::optional<int64_t> value = expr();
      return eat(")") ? value : std::nullopt;
    }
    for (bool isMin : {true, false})
      if (eat(isMin ? "min" : "max")) {
        if (!eat("("))
          return std::nullopt;
        std::optional<int64_t> value = expr();
        int count = 1;
        while (eat(",")) {
          std::optional<int64_t> next = expr();
          if (!value || !next)
            value = std::nullopt;
          else
            value = isMin ? std::min(*value, *next) : std::max(*value, *next);
          ++count;
        }
        return eat(")") && count >= 2 ? value : std::nullopt;
      }
    size_t start = pos;
    if (pos < text.size() && std::isdigit(text[pos])) {
      while (pos < text.size() && std::isdigit(text[pos]))
        ++pos;
      int64_t value;
      if (text.substr(start, pos - start).getAsInteger(10, value))
        return std::nullopt;
      return value;
    }
    while (pos < text.size() && (std::isalnum(text[pos]) || text[pos] == '_'))
      ++pos;
    if (pos == start)
      return std::nullopt;
    auto it = env.find(text.substr(start, pos - start));
    if (it == env.end())
      return std::nullopt;
    return it->second;
  }

  llvm::StringRef text;
  const llvm::StringMap<int64_t> &env;
  size_t pos = 0;
};

[[noreturn]] void fail(const std::string &what) {
  llvm::errs() << "mlc-sym-fuzzer: " << what << "\n";
  std::abort();
}

/// Sampled values: small ones, signs, and a few large ones.
constexpr int64_t kSamples[] = {0,  1,  2,  3,   5,   7,      -1,
                                -2, -7, 32, 100, -64, 1 << 20};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sym::Context *context = new sym::Context();
  llvm::StringRef input(reinterpret_cast<const char *>(data), size);
  if (input.size() > 512)
    return 0;
  auto [lhsText, rhsText] = input.split('\n');
  sym::Expr exprs[2];
  llvm::StringRef texts[2] = {lhsText, rhsText};
  for (int i = 0; i < 2; ++i) {
    llvm::FailureOr<sym::Expr> parsed = sym::parseExpr(*context, texts[i]);
    if (failed(parsed))
      return 0;
    exprs[i] = *parsed;
    std::string printed;
    llvm::raw_string_ostream os(printed);
    os << exprs[i];
    llvm::FailureOr<sym::Expr> back = sym::parseExpr(*context, printed);
    if (failed(back) || *back != exprs[i])
      fail("'" + texts[i].str() + "' prints as '" + printed +
           "', which does not parse back to it");
  }
  llvm::SmallVector<llvm::StringRef> vars;
  sym::collectVars(exprs[0], vars);
  sym::collectVars(exprs[1], vars);
  sym::Analyzer analyzer;
  sym::Proof equal = analyzer.proveEqual(exprs[0], exprs[1]);
  sym::Proof le = analyzer.proveLE(exprs[0], exprs[1]);
  sym::Proof lt = analyzer.proveLT(exprs[0], exprs[1]);
  // Each variable takes a sample chosen from the input's bytes.
  for (size_t round = 0; round < 16; ++round) {
    llvm::StringMap<int64_t> env;
    for (auto [index, var] : llvm::enumerate(vars))
      env[var] = kSamples[(data[(index + round) % size] + round * 7 + index) %
                          std::size(kSamples)];
    std::optional<int64_t> values[2];
    for (int i = 0; i < 2; ++i) {
      llvm::FailureOr<int64_t> canonical = sym::evaluate(exprs[i], env);
      std::optional<int64_t> reference = TextEvaluator(texts[i], env).run();
      // Where both are defined they agree (the canonical form may avoid an
      // overflow or a division the text has, and the other way round).
      if (succeeded(canonical) && reference && *canonical != *reference)
        fail("'" + texts[i].str() + "' evaluates to " +
             std::to_string(*canonical) + " but the text gives " +
             std::to_string(*reference));
      if (succeeded(canonical) && reference)
        values[i] = *canonical;
    }
    if (!values[0] || !values[1])
      continue;
    auto check = [&](sym::Proof proof, bool holds, const char *what) {
      if ((proof == sym::Proof::True && !holds) ||
          (proof == sym::Proof::False && holds))
        fail(std::string("the prover got '") + texts[0].str() + "' " + what +
             " '" + texts[1].str() + "' wrong at values " +
             std::to_string(*values[0]) + " and " + std::to_string(*values[1]));
    };
    check(equal, *values[0] == *values[1], "==");
    check(le, *values[0] <= *values[1], "<=");
    check(lt, *values[0] < *values[1], "<");
  }
  return 0;
}
