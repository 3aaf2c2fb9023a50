//===- RelaxTensorOps.td - relax high-level tensor operators -*- tablegen -*-===//
//
// The high-level operators of relax (TVM's `R.add`, `R.matmul`, ...). Their
// result type is always inferred from the operand types and attributes: the
// rules are free functions in Dialect/Relax/ShapeInference.h, which the ops'
// InferTypeOpInterface hooks and verifiers call. A relation between symbolic
// dims that the prover cannot decide gives an unknown dim (`?`) or is left
// to run time; only a provable mismatch is an error.
//
// Included by RelaxOps.td, so these ops share its generated files.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXTENSOROPS_TD
#define MLC_DIALECT_RELAX_RELAXTENSOROPS_TD

include "mlc/Dialect/Relax/RelaxDialect.td"
include "mlc/Dialect/Relax/RelaxTypes.td"
include "mlc/Dialect/Relax/RelaxAttrs.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Relax_FloatTensor : Type<
    And<[CPred<"::llvm::isa<::mlc::relax::TensorType>($_self)">,
         CPred<"::llvm::isa<::mlir::FloatType>("
               "::llvm::cast<::mlc::relax::TensorType>($_self)"
               ".getElementType())">]>,
    "relax tensor of floating-point values", "::mlc::relax::TensorType">;

//===----------------------------------------------------------------------===//
// Op pattern kinds
//===----------------------------------------------------------------------===//

/// Declares an operator's OpPatternKind (RelaxAttrs.td), which fusion reads
/// through `mlc::relax::getOpPatternKind`.
class Relax_PatternKind<string kind>
    : ParamNativeOpTrait<"HasOpPatternKind",
                         "::mlc::relax::OpPatternKind::" # kind> {
  let cppNamespace = "::mlc::relax";
}

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

/// A pure tensor operator whose result type is inferred. Each op defines
/// `verify()`: it re-runs the shape rule with the facts of the enclosing
/// function (`relax.sym_bounds`, `relax.sym_divisible`), which inference
/// cannot see, and checks the scope of the symbolic variables.
class Relax_TensorOp<string mnemonic, list<Trait> traits = []>
    : Relax_Op<mnemonic, traits # [Pure]> {
  let hasVerifier = 1;
}

/// `%y = relax.exp %x : !relax.tensor<[n], f32>`: same type in and out.
class Relax_UnaryElementwiseOp<string mnemonic,
                               Type tensorType = Relax_AnyTensor,
                               list<Trait> traits = []>
    : Relax_TensorOp<mnemonic, traits # [SameOperandsAndResultType,
                                         InferTypeOpInterface,
                                         Relax_PatternKind<"Elementwise">]> {
  let arguments = (ins tensorType:$input);
  let results = (outs tensorType:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
  // The type is the operand's; only the symbolic scope is left to check.
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return verifyInRelaxFunction(*this);
    }
  }];
}

/// Two operands, the result type inferred from both: elementwise ops with
/// numpy broadcasting, and matmul.
class Relax_BinaryTensorOp<string mnemonic, list<Trait> traits = []>
    : Relax_TensorOp<mnemonic, traits # [InferTypeOpAdaptor]> {
  let arguments = (ins Relax_AnyTensor:$lhs, Relax_AnyTensor:$rhs);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` qualified(type($lhs)) `,` qualified(type($rhs))
  }];
}

/// An elementwise binary op with numpy broadcasting
/// (`inferBroadcastShape`); `name` and `symbol` fill in the docs.
class Relax_BinaryBroadcastOp<string mnemonic, string name, string symbol,
                              list<Trait> traits = [],
                              string resultElementType = "::mlir::Type()">
    : Relax_BinaryTensorOp<mnemonic,
                           traits # [Relax_PatternKind<"Broadcast">]> {
  // The shape rule and the verifier are the broadcast's, for every op.
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context,
        ::std::optional<::mlir::Location> location, Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      ::mlir::Builder builder(context);
      return inferBroadcastResult(getOperationName(), location,
                                  adaptor.getLhs(), adaptor.getRhs(),
                                  }] # resultElementType # [{, inferred);
    }
    ::mlir::LogicalResult $cppClass::verify() {
      return verifyBroadcastOperands(*this, getLhs(), getRhs());
    }
  }];
  let summary = "Elementwise " # name # " with numpy broadcasting";
  let description = [{
    Computes `lhs }] # symbol # [{ rhs` elementwise. The shapes broadcast as
    in numpy: they are aligned at their last dimension, the shorter one is
    padded with 1s, and each pair of dimensions must be equal or one of them
    1. Both operands must have the same element type; there is no implicit
    promotion.

    ```mlir
    %z = relax.}] # mnemonic # [{ %x, %y : !relax.tensor<[n, 4], f32>, !relax.tensor<[4], f32>
    // %z : !relax.tensor<[n, 4], f32>
    %w = relax.}] # mnemonic # [{ %a, %b : !relax.tensor<[1, m], f32>, !relax.tensor<[n, 1], f32>
    // %w : !relax.tensor<[n, m], f32>
    ```

    Symbolic dimensions follow TVM: a pair gives the other side when one
    side is the constant 1, the common value when the two are provably
    equal, and an unknown dimension (`?`) otherwise (`[n]` with `[m]` gives
    `[?]`). A pair that provably differs while neither side is 1 (`3` and
    `4`, or `n` and `m` when `relax.sym_bounds` separates them) is an error.
    An operand of unknown rank gives a result of unknown rank.
  }];
}

/// A reduction over `axes` (all when absent), optionally keeping the reduced
/// dimensions as 1s (`inferReductionShape`).
class Relax_ReductionOp<string mnemonic, string what, list<Trait> traits = []>
    : Relax_TensorOp<mnemonic, traits # [InferTypeOpAdaptor,
                                         Relax_PatternKind<"CommReduce">]> {
  // The shape rule checks the axes against the rank, which facts cannot
  // change: the verifier only checks the symbolic scope.
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, ::std::optional<::mlir::Location> location,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      return inferReductionResult(getOperationName(), location,
                                  adaptor.getInput(), adaptor.getAxes(),
                                  adaptor.getKeepdims(), inferred);
    }
    ::mlir::LogicalResult $cppClass::verify() {
      return verifyInRelaxFunction(*this);
    }
  }];
  let summary = "The " # what # " of a tensor over some of its axes";
  let description = [{
    Reduces `input` over the dimensions listed in `axes` (negative axes
    count from the end; all dimensions when `axes` is absent) by taking
    the }] # what # [{. With `keepdims` the reduced dimensions stay as 1s,
    otherwise they are dropped.

    ```mlir
    %s = relax.}] # mnemonic # [{ %x axes [1] : !relax.tensor<[n, 4], f32>
    // %s : !relax.tensor<[n], f32>
    %k = relax.}] # mnemonic # [{ %x axes [-1] keepdims : !relax.tensor<[n, 4], f32>
    // %k : !relax.tensor<[n, 1], f32>
    %a = relax.}] # mnemonic # [{ %x : !relax.tensor<[n, 4], f32>
    // %a : !relax.tensor<[], f32>
    ```

    An axis out of range and a repeated axis are errors. An input of unknown
    rank gives a result of unknown rank, except that reducing everything
    without `keepdims` gives a rank-0 tensor.
  }];
  let arguments = (ins Relax_AnyTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes,
                       UnitAttr:$keepdims);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? (`keepdims` $keepdims^)? attr-dict `:`
    qualified(type($input))
  }];
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

def Relax_AddOp
    : Relax_BinaryBroadcastOp<"add", "addition", "+", [Commutative]>;
def Relax_SubtractOp
    : Relax_BinaryBroadcastOp<"subtract", "subtraction", "-">;
def Relax_MultiplyOp
    : Relax_BinaryBroadcastOp<"multiply", "multiplication", "*",
                              [Commutative]>;
def Relax_DivideOp : Relax_BinaryBroadcastOp<"divide", "division", "/">;

def Relax_FloorDivideOp
    : Relax_BinaryBroadcastOp<"floor_divide", "floor division", "//">;
def Relax_PowerOp : Relax_BinaryBroadcastOp<"power", "power", "**">;
def Relax_FloorModOp
    : Relax_BinaryBroadcastOp<"floor_mod", "floor modulus (numpy's mod)", "%">;
def Relax_MinimumOp : Relax_BinaryBroadcastOp<"minimum", "minimum", "min",
                                              [Commutative]>;
def Relax_MaximumOp : Relax_BinaryBroadcastOp<"maximum", "maximum", "max",
                                              [Commutative]>;
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
                              traits, "builder.getI1Type()">;
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
    "For integers the most negative value stays itself (two's complement), as in numpy. Any integer or floating-point element type.">;
def Relax_NegativeOp : Relax_SimpleUnaryOp<"negative", Relax_AnyTensor,
    "`-x`",
    "For integers the most negative value stays itself (two's complement), as in numpy. Any integer or floating-point element type.">;
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
    : Relax_TensorOp<mnemonic, [InferTypeOpAdaptor,
                                Relax_PatternKind<"Elementwise">]> {
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
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, ::std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      auto type = ::llvm::dyn_cast<TensorType>(adaptor.getInput().getType());
      if (!type)
        return ::mlir::failure();
      ::mlir::Type i1 = ::mlir::IntegerType::get(context, 1);
      inferred.push_back(type.getRanked() ? TensorType::get(type.getDims(), i1)
                                          : TensorType::get(i1));
      return ::mlir::success();
    }
    ::mlir::LogicalResult $cppClass::verify() {
      return verifyInRelaxFunction(*this);
    }
  }];
}
def Relax_IsNanOp : Relax_UnaryPredicateOp<"isnan", "the value is NaN">;
def Relax_IsInfOp : Relax_UnaryPredicateOp<"isinf",
                                           "the value is +inf or -inf">;

def Relax_WhereOp : Relax_TensorOp<"where", [InferTypeOpAdaptor,
    Relax_PatternKind<"Broadcast">]> {
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

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

def Relax_MatmulOp
    : Relax_BinaryTensorOp<"matmul", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "Matrix product with numpy semantics";
  let description = [{
    The matrix product of the last two dimensions of `lhs` and `rhs`, as in
    `numpy.matmul`: a 1-D `lhs` is a row vector (a 1 is prepended to its
    shape, then removed from the result), a 1-D `rhs` a column vector (a 1
    is appended, then removed), and the leading "batch" dimensions broadcast
    against each other.

    ```mlir
    %c = relax.matmul %a, %b : !relax.tensor<[b, n, k], f32>, !relax.tensor<[k, m], f32>
    // %c : !relax.tensor<[b, n, m], f32>
    %v = relax.matmul %a, %x : !relax.tensor<[n, k], f32>, !relax.tensor<[k], f32>
    // %v : !relax.tensor<[n], f32>
    ```

    Both operands need at least one dimension and the same element type. A
    contraction length that provably differs (`k` against `k + 1`) is an
    error; one the prover cannot decide is assumed equal. Batch dimensions
    broadcast as in `relax.add`. An operand of unknown rank gives a result
    of unknown rank.
  }];
}

//===----------------------------------------------------------------------===//
// Manipulation
//===----------------------------------------------------------------------===//

def Relax_PermuteDimsOp
    : Relax_TensorOp<"permute_dims", [InferTypeOpAdaptor,
                                      Relax_PatternKind<"Injective">]> {
  let summary = "Permute the dimensions of a tensor";
  let description = [{
    Result dimension `i` is input dimension `axes[i]` (negative axes count
    from the end). Without `axes` the dimensions are reversed, a transpose
    for 2-D tensors.

    ```mlir
    %t = relax.permute_dims %x : !relax.tensor<[n, 4], f32>
    // %t : !relax.tensor<[4, n], f32>
    %p = relax.permute_dims %y axes [0, 2, 1] : !relax.tensor<[b, n, k], f16>
    // %p : !relax.tensor<[b, k, n], f16>
    ```

    `axes` must be a permutation of the input's dimensions. An input of
    unknown rank gives a result of unknown rank, or, with `axes`, a result
    of `axes`'s length whose dimensions are unknown (TVM's rule).
  }];
  let arguments = (ins Relax_AnyTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_ReshapeOp
    : Relax_TensorOp<"reshape", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"Injective">]> {
  let summary = "Give a tensor a new shape with the same elements";
  let description = [{
    Returns `input` with the dimensions `shape`, a list of symbolic
    expressions over variables in scope. One entry may be `-1`: it is
    inferred as the product of the input's dimensions `floordiv` the
    product of the other entries.

    ```mlir
    %r = relax.reshape %x [-1, 32] : !relax.tensor<[n, 4, 8], f32>
    // %r : !relax.tensor<[n, 32], f32>
    %s = relax.reshape %y [-1, 3] : !relax.tensor<[2 * n, 6], f32>
    // %s : !relax.tensor<[4 * n, 3], f32>
    %f = relax.reshape %z [n, 2, 2] : !relax.tensor<[n, 4], f32>
    ```

    Errors: more than one `-1`, another negative entry, element counts that
    provably differ (`[n, 4]` to `[n + 1, 4]`), and a `-1` that cannot
    divide evenly (`[6]` to `[-1, 4]`). A count the prover cannot decide is
    left to run time. When the input's element count is unknown (an
    unknown dim or rank), a `-1` entry becomes `?`.
  }];
  let arguments = (ins Relax_AnyTensor:$input, Relax_ShapeAttr:$shape);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input custom<SymList>($shape) attr-dict `:` qualified(type($input))
  }];
}

def Relax_ExpandDimsOp
    : Relax_TensorOp<"expand_dims", [InferTypeOpAdaptor,
                                     Relax_PatternKind<"Injective">]> {
  let summary = "Insert dimensions of size 1";
  let description = [{
    numpy's `expand_dims`: `axes` are positions in the result (negative
    count from its end), each gets a dimension of size 1.

    ```mlir
    %y = relax.expand_dims %x axes [0, -1] : !relax.tensor<[n, 4], f32>
    // %y : !relax.tensor<[1, n, 4, 1], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = "$input `axes` $axes attr-dict `:` qualified(type($input))";
}

def Relax_SqueezeOp
    : Relax_TensorOp<"squeeze", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"Injective">]> {
  let summary = "Remove dimensions of size 1";
  let description = [{
    numpy's `squeeze`: removes the dimensions at `axes`, which must be the
    constant 1, or without `axes` every dimension that is the constant 1.

    ```mlir
    %y = relax.squeeze %x axes [1] : !relax.tensor<[n, 1, 4], f32>
    // %y : !relax.tensor<[n, 4], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_FlattenOp
    : Relax_TensorOp<"flatten", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"Injective">]> {
  let summary = "All dimensions as one";
  let description = [{
    The elements in row-major order as a 1-D tensor (TVM's `R.flatten`).

    ```mlir
    %y = relax.flatten %x : !relax.tensor<[n, 4], f32>
    // %y : !relax.tensor<[4 * n], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
}

//===----------------------------------------------------------------------===//
// Reductions and normalization
//===----------------------------------------------------------------------===//

def Relax_SumOp : Relax_ReductionOp<"sum", "sum">;
def Relax_MaxOp : Relax_ReductionOp<"max", "maximum">;
def Relax_MinOp : Relax_ReductionOp<"min", "minimum">;
def Relax_ProdOp : Relax_ReductionOp<"prod", "product">;
def Relax_MeanOp : Relax_ReductionOp<"mean", "mean (floating-point inputs)">;

def Relax_RMSNormOp
    : Relax_TensorOp<"rms_norm", [InferTypeOpAdaptor,
                                  Relax_PatternKind<"CommReduce">]> {
  let summary = "Root-mean-square normalization over the last axis";
  let description = [{
    `x / sqrt(mean(x * x, -1) + epsilon) * weight` (Llama's RMSNorm, TVM's
    `R.nn.rms_norm` over the last axis). `weight` has one element per
    element of the last axis; a provable mismatch is an error. The input is
    floating-point; the result has its type. `epsilon` defaults to 1e-5.

    ```mlir
    %y = relax.rms_norm %x, %w epsilon 1.0e-06 : !relax.tensor<[n, 4096], f16>, !relax.tensor<[4096], f16>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input, Relax_FloatTensor:$weight,
                       DefaultValuedAttr<F64Attr, "1e-5">:$epsilon);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`epsilon` $epsilon^)? attr-dict `:`
    qualified(type($input)) `,` qualified(type($weight))
  }];
}

def Relax_SoftmaxOp
    : Relax_TensorOp<"softmax", [InferTypeOpAdaptor,
                                 Relax_PatternKind<"CommReduce">]> {
  let summary = "Softmax along one axis";
  let description = [{
    `exp(x) / sum(exp(x), axis)` along `axis` (default `-1`, the last
    dimension; TVM's `R.nn.softmax`). The input must have a floating-point
    element type; the result has the input's type.

    ```mlir
    %p = relax.softmax %x : !relax.tensor<[b, n, n], f32>
    %q = relax.softmax %x axis 1 : !relax.tensor<[b, n, n], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $input (`axis` $axis^)? attr-dict `:` qualified(type($input))
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXTENSOROPS_TD
