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
  ModuleSpec spec = parse("mlc-module 2\n"
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
                          "mlc-module 2\r\n"
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
  EXPECT_EQ(parseError(""), "metadata is empty (expected 'mlc-module 2')");
  EXPECT_EQ(parseError("func f\n"), "metadata line 1: expected 'mlc-module 2'");
  EXPECT_EQ(parseError("mlc-module 3\n"),
            "metadata line 1: unsupported module version '3' (this runtime "
            "reads version 2)");
  EXPECT_EQ(parseError("mlc-module 2 x\n"),
            "metadata line 1: unsupported module version '2' (this runtime "
            "reads version 2)");
  EXPECT_EQ(parseError("mlc-module 2\nfunk f\n"),
            "metadata line 2: unknown directive 'funk'");
  EXPECT_EQ(parseError("mlc-module 2\narg x f32 [n]\n"),
            "metadata line 2: 'arg' before any 'func'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f33 [n]\n"),
            "metadata line 3: unknown dtype 'f33'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32\n"),
            "metadata line 3: expected '[' or '*' at column 10");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [n, 4\n"),
            "metadata line 3: expected ',' or ']' at column 16");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [n +]\n"),
            "metadata line 3: unexpected ']' at column 15");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [n] fast\n"),
            "metadata line 3: unexpected 'fast'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\nret f32 [n] strided\n"),
            "metadata line 3: unexpected 'strided'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\nfunc f\n"),
            "metadata line 3: duplicate function 'f'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc my-fn\n"),
            "metadata line 2: expected a function name (a C identifier), got "
            "'my-fn'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [n]\narg x f32 [n]\n"),
            "metadata line 4: duplicate argument 'x'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\nret f32 []\narg x f32 [n]\n"),
            "metadata line 4: 'arg' after 'ret' in function 'f'");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg\n"),
            "metadata line 3: expected an argument name");
}

TEST(MetadataTest, VersionOneIsRefused) {
  EXPECT_EQ(parseError("mlc-module 1\nfunc f\nret f32 []\n"),
            "metadata line 1: module ABI version 1 is no longer supported; "
            "recompile");
}

TEST(MetadataTest, EveryVariableMustBeBindable) {
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [n floordiv 2]\n"),
            "metadata: function 'f' argument 'x' dimension 0: variable 'n' in "
            "'n floordiv 2' is not bound by a bare or linear argument "
            "dimension");
  // A bare result dim binds only results, since arguments are checked first.
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [n * n]\n"
                       "ret f32 [n]\n"),
            "metadata: function 'f' argument 'x' dimension 0: variable 'n' in "
            "'n * n' is not bound by a bare or linear argument dimension");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\nret f32 [min(k, 2)]\n"),
            "metadata: function 'f' result #0 dimension 0: variable 'k' in "
            "'min(k, 2)' is not bound by a bare or linear argument or result "
            "dimension");
  // Two variables in one dim: neither is bound by it.
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [m + n]\n"),
            "metadata: function 'f' argument 'x' dimension 0: variable 'm' in "
            "'m + n' is not bound by a bare or linear argument dimension");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [n - n + 4]\n"),
            "metadata: function 'f' argument 'x' dimension 0: variable 'n' in "
            "'n - n + 4' is not bound by a bare or linear argument dimension");
  // Binding may come later in the argument list, or from another result.
  parse("mlc-module 2\nfunc f\narg x f32 [2 * n]\narg y f32 [n]\n"
        "ret f32 [k * 2]\nret f32 [k]\n");
}

TEST(MetadataTest, LinearDimsBind) {
  // Compound-only variables: each is bound by a dim linear in it alone, and
  // then usable in any other dim.
  parse("mlc-module 2\nfunc f\narg x f32 [2 * n]\narg y f32 [4 * (m - 1)]\n"
        "arg z f32 [n floordiv 2, m + n]\nret f32 [-k + 3]\n"
        "ret f32 [k mod 2]\n");
}

TEST(MetadataTest, VersionTwoLines) {
  ModuleSpec spec = parse("mlc-module 2\n"
                          "import mlc.blas.sgemm\n"
                          "func mlp\n"
                          "device cpu 0\n"
                          "bound batch 1 4096\n"
                          "attr mlc.schedule default gemm  \n"
                          "attr pure\n"
                          "attr future.key 7\n"
                          "arg x f32 [batch, 784]\n"
                          "bound neg -5 -1\n"
                          "ret f32 [batch, 10 + neg]\n"
                          "import my_lib_fn\n"
                          "func on_gpu\n"
                          "device cuda 3\n"
                          "arg x f32 [n]\n"
                          "func on_vulkan\n"
                          "device vulkan 0\n"
                          "func plain\n");
  EXPECT_EQ(spec.imports,
            (std::vector<std::string>{"mlc.blas.sgemm", "my_lib_fn"}));
  const FunctionSpec &mlp = spec.functions[0];
  EXPECT_EQ(mlp.device.device_type, kDLCPU);
  ASSERT_EQ(mlp.bounds.size(), 2u);
  EXPECT_EQ(mlp.findBound("batch")->lo, 1);
  EXPECT_EQ(mlp.findBound("batch")->hi, 4096);
  EXPECT_EQ(mlp.findBound("neg")->lo, -5);
  EXPECT_EQ(mlp.findBound("n"), nullptr);
  ASSERT_EQ(mlp.attrs.size(), 3u);
  EXPECT_EQ(mlp.attrs[0].key, "mlc.schedule");
  EXPECT_EQ(mlp.attrs[0].value, "default gemm");
  EXPECT_TRUE(mlp.attrs[0].hasValue);
  EXPECT_EQ(mlp.findAttr("pure")->value, "");
  EXPECT_FALSE(mlp.findAttr("pure")->hasValue);
  EXPECT_EQ(mlp.findAttr("future.key")->value, "7");
  EXPECT_EQ(mlp.findAttr("impure"), nullptr);
  EXPECT_EQ(mlp.signature(), "mlp(x: f32[batch, 784]) -> (f32[batch, 10 + "
                             "neg])");
  EXPECT_EQ(spec.functions[1].device.device_type, kDLCUDA);
  EXPECT_EQ(spec.functions[1].device.device_id, 3);
  EXPECT_EQ(spec.functions[2].device.device_type, kDLVulkan);
  EXPECT_EQ(spec.functions[3].device.device_type, kDLCPU);
  EXPECT_EQ(spec.functions[3].device.device_id, 0);
  EXPECT_TRUE(spec.functions[3].attrs.empty());
}

TEST(MetadataTest, MalformedVersionTwoLines) {
  std::string f = "mlc-module 2\nfunc f\narg x f32 [n]\n";
  EXPECT_EQ(parseError("mlc-module 2\nimport\n"),
            "metadata line 2: expected a packed function name (a dotted "
            "identifier), got ''");
  EXPECT_EQ(parseError("mlc-module 2\nimport mlc..sgemm\n"),
            "metadata line 2: expected a packed function name (a dotted "
            "identifier), got 'mlc..sgemm'");
  EXPECT_EQ(parseError("mlc-module 2\nimport 1mlc\n"),
            "metadata line 2: expected a packed function name (a dotted "
            "identifier), got '1mlc'");
  EXPECT_EQ(parseError("mlc-module 2\nimport a.b c\n"),
            "metadata line 2: unexpected text after the imported name");
  EXPECT_EQ(parseError("mlc-module 2\nimport a.b\nimport a.b\n"),
            "metadata line 3: duplicate import 'a.b'");
  EXPECT_EQ(parseError("mlc-module 2\ndevice cpu 0\n"),
            "metadata line 2: 'device' before any 'func'");
  EXPECT_EQ(parseError(f + "device tpu 0\n"),
            "metadata line 4: unknown device type 'tpu' (expected cpu, cuda "
            "or vulkan)");
  EXPECT_EQ(parseError(f + "device cuda\n"),
            "metadata line 4: invalid device id '' (expected an integer in "
            "[0, 2147483647])");
  EXPECT_EQ(parseError(f + "device cuda -1\n"),
            "metadata line 4: invalid device id '-1' (expected an integer in "
            "[0, 2147483647])");
  EXPECT_EQ(parseError(f + "device cuda 2147483648\n"),
            "metadata line 4: invalid device id '2147483648' (expected an "
            "integer in [0, 2147483647])");
  EXPECT_EQ(parseError(f + "device cuda 0 1\n"),
            "metadata line 4: unexpected text after the device id");
  EXPECT_EQ(parseError(f + "device cpu 0\ndevice cpu 0\n"),
            "metadata line 5: duplicate 'device' in function 'f'");
  EXPECT_EQ(parseError(f + "bound 2n 1 2\n"),
            "metadata line 4: expected a variable name, got '2n'");
  EXPECT_EQ(parseError(f + "bound n 1\n"),
            "metadata line 4: invalid bound '' for 'n' (expected an int64)");
  EXPECT_EQ(parseError(f + "bound n x 2\n"),
            "metadata line 4: invalid bound 'x' for 'n' (expected an int64)");
  EXPECT_EQ(parseError(f + "bound n 1 9223372036854775808\n"),
            "metadata line 4: invalid bound '9223372036854775808' for 'n' "
            "(expected an int64)");
  EXPECT_EQ(parseError(f + "bound n 1 +2\n"),
            "metadata line 4: invalid bound '+2' for 'n' (expected an int64)");
  EXPECT_EQ(parseError(f + "bound n 1 2 3\n"),
            "metadata line 4: unexpected text after the bounds of 'n'");
  EXPECT_EQ(parseError(f + "bound n 5 4\n"),
            "metadata line 4: empty bounds [5, 4] for 'n'");
  EXPECT_EQ(parseError(f + "bound n 1 2\nbound n 1 3\n"),
            "metadata line 5: duplicate bound for 'n' in function 'f'");
  EXPECT_EQ(parseError(f + "bound m 1 2\n"),
            "metadata: function 'f' has a bound for variable 'm', which no "
            "dimension of it uses");
  EXPECT_EQ(parseError(f + "attr\n"),
            "metadata line 4: expected an attribute key (a dotted "
            "identifier), got ''");
  EXPECT_EQ(parseError(f + "attr =x\n"),
            "metadata line 4: expected an attribute key (a dotted "
            "identifier), got '=x'");
  EXPECT_EQ(parseError(f + "attr k 1\nattr k 2\n"),
            "metadata line 5: duplicate attribute 'k' in function 'f'");
  // Variables bound only by results may be bounded too; `?` dims use none.
  parse("mlc-module 2\nfunc f\nret f32 [k]\nbound k 0 3\n");
  EXPECT_EQ(parseError("mlc-module 2\nfunc f\narg x f32 [?]\nbound k 0 3\n"),
            "metadata: function 'f' has a bound for variable 'k', which no "
            "dimension of it uses");
}

TEST(MetadataTest, ParamAttribute) {
  ModuleSpec spec = parse("mlc-module 2\n"
                          "func mlp\n"
                          "arg x f32 [batch, 784]\n"
                          "arg arg1 f32 [784, 128] param fc1.weight\n"
                          "arg b f32 [128] strided param fc1.bias\n"
                          "arg s f32 [] param encoder/layer-0:scale strided\n"
                          "ret f32 [batch, 128]\n"
                          "func other\n"
                          "arg w f32 [4] param fc1.weight\n");
  const FunctionSpec &mlp = spec.functions[0];
  EXPECT_EQ(mlp.args[0].param, "");
  EXPECT_EQ(mlp.args[1].param, "fc1.weight");
  EXPECT_FALSE(mlp.args[1].strided);
  EXPECT_EQ(mlp.args[2].param, "fc1.bias");
  EXPECT_TRUE(mlp.args[2].strided);
  EXPECT_EQ(mlp.args[3].param, "encoder/layer-0:scale");
  EXPECT_TRUE(mlp.args[3].strided);
  EXPECT_EQ(mlp.numParams(), 3u);
  EXPECT_EQ(mlp.signature(),
            "mlp(x: f32[batch, 784], arg1: f32[784, 128] = param fc1.weight, "
            "b: f32[128] = param fc1.bias, s: f32[] = param "
            "encoder/layer-0:scale) -> (f32[batch, 128])");
  // Names are unique per function only.
  EXPECT_EQ(spec.functions[1].args[0].param, "fc1.weight");
  EXPECT_EQ(spec.functions[1].numParams(), 1u);
  // The longest name.
  std::string longest(256, 'p');
  EXPECT_EQ(parse("mlc-module 2\nfunc f\narg x f32 [] param " + longest + "\n")
                .functions[0]
                .args[0]
                .param,
            longest);
  EXPECT_TRUE(isParamName("A-z_0.9:/"));
  EXPECT_FALSE(isParamName(""));
  EXPECT_FALSE(isParamName(longest + "p"));
  EXPECT_FALSE(isParamName("a b"));
  EXPECT_FALSE(isParamName("caf\xc3\xa9"));
}

TEST(MetadataTest, MalformedParamAttribute) {
  std::string f = "mlc-module 2\nfunc f\n";
  EXPECT_EQ(parseError(f + "arg x f32 [] param\n"),
            "metadata line 3: expected a parameter name after 'param'");
  EXPECT_EQ(parseError(f + "arg x f32 [] param a,b\n"),
            "metadata line 3: invalid parameter name 'a,b' (1-256 characters "
            "of [A-Za-z0-9_.:/-])");
  EXPECT_EQ(
      parseError(f + "arg x f32 [] param " + std::string(257, 'p') + "\n"),
      "metadata line 3: invalid parameter name '" + std::string(257, 'p') +
          "' (1-256 characters of [A-Za-z0-9_.:/-])");
  EXPECT_EQ(parseError(f + "arg x f32 [] param a param b\n"),
            "metadata line 3: duplicate 'param' for argument 'x'");
  EXPECT_EQ(parseError(f + "arg x f32 [] param a b\n"),
            "metadata line 3: unexpected 'b'");
  EXPECT_EQ(parseError(f + "arg x f32 [] strided param a strided\n"),
            "metadata line 3: unexpected 'strided'");
  EXPECT_EQ(parseError(f + "ret f32 [] param a\n"),
            "metadata line 3: 'param' is only allowed on 'arg' lines");
  EXPECT_EQ(parseError(f + "arg x f32 [] param w\narg y f32 [] param v\n"
                           "arg z f32 [] param w\n"),
            "metadata line 5: duplicate parameter 'w' in function 'f' "
            "(arguments 'x' and 'z')");
  // A parameter's dims bind variables like any argument's.
  EXPECT_EQ(parseError(f + "arg x f32 [n * n] param w\n"),
            "metadata: function 'f' argument 'x' dimension 0: variable 'n' in "
            "'n * n' is not bound by a bare or linear argument dimension");
}

TEST(MetadataTest, DottedIdentifiersAndDevices) {
  EXPECT_TRUE(isDottedIdentifier("mlc.blas.sgemm"));
  EXPECT_TRUE(isDottedIdentifier("_x1"));
  EXPECT_FALSE(isDottedIdentifier(""));
  EXPECT_FALSE(isDottedIdentifier(".a"));
  EXPECT_FALSE(isDottedIdentifier("a."));
  EXPECT_FALSE(isDottedIdentifier("a.1b"));
  EXPECT_FALSE(isDottedIdentifier("a-b"));
  EXPECT_EQ(deviceToString({kDLCPU, 0}), "cpu:0");
  EXPECT_EQ(deviceToString({kDLCUDA, 1}), "cuda:1");
  EXPECT_EQ(deviceToString({kDLVulkan, 0}), "vulkan:0");
  EXPECT_EQ(deviceToString({kDLCUDAHost, 0}), "cuda_host:0");
  EXPECT_EQ(deviceToString({kDLMetal, 2}), "device type 8 id 2");
}

} // namespace
