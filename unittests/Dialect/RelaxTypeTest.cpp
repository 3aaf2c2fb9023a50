//===- RelaxTypeTest.cpp - relax types through upstream interfaces --------===//
//
// !relax.tensor implements ShapedType so that upstream utilities work on it;
// these tests use it only through that interface and the C++ builders,
// which no lit test reaches.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/RelaxTypes.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

using namespace mlir;
namespace relax = mlc::relax;
namespace sym = mlc::sym;

namespace {
class RelaxTypeTest : public ::testing::Test {
protected:
  RelaxTypeTest() { context.loadDialect<relax::RelaxDialect>(); }

  Type parse(StringRef text) { return parseType(text, &context); }

  sym::Context &symContext() {
    return relax::RelaxDialect::getSymContext(&context);
  }

  MLIRContext context;
};
} // namespace

TEST_F(RelaxTypeTest, SymbolicDimsReadAsDynamic) {
  auto shaped = dyn_cast<ShapedType>(parse("!relax.tensor<[n, 4, 2 * n], f32>"));
  ASSERT_TRUE(shaped);
  EXPECT_TRUE(shaped.hasRank());
  EXPECT_EQ(shaped.getRank(), 3);
  EXPECT_TRUE(shaped.isDynamicDim(0));
  EXPECT_EQ(shaped.getDimSize(1), 4);
  EXPECT_TRUE(shaped.isDynamicDim(2));
  EXPECT_FALSE(shaped.hasStaticShape());
  EXPECT_TRUE(shaped.getElementType().isF32());
}

TEST_F(RelaxTypeTest, StaticTensorHasStaticShape) {
  auto shaped = cast<ShapedType>(parse("!relax.tensor<[2, 3], i8>"));
  EXPECT_TRUE(shaped.hasStaticShape());
  EXPECT_EQ(shaped.getNumElements(), 6);
}

TEST_F(RelaxTypeTest, UnrankedTensor) {
  auto shaped = cast<ShapedType>(parse("!relax.tensor<*, f16>"));
  EXPECT_FALSE(shaped.hasRank());
  EXPECT_TRUE(shaped.getElementType().isF16());
}

TEST_F(RelaxTypeTest, CloneWithSameShapeKeepsSymbols) {
  auto tensor = cast<relax::TensorType>(parse("!relax.tensor<[n, 4], f32>"));
  ShapedType clone = cast<ShapedType>(tensor).cloneWith(
      tensor.getShape(), Float16Type::get(&context));
  EXPECT_EQ(clone, parse("!relax.tensor<[n, 4], f16>"));
}

TEST_F(RelaxTypeTest, CloneWithNewShapeUsesConstants) {
  auto tensor = cast<relax::TensorType>(parse("!relax.tensor<[n, 4], f32>"));
  SmallVector<int64_t> shape = {ShapedType::kDynamic, 8, 2};
  ShapedType clone = cast<ShapedType>(tensor).cloneWith(
      ArrayRef<int64_t>(shape), tensor.getElementType());
  EXPECT_EQ(clone, parse("!relax.tensor<[?, 8, 2], f32>"));
  EXPECT_EQ(cast<ShapedType>(tensor).cloneWith(std::nullopt,
                                                tensor.getElementType()),
            parse("!relax.tensor<*, f32>"));
}

TEST_F(RelaxTypeTest, EqualExpressionsGiveTheSameType) {
  EXPECT_EQ(parse("!relax.tensor<[n + n], f32>"),
            parse("!relax.tensor<[2 * n], f32>"));
  EXPECT_NE(parse("!relax.tensor<[n], f32>"),
            parse("!relax.tensor<[m], f32>"));
}

TEST_F(RelaxTypeTest, BuilderMatchesParser) {
  sym::Context &ctx = symContext();
  sym::Expr n = ctx.var("n");
  auto built = relax::TensorType::get({n, n * 2, sym::Expr()},
                                      Float32Type::get(&context));
  EXPECT_EQ(built, parse("!relax.tensor<[n, 2 * n, ?], f32>"));
  EXPECT_EQ(relax::ShapeType::get(&context, {n}),
            parse("!relax.shape<[n]>"));
}

TEST_F(RelaxTypeTest, ForEachSymDimVisitsTupleElements) {
  Type tuple = parse("tuple<!relax.tensor<[n, ?], f32>, !relax.shape<[m + 1]>>");
  SmallVector<std::string> dims;
  relax::forEachSymDim(tuple, [&](sym::Expr dim) { dims.push_back(dim.str()); });
  EXPECT_EQ(dims, (SmallVector<std::string>{"n", "m + 1"}));
  llvm::StringSet<> bare;
  relax::collectBareVars(tuple, bare);
  EXPECT_TRUE(bare.contains("n"));
  EXPECT_FALSE(bare.contains("m"));
}
