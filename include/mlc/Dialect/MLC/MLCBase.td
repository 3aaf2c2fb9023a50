//===- MLCBase.td - the mlc dialect and #mlc.shape ---------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The mlc dialect and its symbolic-expression attribute, without the enums of
// MLCDialect.td, so that other dialects' .td files can use #mlc.shape.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_MLC_MLCBASE_TD
#define MLC_DIALECT_MLC_MLCBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def MLC_Dialect : Dialect {
  let name = "mlc";
  let cppNamespace = "::mlc";
  let summary = "What mlc's dialects and pipelines share: target, symbols";
  let description = [{
    A dialect without operations: attributes that relax, tir and the
    pipelines all read, so that each concept lives in one place. The
    compilation target, `#mlc.target`, is the one description of the machine
    that schedules, code generation and the runtime ABI consult. The
    dialect owns the context that interns symbolic expressions (`mlc::sym`)
    for relax types and tir signatures alike, and `#mlc.shape`, a list of
    them.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    /// The context that interns every symbolic expression of this
    /// MLIRContext (relax types, #mlc.shape, tir signatures).
    ::mlc::sym::Context &getSymContext() { return *symContext; }

    /// The symbolic-expression context of `ctx`, loading the dialect if
    /// needed.
    static ::mlc::sym::Context &getSymContext(::mlir::MLIRContext *ctx);

  private:
    std::unique_ptr<::mlc::sym::Context> symContext;

  public:
  }];
}

//===----------------------------------------------------------------------===//
// Symbolic expressions
//===----------------------------------------------------------------------===//

def MLC_SymShapeAttr : AttrDef<MLC_Dialect, "SymShape"> {
  let mnemonic = "shape";
  let summary = "A list of symbolic integer expressions";
  let description = [{
    Symbolic expressions (`mlc::sym`) over named variables, in the grammar
    of relax types: a shape, or the variables a kernel takes. tir kernels
    state their symbolic signature with it (docs/TIR.md).

    ```mlir
    #mlc.shape<[n, 2 * n, 4]>
    ```
  }];
  let parameters = (ins ArrayRefParameter<"::mlc::sym::Expr", "expressions">:$dims);
  let hasCustomAssemblyFormat = 1;
}


#endif // MLC_DIALECT_MLC_MLCBASE_TD
