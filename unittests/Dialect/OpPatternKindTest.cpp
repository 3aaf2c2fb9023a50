//===- OpPatternKindTest.cpp - The pattern kinds relax operators declare --===//
//
// Part of the mlc project.
//
// mlc::relax::getOpPatternKind is the C++ API fusion reads; no pass reads
// it yet, so this checks every operator's declared kind.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/Dialect/Relax/RelaxOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using mlc::relax::OpPatternKind;

TEST(OpPatternKindTest, EveryOperatorDeclaresItsKind) {
  MLIRContext context;
  context.loadDialect<mlc::relax::RelaxDialect, func::FuncDialect>();
  const char *text = R"mlir(
    func.func @f(%x: !relax.tensor<[n, 4], f32>, %w: !relax.tensor<[4, 4], f32>)
        attributes {relax.function} {
      %0 = relax.exp %x : !relax.tensor<[n, 4], f32>
      %1 = relax.sigmoid %x : !relax.tensor<[n, 4], f32>
      %2 = relax.add %x, %x : !relax.tensor<[n, 4], f32>, !relax.tensor<[n, 4], f32>
      %3 = relax.permute_dims %x : !relax.tensor<[n, 4], f32>
      %4 = relax.sum %x axes [1] : !relax.tensor<[n, 4], f32>
      %5 = relax.softmax %x : !relax.tensor<[n, 4], f32>
      %6 = relax.matmul %x, %w : !relax.tensor<[n, 4], f32>, !relax.tensor<[4, 4], f32>
      return
    })mlir";
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &context);
  ASSERT_TRUE(module);
  SmallVector<OpPatternKind> kinds;
  module->walk([&](Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "relax")
      kinds.push_back(mlc::relax::getOpPatternKind(op));
  });
  EXPECT_EQ(kinds, (SmallVector<OpPatternKind>{
                       OpPatternKind::Elementwise, OpPatternKind::Elementwise,
                       OpPatternKind::Broadcast, OpPatternKind::Injective,
                       OpPatternKind::CommReduce, OpPatternKind::CommReduce,
                       OpPatternKind::OutEWiseFusable}));
  // Anything else is opaque.
  module->walk([&](func::ReturnOp ret) {
    EXPECT_EQ(mlc::relax::getOpPatternKind(ret), OpPatternKind::Opaque);
  });
}
