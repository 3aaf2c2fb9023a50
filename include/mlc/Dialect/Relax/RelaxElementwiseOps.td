//===- RelaxElementwiseOps.td - relax elementwise operators -*- tablegen -*-===//
//
// Unary and binary elementwise operators (binary ones broadcast as numpy
// does) and `where`.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXELEMENTWISEOPS_TD
#define MLC_DIALECT_RELAX_RELAXELEMENTWISEOPS_TD

// The ops with `hasFolder` fold on constant operands (RelaxFolds.cpp).
def Relax_AddOp
    : Relax_BinaryBroadcastOp<"add", "addition", "+", [Commutative]> {
  let hasFolder = 1;
}
def Relax_SubtractOp
    : Relax_BinaryBroadcastOp<"subtract", "subtraction", "-"> {
  let hasFolder = 1;
}
def Relax_MultiplyOp
    : Relax_BinaryBroadcastOp<"multiply", "multiplication", "*",
                              [Commutative]> {
  let hasFolder = 1;
}
def Relax_DivideOp : Relax_BinaryBroadcastOp<"divide", "division", "/">;

def Relax_FloorDivideOp
    : Relax_BinaryBroadcastOp<"floor_divide", "floor division", "//">;
def Relax_PowerOp : Relax_BinaryBroadcastOp<"power", "power", "**">;
def Relax_FloorModOp
    : Relax_BinaryBroadcastOp<"floor_mod", "floor modulus (numpy's mod)", "%">;
def Relax_ModOp : Relax_BinaryBroadcastOp<"mod",
    "truncated remainder (C's fmod, numpy's fmod)", "fmod">;
def Relax_LeftShiftOp : Relax_BinaryBroadcastOp<"left_shift",
    "left shift (0 when shifting by the width or more)", "<<">;
def Relax_RightShiftOp : Relax_BinaryBroadcastOp<"right_shift",
    "arithmetic right shift (the sign when shifting by the width or more)",
    ">>">;
def Relax_MinimumOp : Relax_BinaryBroadcastOp<"minimum", "minimum", "min",
                                              [Commutative]> {
  let hasFolder = 1;
}
def Relax_MaximumOp : Relax_BinaryBroadcastOp<"maximum", "maximum", "max",
                                              [Commutative]> {
  let hasFolder = 1;
}
def Relax_LogicalAndOp : Relax_BinaryBroadcastOp<"logical_and",
    "logical and (on i1)", "and", [Commutative]>;
def Relax_LogicalOrOp : Relax_BinaryBroadcastOp<"logical_or",
    "logical or (on i1)", "or", [Commutative]>;
def Relax_BitwiseAndOp : Relax_BinaryBroadcastOp<"bitwise_and",
    "bitwise and (integers)", "&", [Commutative]>;
def Relax_BitwiseOrOp : Relax_BinaryBroadcastOp<"bitwise_or",
    "bitwise or (integers)", "|", [Commutative]>;
def Relax_BitwiseXorOp : Relax_BinaryBroadcastOp<"bitwise_xor",
    "bitwise exclusive or (integers)", "^", [Commutative]>;

/// A comparison: broadcasting like the arithmetic ops, an i1 result.
class Relax_CompareOp<string mnemonic, string symbol, list<Trait> traits = []>
    : Relax_BinaryBroadcastOp<mnemonic, "comparison `" # symbol # "`", symbol,
                              traits,
                              "::mlir::IntegerType::get(adaptor.getLhs().getContext(), 1)">;
def Relax_EqualOp : Relax_CompareOp<"equal", "==", [Commutative]>;
def Relax_NotEqualOp : Relax_CompareOp<"not_equal", "!=", [Commutative]>;
def Relax_LessOp : Relax_CompareOp<"less", "<">;
def Relax_LessEqualOp : Relax_CompareOp<"less_equal", "<=">;
def Relax_GreaterOp : Relax_CompareOp<"greater", ">">;
def Relax_GreaterEqualOp : Relax_CompareOp<"greater_equal", ">=">;

def Relax_ExpOp : Relax_UnaryElementwiseOp<"exp", Relax_FloatTensor> {
  let summary = "Elementwise exponential";
  let description = [{
    `exp(x)` elementwise; the input must have a floating-point element type.

    ```mlir
    %y = relax.exp %x : !relax.tensor<[n, 4], f32>
    ```
  }];
}

def Relax_ReluOp : Relax_UnaryElementwiseOp<"relu"> {
  let summary = "Elementwise rectified linear unit";
  let description = [{
    `max(x, 0)` elementwise (TVM's `R.nn.relu`), for any element type.

    ```mlir
    %y = relax.relu %x : !relax.tensor<[n, 4], f32>
    ```
  }];
}

def Relax_SiluOp : Relax_UnaryElementwiseOp<"silu", Relax_FloatTensor> {
  let summary = "Elementwise sigmoid linear unit";
  let description = [{
    `x * sigmoid(x)` elementwise (TVM's `R.nn.silu`); the input must have a
    floating-point element type.

    ```mlir
    %y = relax.silu %x : !relax.tensor<[n, 4096], f16>
    ```
  }];
}

/// Unary elementwise operators whose whole definition is their mnemonic,
/// formula and element types: the verifier, the shape rule (the operand's
/// type), the pattern kind and the docs come from the base class.
class Relax_SimpleUnaryOp<string mnemonic, Type tensorType, string formula,
                          string note>
    : Relax_UnaryElementwiseOp<mnemonic, tensorType> {
  let summary = "Elementwise " # mnemonic;
  let description = "Computes " # formula # " elementwise. " # note # [{

    ```mlir
    %y = relax.}] # mnemonic # [{ %x : !relax.tensor<[n, 4], f32>
    ```
  }];
}

def Relax_AbsOp : Relax_SimpleUnaryOp<"abs", Relax_AnyTensor,
    "`|x|`",
    "For integers the most negative value stays itself (two's complement), as in numpy. Any integer or floating-point element type."> {
  let hasFolder = 1;
}
def Relax_NegativeOp : Relax_SimpleUnaryOp<"negative", Relax_AnyTensor,
    "`-x`",
    "For integers the most negative value stays itself (two's complement), as in numpy. Any integer or floating-point element type."> {
  let hasFolder = 1;
}
def Relax_SignOp : Relax_SimpleUnaryOp<"sign", Relax_AnyTensor,
    "`1` where `x > 0`, `-1` where `x < 0`, `0` where `x == 0`",
    "NaN stays NaN (numpy's `sign`). Any integer or floating-point element type.">;
def Relax_SquareOp : Relax_SimpleUnaryOp<"square", Relax_AnyTensor,
    "`x * x`",
    "Integers wrap on overflow. Any integer or floating-point element type.">;
def Relax_LogOp : Relax_SimpleUnaryOp<"log", Relax_FloatTensor,
    "the natural logarithm",
    "`log(0) = -inf`; negative inputs give NaN. The input must have a floating-point element type.">;
def Relax_SqrtOp : Relax_SimpleUnaryOp<"sqrt", Relax_FloatTensor,
    "the square root",
    "Negative inputs give NaN. The input must have a floating-point element type.">;
def Relax_RsqrtOp : Relax_SimpleUnaryOp<"rsqrt", Relax_FloatTensor,
    "`1 / sqrt(x)`",
    "`rsqrt(0) = inf`. The input must have a floating-point element type.">;
def Relax_SinOp : Relax_SimpleUnaryOp<"sin", Relax_FloatTensor,
    "the sine",
    "The input must have a floating-point element type.">;
def Relax_CosOp : Relax_SimpleUnaryOp<"cos", Relax_FloatTensor,
    "the cosine",
    "The input must have a floating-point element type.">;
def Relax_TanhOp : Relax_SimpleUnaryOp<"tanh", Relax_FloatTensor,
    "the hyperbolic tangent",
    "The input must have a floating-point element type.">;
def Relax_SigmoidOp : Relax_SimpleUnaryOp<"sigmoid", Relax_FloatTensor,
    "`1 / (1 + exp(-x))`",
    "TVM's `R.sigmoid`. The input must have a floating-point element type.">;
def Relax_ErfOp : Relax_SimpleUnaryOp<"erf", Relax_FloatTensor,
    "the Gauss error function",
    "GELU's building block. The input must have a floating-point element type.">;
def Relax_FloorOp : Relax_SimpleUnaryOp<"floor", Relax_FloatTensor,
    "the largest integer not above `x`",
    "The input must have a floating-point element type.">;
def Relax_CeilOp : Relax_SimpleUnaryOp<"ceil", Relax_FloatTensor,
    "the smallest integer not below `x`",
    "The input must have a floating-point element type.">;
def Relax_RoundOp : Relax_SimpleUnaryOp<"round", Relax_FloatTensor,
    "the nearest integer, halves to even",
    "numpy's `round` (`round(2.5) = 2`). The input must have a floating-point element type.">;

def Relax_GeluOp : Relax_SimpleUnaryOp<"gelu", Relax_FloatTensor,
    "`0.5 * x * (1 + erf(x / sqrt(2)))`",
    "The exact GELU (TVM's `R.nn.gelu`). The input must have a floating-point element type.">;
def Relax_GeluTanhOp : Relax_SimpleUnaryOp<"gelu_tanh", Relax_FloatTensor,
    "`0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`",
    "GELU's tanh approximation (TVM's `R.nn.gelu_tanh`). The input must have a floating-point element type.">;

def Relax_LeakyReluOp : Relax_UnaryElementwiseOp<"leaky_relu",
                                                 Relax_FloatTensor> {
  let summary = "Elementwise leaky rectified linear unit";
  let description = [{
    `x` where `x > 0`, else `alpha * x` (TVM's `R.nn.leakyrelu`); `alpha`
    defaults to 0.01. The input must have a floating-point element type.

    ```mlir
    %y = relax.leaky_relu %x alpha 0.2 : !relax.tensor<[n, 4], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input,
                       DefaultValuedAttr<F64Attr, "0.01">:$alpha);
  let assemblyFormat = [{
    $input (`alpha` $alpha^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_LogicalNotOp : Relax_SimpleUnaryOp<"logical_not", Relax_AnyTensor,
    "`not x`", "The input must be boolean (i1).">;
def Relax_BitwiseNotOp : Relax_SimpleUnaryOp<"bitwise_not", Relax_AnyTensor,
    "`~x`", "The input must be an integer.">;

def Relax_ClipOp : Relax_UnaryElementwiseOp<"clip"> {
  let summary = "Elementwise clamp into [min, max]";
  let description = [{
    `min(max(x, min), max)` elementwise (numpy's `clip`, TVM's `R.clip`);
    the bounds are attributes, converted to the element type (truncated
    towards zero for integers). `min` must not exceed `max`. NaN stays NaN.

    ```mlir
    %y = relax.clip %x min -1.0 max 1.0 : !relax.tensor<[n, 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, F64Attr:$min, F64Attr:$max);
  let assemblyFormat = [{
    $input `min` $min `max` $max attr-dict `:` qualified(type($input))
  }];
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      if (getMin().convertToDouble() > getMax().convertToDouble())
        return emitOpError("expects min <= max, but got min ")
               << getMin().convertToDouble() << " and max "
               << getMax().convertToDouble();
      return verifyInRelaxFunction(*this);
    }
  }];
}

/// A float predicate: the input's shape, an i1 result.
class Relax_UnaryPredicateOp<string mnemonic, string what>
    : Relax_ShapeRuleOp<mnemonic, [Relax_PatternKind<"Elementwise">]> {
  let summary = "Elementwise test: " # what;
  let description = [{
    True where }] # what # [{, elementwise; the input must have a
    floating-point element type and the result is boolean (i1).

    ```mlir
    %m = relax.}] # mnemonic # [{ %x : !relax.tensor<[n, 4], f32>
    // %m : !relax.tensor<[n, 4], i1>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
  let extraClassDefinition = shapeRuleHooks # [{
    ::mlir::FailureOr<::mlc::relax::TensorType> $cppClass::inferShape(
        Adaptor adaptor, const ::mlc::sym::Analyzer &,
        ::mlc::relax::EmitErrorFn) {
      auto type = ::llvm::cast<TensorType>(adaptor.getInput().getType());
      return withElementType(
          type, ::mlir::IntegerType::get(type.getContext(), 1));
    }
  }];
}
def Relax_IsNanOp : Relax_UnaryPredicateOp<"isnan", "the value is NaN">;
def Relax_IsInfOp : Relax_UnaryPredicateOp<"isinf",
                                           "the value is +inf or -inf">;

def Relax_AstypeOp : Relax_ShapeRuleOp<"astype", [Relax_PatternKind<"Elementwise">]> {
  let hasFolder = 1;
  let summary = "Elementwise conversion to another element type";
  let description = [{
    Converts each element to `dtype` (numpy's `astype`, TVM's `R.astype`);
    the shape is kept. Any integer, boolean or floating-point type to any
    other:

    - between floats: rounded to nearest even (f16 and bf16 included;
      f64 to bf16 rounds through f32);
    - float to integer: truncated towards zero; NaN and values outside the
      integer's range give an unspecified value, as in numpy;
    - integer to float: rounded to nearest; integers are signed (signless
      types as two's complement);
    - between integers: sign-extended or wrapped (numpy's `astype`);
    - to a boolean (`i1`): true where the value is not zero (NaN is true);
      from a boolean: 0 or 1.

    ```mlir
    %h = relax.astype %x to f16 : !relax.tensor<[n, 4], f32>
    // %h : !relax.tensor<[n, 4], f16>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, TypeAttr:$dtype);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input `to` $dtype attr-dict `:` qualified(type($input))
  }];
}

def Relax_WhereOp : Relax_ShapeRuleOp<"where", [Relax_PatternKind<"Broadcast">]> {
  let summary = "Elementwise choice between two tensors";
  let description = [{
    `condition ? lhs : rhs` elementwise (numpy's `where`): the three shapes
    broadcast together as in the binary operators; `condition` is boolean
    (i1), `lhs` and `rhs` have the result's element type.

    ```mlir
    %z = relax.where %c, %x, %y : !relax.tensor<[n, 4], i1>, !relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>
    // %z : !relax.tensor<[n, 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$condition, Relax_AnyTensor:$lhs,
                       Relax_AnyTensor:$rhs);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $condition `,` $lhs `,` $rhs attr-dict `:` qualified(type($condition)) `,`
    qualified(type($lhs)) `,` qualified(type($rhs))
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXELEMENTWISEOPS_TD
