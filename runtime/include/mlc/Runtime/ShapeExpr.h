//===- ShapeExpr.h - Symbolic dimension expressions -------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The dimension expressions of module metadata (`n`, `2 * n`, `(n + 31)
// floordiv 32`, `min(a, b)`) parsed into a small tree and evaluated with
// overflow checks. The grammar is the one mlc::sym prints (without depending
// on it, since the runtime has no MLIR/LLVM dependency):
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | 'floordiv' | 'ceildiv' | 'mod') unary)*
//   unary   := '-' unary | primary
//   primary := integer | identifier | '(' sum ')'
//            | ('min' | 'max') '(' sum (',' sum)+ ')'
//
// Unary minus binds tighter than `*`, so `-2 mod 3` is `(-2) mod 3` = 1.
// `floordiv` rounds towards negative infinity, `ceildiv` towards positive
// infinity, and `mod` has the sign of the divisor.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_SHAPEEXPR_H
#define MLC_RUNTIME_SHAPEEXPR_H

#include "mlc/Runtime/Runtime.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace mlc::rt {

/// Values of the symbolic variables bound so far.
using ShapeEnv = std::unordered_map<std::string, int64_t>;

/// An expression of the form `coefficient * var + constant`.
struct LinearForm {
  std::string var;
  int64_t coefficient = 0;
  int64_t constant = 0;
};

class MLC_RUNTIME_EXPORT ShapeExpr {
public:
  enum class Kind : uint8_t {
    Constant,
    Var,
    Neg,
    Add,
    Sub,
    Mul,
    FloorDiv,
    CeilDiv,
    Mod,
    Min,
    Max
  };

  /// Parses all of `text`. On failure `error` says what and where.
  static bool parse(const std::string &text, ShapeExpr &out,
                    std::string &error);

  /// Parses the expression that starts at `pos` and stops before the first
  /// character that cannot continue it (e.g. `,` or `]`); advances `pos`.
  static bool parsePrefix(const std::string &text, size_t &pos, ShapeExpr &out,
                          std::string &error);

  /// Evaluates with the variables of `env`. Fails on an unbound variable,
  /// a division by zero or an int64 overflow.
  bool evaluate(const ShapeEnv &env, int64_t &value, std::string &error) const;

  /// Whether the expression is linear in exactly one variable: built only
  /// from integer constants, that variable, `+`, `-`, unary minus and `*`
  /// with an operand free of the variable, with a non-zero coefficient
  /// (`2 * n`, `n + 1`, `4 * (n - 1)`; not `n * n`, `n floordiv 2`, `n - n`
  /// or `m + n`). Such a dim binds its variable (see Check.h).
  bool linearForm(LinearForm &out) const;

  /// The integer `x` for which the expression, linear as `form` describes,
  /// equals `value` with `form.var` = x; false if there is none.
  bool solveLinear(const LinearForm &form, int64_t value,
                   int64_t &solution) const;

  /// Whether the expression is a bare variable (`n`), which binds it.
  bool isVar() const { return !nodes.empty() && root().kind == Kind::Var; }
  bool isConstant() const {
    return !nodes.empty() && root().kind == Kind::Constant;
  }
  const std::string &varName() const { return root().name; }

  /// The variables in order of first appearance, each once.
  std::vector<std::string> vars() const;

  /// The expression as written (trimmed).
  const std::string &str() const { return text; }

private:
  friend class ShapeExprParser;
  struct Node {
    Kind kind;
    int64_t value = 0; // Constant
    std::string name;  // Var
    int32_t lhs = -1;  // operands (Neg uses lhs only)
    int32_t rhs = -1;
  };
  const Node &root() const { return nodes.back(); }
  bool evaluateNode(int32_t index, const ShapeEnv &env, int64_t &value,
                    std::string &error) const;

  // Nodes in post order: operands precede their users, the root is last.
  std::vector<Node> nodes;
  std::string text;
};

} // namespace mlc::rt

#endif // MLC_RUNTIME_SHAPEEXPR_H
