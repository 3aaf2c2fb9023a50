//===- Creation.cpp - Legalize zeros, ones, full and arange ---------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Kernels without inputs: one spatial block over the result that stores a
// constant (T_full, for zeros, ones and full) or `start + i * step`
// (T_arange). A dim-less result is one store.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

/// One spatial block over the output storing `value(block, indices)`.
template <typename ValueFn>
void buildFill(KernelBuilder &builder, StringRef name, ValueFn value) {
  MLIRContext *ctx = builder.getContext();
  unsigned rank = builder.getOutputType(0).getNumDims();
  SmallVector<IterVar> iterVars;
  for (unsigned dim = 0; dim < rank; ++dim)
    iterVars.push_back({tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
  SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
  Access out{builder.getOutput(0), indices};
  builder.buildBlock(name, iterVars, {}, {out}, [&](BlockBuilder &block) {
    block.store(value(block, indices), out);
  });
}

/// zeros, ones and full: `value` converted to the element type.
template <typename OpTy> class FillPattern : public LegalizePattern<OpTy> {
public:
  FillPattern(MLIRContext *ctx, LegalizeKernelCache &cache,
              std::optional<double> value)
      : LegalizePattern<OpTy>(ctx, cache), value(value) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    double fill = value ? *value : getValue(op);
    KernelSignature signature({}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, "full",
        llvm::formatv("value={0}", fill).str(), [&](KernelBuilder &builder) {
          Type element = builder.getOutputType(0).getElementType();
          buildFill(builder, "T_full", [&](BlockBuilder &block, auto) {
            return createScalarConstant(block.getBuilder(), block.getLoc(),
                                        element, fill);
          });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static double getValue(OpTy op) {
    if constexpr (std::is_same_v<OpTy, relax::FullOp>)
      return op.getValue().convertToDouble();
    llvm_unreachable("zeros and ones have their value");
  }

  std::optional<double> value;
};

class ArangePattern : public LegalizePattern<relax::ArangeOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::ArangeOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    int64_t start = op.getStart(), step = op.getStep();
    KernelSignature signature({}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "arange",
        llvm::formatv("start={0},step={1}", start, step).str(),
        [&](KernelBuilder &builder) {
          Type element = builder.getOutputType(0).getElementType();
          buildFill(
              builder, "T_arange",
              [&](BlockBuilder &block, ArrayRef<AffineExpr> indices) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                // start + i * step in i64, then converted.
                Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(),
                                                     block.index(indices[0]));
                Value value = arith::AddIOp::create(
                    b, loc,
                    arith::ConstantIntOp::create(b, loc, b.getI64Type(), start),
                    arith::MulIOp::create(b, loc, i,
                                          arith::ConstantIntOp::create(
                                              b, loc, b.getI64Type(), step)));
                if (isa<FloatType>(element))
                  return Value(arith::SIToFPOp::create(b, loc, element, value));
                if (element.getIntOrFloatBitWidth() < 64)
                  return Value(arith::TruncIOp::create(b, loc, element, value));
                return value;
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeCreationPatterns(RewritePatternSet &patterns,
                                                LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  MLIRContext *ctx = patterns.getContext();
  patterns.add<FillPattern<relax::ZerosOp>>(ctx, cache, 0.0);
  patterns.add<FillPattern<relax::OnesOp>>(ctx, cache, 1.0);
  patterns.add<FillPattern<relax::FullOp>>(ctx, cache, std::nullopt);
  patterns.add<ArangePattern>(ctx, cache);
}
