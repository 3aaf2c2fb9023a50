//===- ApproximateMath.cpp - Polynomial approximations of math functions --===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Transforms/Passes.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlc {
#define GEN_PASS_DEF_MLCAPPROXIMATEMATHPASS
#include "mlc/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;

namespace {
/// Functions that vectorize badly through libm and that upstream
/// approximates well in f32.
constexpr StringLiteral kDefaultFunctions[] = {"exp",  "expm1", "log", "log1p",
                                               "log2", "tanh",  "erf", "sin",
                                               "cos",  "rsqrt"};

struct MLCApproximateMathPass
    : public mlc::impl::MLCApproximateMathPassBase<MLCApproximateMathPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<std::string> names(functions.begin(), functions.end());
    if (names.empty())
      names.assign(std::begin(kDefaultFunctions), std::end(kDefaultFunctions));
    // The patterns ask by full op name (`math.exp`).
    auto selected = [&](StringRef name) {
      name.consume_front("math.");
      return llvm::is_contained(names, name);
    };
    RewritePatternSet patterns(&getContext());
    populateMathF32ExpansionPatterns(patterns, selected);
    populateMathPolynomialApproximationPatterns(patterns, selected);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
