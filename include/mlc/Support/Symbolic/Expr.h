//===- Expr.h - Symbolic integer expressions --------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Symbolic int64 expressions used to describe tensor shapes, e.g. `n * m` or
// `(n + 31) floordiv 32 * 32`.
//
// Expressions are immutable, hash-consed nodes owned by a `Context`. Every
// construction canonicalizes, so two expressions built from equal polynomials
// are the same node and `operator==` is a pointer comparison.
//
// Semantics: values are mathematical integers; `floordiv` rounds towards
// negative infinity, `ceildiv` towards positive infinity and `mod` is the
// floor modulus (the result has the sign of the divisor). Canonicalization is
// a refinement: wherever the original expression is defined (no division by
// zero), the canonical form has the same value.
//
// Canonical form:
//  * Sums of products are fully expanded polynomials. A term is a coefficient
//    times a sorted product of "atoms" (variables, divisions, mod, min, max).
//    `Add` operands are the terms, higher degree first and otherwise in the
//    structural order (variables by name), with the constant last; `Mul`
//    operands are the coefficient (omitted when 1) followed by the sorted
//    atoms. Expansions beyond 64 terms are kept unfolded instead.
//  * Divisions by a constant c use `(c*q + r) floordiv c == q + r floordiv c`
//    (likewise ceildiv, mod) for any integers, so they extract the terms that
//    are multiples of c, fold a constant-only remainder (`(4*n + 3) floordiv
//    4` is `n` for every integer n), reduce by the common gcd and merge nested
//    divisions by positive constants. No sign facts are assumed, and the
//    constant of a remaining `(x + k) floordiv c` is kept as written.
//  * Divisions by a single-term symbolic divisor extract its multiples
//    (`(n * m + n) floordiv n` is `m + 1`), assuming the divisor is non-zero.
//  * `min`/`max` are flattened, deduplicated, constant-folded and drop operands
//    bounded by another one through a constant difference or absorption
//    (`min(n, n + 1)` and `min(n, max(n, m))` are `n`).
//
// Printing: infix `+ - * floordiv ceildiv mod` and binary `min(a, b)` /
// `max(a, b)`, with positive terms first (`2 * n - m`, `5 - n`), the
// coefficient first (`2 * n`) except after a leading division (`(n + 31)
// floordiv 32 * 32`), and parentheses only where precedence requires them.
// `parseExpr` reads this syntax back to the same node.
//
// Overflow policy: constant folding never wraps. When combining coefficients
// or folding constants would overflow int64, the operation is kept unfolded as
// an opaque node (for example `1 + 9223372036854775807`) that the rest of the
// canonicalizer treats as an atom, and `evaluate` reports the overflow. Such
// nodes are deterministic (operands are sorted first) but, unlike overflow-free
// expressions, equal values built along different paths may then differ.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_SUPPORT_SYMBOLIC_EXPR_H
#define MLC_SUPPORT_SYMBOLIC_EXPR_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMapInfo.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/LogicalResult.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace mlc::sym {

class Context;
class Expr;

/// The node kinds. The declaration order is also the order used to sort
/// operands of different kinds (constants first, then variables, ...).
enum class ExprKind {
  Constant,
  Var,
  Add,
  Mul,
  FloorDiv,
  CeilDiv,
  Mod,
  Min,
  Max
};

namespace detail {
struct ExprNode;
} // namespace detail

/// A lightweight, trivially copyable handle to an interned expression node.
/// A default-constructed handle is null ("no expression").
class Expr {
public:
  Expr() = default;
  explicit Expr(const detail::ExprNode *node) : node(node) {}

  explicit operator bool() const { return node != nullptr; }

  ExprKind getKind() const;
  Context &getContext() const;

  bool isConstant() const { return node && getKind() == ExprKind::Constant; }
  /// Returns the value of a constant expression, std::nullopt otherwise.
  std::optional<int64_t> getConstant() const;

  bool isVar() const { return node && getKind() == ExprKind::Var; }
  /// Returns the name of a variable. Only valid for `Var` expressions.
  llvm::StringRef getVarName() const;

  /// Returns the children in canonical order (empty for constants and vars).
  llvm::ArrayRef<Expr> getOperands() const;

  /// True for an `Add`/`Mul` node whose folding would have overflowed int64;
  /// such a node keeps its operands as written and is treated as an atom.
  bool isUnfolded() const;

  /// Nodes of the expression written out as a tree: every use of a shared
  /// subexpression counts (saturating). Printing is linear in it.
  uint32_t getTreeSize() const;

  /// Interning plus canonicalization make pointer equality structural
  /// equality.
  bool operator==(Expr other) const { return node == other.node; }
  bool operator!=(Expr other) const { return node != other.node; }

  /// A deterministic structural total order (independent of addresses), used
  /// to sort operands canonically. The null expression sorts first.
  bool operator<(Expr other) const;

  void print(llvm::raw_ostream &os) const;
  std::string str() const;

  const void *getAsOpaquePointer() const { return node; }
  static Expr getFromOpaquePointer(const void *ptr) {
    return Expr(static_cast<const detail::ExprNode *>(ptr));
  }

  const detail::ExprNode *getImpl() const { return node; }

private:
  const detail::ExprNode *node = nullptr;
};

/// Three-way structural comparison behind `Expr::operator<`.
int compare(Expr lhs, Expr rhs);

inline llvm::hash_code hash_value(Expr e) {
  return llvm::hash_value(e.getAsOpaquePointer());
}

llvm::raw_ostream &operator<<(llvm::raw_ostream &os, Expr e);

namespace detail {
/// The interned storage behind an `Expr`. Immutable once created.
struct ExprNode {
  ExprKind kind;
  /// Set for Add/Mul nodes kept unfolded because folding overflowed.
  bool unfolded;
  /// The value of a `Constant`.
  int64_t value;
  /// The name of a `Var` (storage owned by the context).
  llvm::StringRef name;
  /// Operands (storage owned by the context).
  llvm::ArrayRef<Expr> operands;
  Context *context;
  /// Nodes of the expression written out as a tree (shared subexpressions
  /// counted at every use), saturating at UINT32_MAX: what printing costs.
  uint32_t treeSize;
};
} // namespace detail

inline ExprKind Expr::getKind() const {
  assert(node && "null expression");
  return node->kind;
}
inline Context &Expr::getContext() const {
  assert(node && "null expression");
  return *node->context;
}
inline llvm::ArrayRef<Expr> Expr::getOperands() const {
  assert(node && "null expression");
  return node->operands;
}
inline bool Expr::isUnfolded() const { return node && node->unfolded; }

/// Owns and interns all expression nodes. Interning is guarded by a mutex so a
/// context may be shared between threads; the nodes themselves are immutable.
class Context {
public:
  Context();
  ~Context();
  Context(const Context &) = delete;
  Context &operator=(const Context &) = delete;

  Expr constant(int64_t value);
  /// Variables are identified by their name within a context.
  Expr var(llvm::StringRef name);

  /// Low-level uniquing of a node with exactly the given operands. No
  /// canonicalization happens here; use the free functions below instead.
  Expr getNode(ExprKind kind, llvm::ArrayRef<Expr> operands,
               bool unfolded = false);

private:
  struct Impl;
  Expr intern(ExprKind kind, int64_t value, llvm::StringRef name,
              llvm::ArrayRef<Expr> operands, bool unfolded);
  std::unique_ptr<Impl> impl;
};

//===----------------------------------------------------------------------===//
// Canonicalizing construction
//===----------------------------------------------------------------------===//

Expr operator+(Expr lhs, Expr rhs);
Expr operator-(Expr lhs, Expr rhs);
Expr operator*(Expr lhs, Expr rhs);
Expr operator-(Expr e);
Expr operator+(Expr lhs, int64_t rhs);
Expr operator-(Expr lhs, int64_t rhs);
Expr operator*(Expr lhs, int64_t rhs);
Expr operator+(int64_t lhs, Expr rhs);
Expr operator-(int64_t lhs, Expr rhs);
Expr operator*(int64_t lhs, Expr rhs);

/// Division and modulus fail (setting `*error` when given) only when the
/// divisor canonicalizes to the constant zero. A symbolic divisor is assumed to
/// be non-zero wherever the expression is evaluated.
llvm::FailureOr<Expr> floorDiv(Expr lhs, Expr rhs,
                               std::string *error = nullptr);
llvm::FailureOr<Expr> ceilDiv(Expr lhs, Expr rhs, std::string *error = nullptr);
llvm::FailureOr<Expr> mod(Expr lhs, Expr rhs, std::string *error = nullptr);
Expr min(Expr lhs, Expr rhs);
Expr max(Expr lhs, Expr rhs);
Expr min(Expr lhs, int64_t rhs);
Expr max(Expr lhs, int64_t rhs);
Expr min(int64_t lhs, Expr rhs);
Expr max(int64_t lhs, Expr rhs);

//===----------------------------------------------------------------------===//
// Queries and transformations
//===----------------------------------------------------------------------===//

/// Appends the variables of `e` in first-occurrence (pre-order) order, each
/// once. Names already present in `vars` are not appended again.
void collectVars(Expr e, llvm::SmallVectorImpl<llvm::StringRef> &vars);
bool containsVar(Expr e, llvm::StringRef name);

/// `e` as `coefficient * var + constant`.
struct LinearForm {
  int64_t coefficient;
  int64_t constant;
};

/// The linear form of `e` in `var` when `e` is built only from constants,
/// `var`, additions and multiplications by constants (no other variable, no
/// division, min or max) and the coefficient is non-zero; nullopt otherwise
/// (also on int64 overflow). This is the rule by which a compound dim such as
/// `2 * n` defines `n` (docs/Relax.md), shared with the runtime.
std::optional<LinearForm> getLinearForm(Expr e, llvm::StringRef var);

/// Replaces variables by expressions (of the same context) and
/// re-canonicalizes. Fails if a divisor becomes the constant zero.
llvm::FailureOr<Expr> substitute(Expr e, const llvm::StringMap<Expr> &bindings,
                                 std::string *error = nullptr);

/// Evaluates `e` with every variable bound. Fails on an unbound variable, on a
/// division by zero, and when the value of any node does not fit int64.
llvm::FailureOr<int64_t> evaluate(Expr e,
                                  const llvm::StringMap<int64_t> &bindings,
                                  std::string *error = nullptr);

/// Parses the printed syntax:
///   expr    := term (('+' | '-') term)*
///   term    := unary (('*' | 'floordiv' | 'ceildiv' | 'mod') unary)*
///   unary   := '-' unary | primary
///   primary := integer | identifier | '(' expr ')'
///            | ('min' | 'max') '(' expr (',' expr)+ ')'
/// Errors name the 0-based byte offset: "expected ')' at position 7".
llvm::FailureOr<Expr> parseExpr(Context &context, llvm::StringRef text,
                                std::string *error = nullptr);

} // namespace mlc::sym

namespace llvm {
/// Allows `Expr` as a DenseMap/DenseSet key.
template <> struct DenseMapInfo<mlc::sym::Expr> {
  static mlc::sym::Expr getEmptyKey() {
    return mlc::sym::Expr::getFromOpaquePointer(
        DenseMapInfo<const void *>::getEmptyKey());
  }
  static mlc::sym::Expr getTombstoneKey() {
    return mlc::sym::Expr::getFromOpaquePointer(
        DenseMapInfo<const void *>::getTombstoneKey());
  }
  static unsigned getHashValue(mlc::sym::Expr e) {
    return DenseMapInfo<const void *>::getHashValue(e.getAsOpaquePointer());
  }
  static bool isEqual(mlc::sym::Expr lhs, mlc::sym::Expr rhs) {
    return lhs == rhs;
  }
};
} // namespace llvm

#endif // MLC_SUPPORT_SYMBOLIC_EXPR_H
