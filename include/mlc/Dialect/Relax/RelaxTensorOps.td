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

/// A pure tensor operator whose result type is inferred. Its `verify()`
/// checks the scope of the symbolic variables, and what inference cannot
/// see (Relax_ShapeRuleOp generates it).
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

/// An operator whose result type comes from one shape rule, the static
/// `inferShape(adaptor, analyzer, emitError)` each op (or a base class)
/// defines over its operands' tensor types and its attributes. The class
/// generates both hooks from it: inference runs the rule with no facts, so
/// a result type depends only on the operands and attributes, and the
/// verifier runs it again with the facts of the enclosing function
/// (`relax.sym_bounds`, `relax.sym_divisible`), which can prove more
/// mismatches, then checks the scope of the symbolic variables. During
/// inference default-valued attributes may still be absent from the
/// adaptor and a malformed generic form may lack required ones: a rule
/// reads the former with their defaults and fails silently on the latter,
/// which the op's own verification reports.
class Relax_ShapeRuleOp<string mnemonic, list<Trait> traits = []>
    : Relax_TensorOp<mnemonic, traits # [InferTypeOpAdaptor]> {
  let extraClassDeclaration = [{
    static ::mlir::FailureOr<::mlc::relax::TensorType>
    inferShape(Adaptor adaptor, const ::mlc::sym::Analyzer &analyzer,
               ::mlc::relax::EmitErrorFn emitError);
  }];
  code shapeRuleHooks = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, ::std::optional<::mlir::Location> location,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      return inferWithShapeRule(
          getOperationName(), location, adaptor.getOperands(), inferred,
          [&](const ::mlc::sym::Analyzer &analyzer,
              ::mlc::relax::EmitErrorFn emitError) {
            return inferShape(adaptor, analyzer, emitError);
          });
    }
    ::mlir::LogicalResult $cppClass::verify() {
      return verifyWithShapeRule(
          *this, [&](const ::mlc::sym::Analyzer &analyzer,
                     ::mlc::relax::EmitErrorFn emitError) {
            return inferShape(Adaptor(*this), analyzer, emitError);
          });
    }
  }];
  let extraClassDefinition = shapeRuleHooks;
}

/// Two operands, the result type inferred from both: elementwise ops with
/// numpy broadcasting, and matmul.
class Relax_BinaryTensorOp<string mnemonic, list<Trait> traits = []>
    : Relax_ShapeRuleOp<mnemonic, traits> {
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
  // The broadcast rule, for every op; comparisons give i1.
  let extraClassDefinition = shapeRuleHooks # [{
    ::mlir::FailureOr<::mlc::relax::TensorType> $cppClass::inferShape(
        Adaptor adaptor, const ::mlc::sym::Analyzer &analyzer,
        ::mlc::relax::EmitErrorFn emitError) {
      return inferBroadcastResult(adaptor.getLhs(), adaptor.getRhs(),
                                  }] # resultElementType # [{, analyzer,
                                  emitError);
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
    : Relax_ShapeRuleOp<mnemonic, traits # [Relax_PatternKind<"CommReduce">]> {
  let extraClassDefinition = shapeRuleHooks # [{
    ::mlir::FailureOr<::mlc::relax::TensorType> $cppClass::inferShape(
        Adaptor adaptor, const ::mlc::sym::Analyzer &,
        ::mlc::relax::EmitErrorFn emitError) {
      return inferReductionShape(
          ::llvm::cast<::mlc::relax::TensorType>(adaptor.getInput().getType()),
          adaptor.getAxes(), adaptor.getKeepdims(), emitError);
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
// The operators, by category
//===----------------------------------------------------------------------===//

include "mlc/Dialect/Relax/RelaxElementwiseOps.td"
include "mlc/Dialect/Relax/RelaxLinalgOps.td"
include "mlc/Dialect/Relax/RelaxManipulationOps.td"
include "mlc/Dialect/Relax/RelaxReductionOps.td"
include "mlc/Dialect/Relax/RelaxNNOps.td"
include "mlc/Dialect/Relax/RelaxQuantizeOps.td"
include "mlc/Dialect/Relax/RelaxConvOps.td"
include "mlc/Dialect/Relax/RelaxCreationOps.td"

#endif // MLC_DIALECT_RELAX_RELAXTENSOROPS_TD
