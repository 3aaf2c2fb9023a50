//===- RelaxTypes.td - relax types -------------------------*- tablegen -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXTYPES_TD
#define MLC_DIALECT_RELAX_RELAXTYPES_TD

include "mlc/Dialect/Relax/RelaxDialect.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

/// One symbolic dimension: a canonical expression, or null for `?`.
def Relax_SymDimsParameter
    : ArrayRefParameter<"::mlc::sym::Expr", "symbolic dimensions">;

def Relax_TensorType : Relax_Type<"Tensor", "tensor", [
    DeclareTypeInterfaceMethods<ShapedTypeInterface,
        ["cloneWith", "getShape", "hasRank"]>]> {
  let summary = "Tensor with a symbolic shape";
  let description = [{
    A tensor value whose dimensions are constants, symbolic expressions over
    the function's symbolic variables, or unknown (`?`). The rank itself may
    be unknown (`*`).

    ```mlir
    !relax.tensor<[n, 2 * n], f32>      // rank 2, dim 1 is twice dim 0
    !relax.tensor<[?, 4096], f16>       // first dim unknown
    !relax.tensor<[], i64>              // rank-0 tensor
    !relax.tensor<*, f32>               // unknown rank
    ```

    The element type (dtype) is a builtin integer or float type: `f16`,
    `bf16`, `f32`, `f64`, `i1`, `i8`, `i16`, `i32`, `i64`, `ui8`, `ui32`, ...

    The type implements `ShapedType`: constant dims read as static sizes,
    symbolic and unknown dims read as dynamic, so upstream utilities work on
    it; `getDims()` keeps the symbolic expressions.
  }];
  let parameters = (ins
    "bool":$ranked,
    Relax_SymDimsParameter:$dims,
    ArrayRefParameter<"int64_t", "static view of the dims">:$staticShape,
    "::mlir::Type":$elementType);
  let skipDefaultBuilders = 1;
  let builders = [
    TypeBuilderWithInferredContext<(ins
        "::llvm::ArrayRef<::mlc::sym::Expr>":$dims,
        "::mlir::Type":$elementType), [{
      ::llvm::SmallVector<int64_t> shape = ::mlc::relax::getStaticShape(dims);
      return $_get(elementType.getContext(), true, dims, shape, elementType);
    }]>,
    TypeBuilderWithInferredContext<(ins "::mlir::Type":$elementType), [{
      return $_get(elementType.getContext(), false,
                   ::llvm::ArrayRef<::mlc::sym::Expr>(),
                   ::llvm::ArrayRef<int64_t>(), elementType);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let extraClassDeclaration = [{
    /// The number of dimensions; only valid when ranked.
    int64_t getNumDims() const { return getDims().size(); }
    /// The shape as an attribute (null dims stay unknown).
    ShapeAttr getShapeAttr() const;
  }];
}

def Relax_ShapeType : Relax_Type<"Shape", "shape"> {
  let summary = "First-class shape value";
  let description = [{
    A shape as a value, e.g. the result of `relax.shape_of`. Its type records
    the (symbolic) values of the shape's entries; `*` means the number of
    entries is unknown.

    ```mlir
    !relax.shape<[n, 4]>
    !relax.shape<*>
    ```
  }];
  let parameters = (ins "bool":$ranked, Relax_SymDimsParameter:$dims);
  let skipDefaultBuilders = 1;
  let builders = [
    TypeBuilder<(ins "::llvm::ArrayRef<::mlc::sym::Expr>":$dims), [{
      return $_get($_ctxt, true, dims);
    }]>,
    TypeBuilder<(ins), [{
      return $_get($_ctxt, false, ::llvm::ArrayRef<::mlc::sym::Expr>());
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
}

def Relax_ObjectType : Relax_Type<"Object", "object"> {
  let summary = "Opaque runtime object";
  let description = [{
    A value the compiler knows nothing about (TVM's `R.Object`), e.g. the
    handle an external library returns.
  }];
}

def Relax_StorageType : Relax_Type<"Storage", "storage"> {
  let summary = "A block of device memory that tensors view";
  let description = [{
    The result of `relax.alloc_storage`: bytes on a device, from which
    `relax.alloc_tensor` carves tensors at byte offsets. Exists only after
    `relax-to-explicit-memory`; memory planning rewrites these blocks.

    ```mlir
    !relax.storage
    ```
  }];
}

def Relax_AnyTensor : Type<CPred<"::llvm::isa<::mlc::relax::TensorType>($_self)">,
    "relax tensor", "::mlc::relax::TensorType">;
def Relax_AnyShape : Type<CPred<"::llvm::isa<::mlc::relax::ShapeType>($_self)">,
    "relax shape", "::mlc::relax::ShapeType">;
def Relax_TensorOrObject : AnyTypeOf<[Relax_AnyTensor, Relax_ObjectType]>;
def Relax_Value : AnyTypeOf<[Relax_AnyTensor, Relax_AnyShape, Relax_ObjectType,
    AnyTuple]>;

#endif // MLC_DIALECT_RELAX_RELAXTYPES_TD
