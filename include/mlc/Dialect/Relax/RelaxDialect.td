//===- RelaxDialect.td - relax dialect definition ----------*- tablegen -*-===//
//
// The relax dialect: TVM Unity's graph-level IR, with tensor types that carry
// symbolic shapes.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXDIALECT_TD
#define MLC_DIALECT_RELAX_RELAXDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Relax_Dialect : Dialect {
  let name = "relax";
  let cppNamespace = "::mlc::relax";
  let summary = "Graph-level IR with symbolic tensor shapes";
  let description = [{
    relax brings TVM Unity's graph-level IR into MLIR. Its values are tensors
    whose type records each dimension as a constant, a *symbolic expression*
    over named int64 variables (`n`, `2 * n`, `(n + 31) floordiv 32`), or
    unknown. Symbolic variables are scoped to a function: a variable is
    defined by its first bare occurrence in the function's argument types or
    by `relax.match_cast`. Relations that the prover can decide are checked
    at compile time; the rest are checked at run time at function boundaries
    and at `relax.match_cast`.

    Relax code lives in `func.func`; pure dataflow sits in `relax.dataflow`
    regions; tensor programs (`tir.prim_func`) are called in
    destination-passing style with `relax.call_tir`.

    Function attributes understood by the dialect:
    * `relax.function` (required on every function that holds relax code):
      the function is relax code. Its symbolic scope is verified once, in a
      walk over the whole function; relax ops in a function without it are
      an error, and passes recognize relax functions by it alone;
    * `relax.sym_bounds = {n = array<i64: 1, 4096>}`: inclusive bounds of
      symbolic variables, used by the prover and enforced at run time when
      the function is called;
    * `relax.sym_divisible = {n = 32 : i64}`: `n` is a multiple of 32;
    * `relax.device = #relax.device<cpu>`: where the function's calls run and
      its storages live (default: the CPU).

    Argument attribute:
    * `relax.param = "fc1.weight"`: the argument is a model parameter of that
      name; the runtime takes it from the parameter table it loaded (for
      example from a `.safetensors` file with `mlc-run --params`) instead of
      from the caller.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlc::MLCDialect"];
  let extraClassDeclaration = [{
    /// The context that interns every symbolic expression of this
    /// MLIRContext: the mlc dialect's, shared with tir.
    ::mlc::sym::Context &getSymContext();

    /// The symbolic-expression context of `ctx` (the mlc dialect's).
    static ::mlc::sym::Context &getSymContext(::mlir::MLIRContext *ctx);

    /// Attribute names understood on functions.
    static constexpr ::llvm::StringLiteral kSymBoundsAttrName =
        "relax.sym_bounds";
    static constexpr ::llvm::StringLiteral kSymDivisibleAttrName =
        "relax.sym_divisible";
    /// Marks a function as relax code: the dialect verifies its symbolic
    /// scope once, and passes treat it (and only it) as relax.
    static constexpr ::llvm::StringLiteral kFunctionAttrName =
        "relax.function";
    /// A function's device (#relax.device): its calls run there.
    static constexpr ::llvm::StringLiteral kDeviceAttrName = "relax.device";
    /// An argument attribute: the name of the parameter the argument is.
    static constexpr ::llvm::StringLiteral kParamAttrName = "relax.param";

  private:
    void registerTypes();
    void registerAttributes();

  public:
  }];
}

class Relax_Op<string mnemonic, list<Trait> traits = []>
    : Op<Relax_Dialect, mnemonic, traits>;

class Relax_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Relax_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

class Relax_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Relax_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

#endif // MLC_DIALECT_RELAX_RELAXDIALECT_TD
