//===- TIRDialect.td - TensorIR dialect definition ---------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The `tir` dialect: TVM TensorIR (schedulable tensor programs) in MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TIRDIALECT_TD
#define MLC_DIALECT_TIR_TIRDIALECT_TD

include "mlir/IR/OpBase.td"

def TIR_Dialect : Dialect {
  let name = "tir";
  let cppNamespace = "::mlc::tir";
  let summary = "Tensor programs with blocks, loops and scoped buffers (TensorIR)";
  let description = [{
    The `tir` dialect models TVM's TensorIR: a `tir.prim_func` is a kernel in
    destination-passing style over buffers (`memref`s) and symbolic sizes
    (`index` values). Its body nests `tir.for` loops and `tir.block`s. A block
    names its iteration variables (spatial, reduce, ...), binds them to
    expressions of the surrounding loop variables, and declares the buffer
    regions it reads and writes, which is what schedule primitives reason
    about. Buffers carry their storage scope (`#tir.scope<shared>`) as the
    memref memory space. Loads and stores are plain `memref.load` and
    `memref.store`; scalar arithmetic is `arith` and `math`.
  }];
  let dependentDialects = [
    "::mlc::MLCDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect"
  ];
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    /// The tensor intrinsics of this context (TensorIntrinsics.h).
    ::mlc::tir::TensorIntrinsicRegistry &getTensorIntrinsics() {
      return *tensorIntrinsics;
    }

  private:
    std::unique_ptr<::mlc::tir::TensorIntrinsicRegistry> tensorIntrinsics;

  public:
  }];
}

#endif // MLC_DIALECT_TIR_TIRDIALECT_TD
