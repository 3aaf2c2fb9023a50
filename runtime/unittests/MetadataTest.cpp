//===- MetadataTest.cpp - Parsing module metadata -------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Metadata.h"

#include "gtest/gtest.h"

using namespace mlc::rt;

namespace {

ModuleSpec parse(const std::string &text) {
  ModuleSpec spec;
  std::string error;
  EXPECT_TRUE(parseMetadata(text, spec, error)) << error;
  return spec;
}

std::string parseError(const std::string &text) {
  ModuleSpec spec;
  std::string error;
  EXPECT_FALSE(parseMetadata(text, spec, error)) << text;
  return error;
}

TEST(MetadataTest, ExampleFromTheABI) {
  ModuleSpec spec = parse("mlc-module 1\n"
                          "func mlp\n"
                          "arg x f32 [batch, 784]\n"
                          "arg w1 f32 [784, 128]\n"
                          "ret f32 [batch, 10]\n"
                          "func add\n"
                          "arg a f32 [n]\n"
                          "arg b f32 [n]\n"
                          "ret f32 [n]\n");
  ASSERT_EQ(spec.functions.size(), 2u);
  const FunctionSpec &mlp = spec.functions[0];
  EXPECT_EQ(mlp.name, "mlp");
  ASSERT_EQ(mlp.args.size(), 2u);
  EXPECT_EQ(mlp.args[1].name, "w1");
  EXPECT_STREQ(mlp.args[1].dtype->name, "f32");
  ASSERT_EQ(mlp.args[0].dims.size(), 2u);
  EXPECT_TRUE(mlp.args[0].dims[0].expr.isVar());
  EXPECT_TRUE(mlp.args[0].dims[1].expr.isConstant());
  EXPECT_EQ(mlp.signature(),
            "mlp(x: f32[batch, 784], w1: f32[784, 128]) -> (f32[batch, 10])");
  EXPECT_EQ(spec.functions[1].signature(),
            "add(a: f32[n], b: f32[n]) -> (f32[n])");
  EXPECT_EQ(spec.find("add"), &spec.functions[1]);
  EXPECT_EQ(spec.find("sub"), nullptr);
}

TEST(MetadataTest, AllShapeForms) {
  ModuleSpec spec = parse("# generated\r\n"
                          "mlc-module 1\r\n"
                          "\n"
                          "func f\n"
                          "  arg s   bf16 []\n"
                          "arg u i1 *\n"
                          "arg v u64 [?, n, min(n, 4), (n + 31) floordiv 32]\n"
                          "arg w f64 [n, 2] strided\n"
                          "ret i64 *\n"
                          "ret f16 [2 * n - 1, ?]\n"
                          "func g\n");
  const FunctionSpec &f = spec.functions[0];
  EXPECT_EQ(f.signature(),
            "f(s: bf16[], u: i1[*], v: u64[?, n, min(n, 4), (n + 31) floordiv "
            "32], w: f64[n, 2]) -> (i64[*], f16[2 * n - 1, ?])");
  EXPECT_TRUE(f.args[0].dims.empty());
  EXPECT_FALSE(f.args[0].unknownRank);
  EXPECT_TRUE(f.args[1].unknownRank);
  EXPECT_TRUE(f.args[2].dims[0].unknown);
  EXPECT_FALSE(f.args[2].strided);
  EXPECT_TRUE(f.args[3].strided);
  EXPECT_EQ(spec.functions[1].signature(), "g() -> ()");
}

TEST(MetadataTest, DTypes) {
  for (const char *name : {"f16", "bf16", "f32", "f64", "i1", "i8", "i16",
                           "i32", "i64", "u8", "u16", "u32", "u64"}) {
    const DType *dtype = lookupDType(name);
    ASSERT_NE(dtype, nullptr) << name;
    EXPECT_EQ(lookupDType(dtype->dl), dtype) << name;
    EXPECT_EQ(dtypeToString(dtype->dl), name);
  }
  EXPECT_EQ(lookupDType("f8"), nullptr);
  EXPECT_STREQ(lookupDType(DLDataType{6, 8, 1})->name, "i1"); // kDLBool
  EXPECT_EQ(lookupDType(DLDataType{kDLFloat, 32, 4}), nullptr);
  EXPECT_EQ(dtypeToString(DLDataType{kDLFloat, 32, 4}),
            "(code 2, bits 32, lanes 4)");
  EXPECT_EQ(lookupDType("i1")->bytes, 1u);
  EXPECT_EQ(lookupDType("bf16")->bytes, 2u);
}

TEST(MetadataTest, Malformed) {
  EXPECT_EQ(parseError(""), "metadata is empty (expected 'mlc-module 1')");
  EXPECT_EQ(parseError("func f\n"), "metadata line 1: expected 'mlc-module 1'");
  EXPECT_EQ(parseError("mlc-module 2\n"),
            "metadata line 1: unsupported module version '2' (this runtime "
            "reads version 1)");
  EXPECT_EQ(parseError("mlc-module 1\nfunk f\n"),
            "metadata line 2: unknown directive 'funk'");
  EXPECT_EQ(parseError("mlc-module 1\narg x f32 [n]\n"),
            "metadata line 2: 'arg' before any 'func'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f33 [n]\n"),
            "metadata line 3: unknown dtype 'f33'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f32\n"),
            "metadata line 3: expected '[' or '*' at column 10");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f32 [n, 4\n"),
            "metadata line 3: expected ',' or ']' at column 16");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f32 [n +]\n"),
            "metadata line 3: unexpected ']' at column 15");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f32 [n] fast\n"),
            "metadata line 3: unexpected 'fast'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\nret f32 [n] strided\n"),
            "metadata line 3: unexpected 'strided'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\nfunc f\n"),
            "metadata line 3: duplicate function 'f'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc my-fn\n"),
            "metadata line 2: expected a function name (a C identifier), got "
            "'my-fn'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f32 [n]\narg x f32 [n]\n"),
            "metadata line 4: duplicate argument 'x'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\nret f32 []\narg x f32 [n]\n"),
            "metadata line 4: 'arg' after 'ret' in function 'f'");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg\n"),
            "metadata line 3: expected an argument name");
}

TEST(MetadataTest, EveryVariableMustBeBindable) {
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f32 [2 * n]\n"),
            "metadata: function 'f' argument 'x' dimension 0: variable 'n' in "
            "'2 * n' is not bound by a bare argument dimension");
  // A bare result dim binds only results, since arguments are checked first.
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\narg x f32 [n + 1]\n"
                       "ret f32 [n]\n"),
            "metadata: function 'f' argument 'x' dimension 0: variable 'n' in "
            "'n + 1' is not bound by a bare argument dimension");
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\nret f32 [k * 2]\n"),
            "metadata: function 'f' result #0 dimension 0: variable 'k' in "
            "'k * 2' is not bound by a bare argument or result dimension");
  // Binding may come later in the argument list, or from another result.
  parse("mlc-module 1\nfunc f\narg x f32 [2 * n]\narg y f32 [n]\n"
        "ret f32 [k * 2]\nret f32 [k]\n");
}

} // namespace
