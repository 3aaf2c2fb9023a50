//===- TIRAttrs.td - TensorIR enums and attributes ---------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Closed sets of TensorIR (storage scopes, loop kinds, thread tags, iteration
// variable kinds) as enum attributes, and the buffer-region attribute that
// `tir.block` uses for its read and write sets.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TIRATTRS_TD
#define MLC_DIALECT_TIR_TIRATTRS_TD

include "mlc/Dialect/TIR/TIRDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

/// An enum that only provides the C++ enum and its string conversions; the
/// attribute wrapping it is a dialect attribute (`#tir.<mnemonic><...>`).
class TIR_I32Enum<string name, string summary, list<I32EnumAttrCase> cases>
    : I32EnumAttr<name, summary, cases> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlc::tir";
}

class TIR_EnumAttr<TIR_I32Enum enumInfo, string attrMnemonic>
    : EnumAttr<TIR_Dialect, enumInfo, attrMnemonic> {
  let assemblyFormat = "`<` $value `>`";
}

def TIR_StorageScope : TIR_I32Enum<"StorageScope", "buffer storage scope", [
    I32EnumAttrCase<"Global", 0, "global">,
    I32EnumAttrCase<"Shared", 1, "shared">,
    I32EnumAttrCase<"Local", 2, "local">
  ]> {
  let description = [{
    Where a buffer lives: `global` (device memory), `shared` (per thread
    block) or `local` (per thread). A memref without a memory space is global.
  }];
}

def TIR_ForKind : TIR_I32Enum<"ForKind", "kind of a tir.for loop", [
    I32EnumAttrCase<"Serial", 0, "serial">,
    I32EnumAttrCase<"Parallel", 1, "parallel">,
    I32EnumAttrCase<"Vectorized", 2, "vectorized">,
    I32EnumAttrCase<"Unrolled", 3, "unrolled">,
    I32EnumAttrCase<"ThreadBinding", 4, "thread_binding">
  ]>;

def TIR_ThreadTag : TIR_I32Enum<"ThreadTag", "GPU thread axis", [
    I32EnumAttrCase<"BlockIdxX", 0, "blockIdx.x">,
    I32EnumAttrCase<"BlockIdxY", 1, "blockIdx.y">,
    I32EnumAttrCase<"BlockIdxZ", 2, "blockIdx.z">,
    I32EnumAttrCase<"ThreadIdxX", 3, "threadIdx.x">,
    I32EnumAttrCase<"ThreadIdxY", 4, "threadIdx.y">,
    I32EnumAttrCase<"ThreadIdxZ", 5, "threadIdx.z">,
    I32EnumAttrCase<"VThread", 6, "vthread">
  ]>;

def TIR_IterKind : TIR_I32Enum<"IterKind", "kind of a block iteration variable", [
    I32EnumAttrCase<"Spatial", 0, "spatial">,
    I32EnumAttrCase<"Reduce", 1, "reduce">,
    I32EnumAttrCase<"Scan", 2, "scan">,
    I32EnumAttrCase<"Opaque", 3, "opaque">
  ]> {
  let description = [{
    TVM's IterVar types that a block may declare: `spatial` (kDataPar),
    `reduce` (kCommReduce), `scan` (kOrdered) and `opaque` (kOpaque).
  }];
}

//===----------------------------------------------------------------------===//
// Enum attributes
//===----------------------------------------------------------------------===//

def TIR_StorageScopeAttr : TIR_EnumAttr<TIR_StorageScope, "scope"> {
  let summary = "storage scope used as a memref memory space";
}
def TIR_ForKindAttr : TIR_EnumAttr<TIR_ForKind, "for_kind">;
def TIR_ThreadTagAttr : TIR_EnumAttr<TIR_ThreadTag, "thread_tag">;
def TIR_IterKindAttr : TIR_EnumAttr<TIR_IterKind, "iter_kind">;

def TIR_IterKindArrayAttr
    : TypedArrayAttrBase<TIR_IterKindAttr, "array of iteration variable kinds">;

//===----------------------------------------------------------------------===//
// Buffer regions
//===----------------------------------------------------------------------===//

def TIR_BufferRegionAttr : AttrDef<TIR_Dialect, "BufferRegion"> {
  let mnemonic = "region";
  let summary = "a rectangular region of a buffer, over block iteration variables";
  let description = [{
    The part of a buffer a `tir.block` touches: per dimension a half-open
    range `[start, start + extent)`. `start` is an affine map whose dims are
    the block's iteration variables in order and whose symbols are the
    block's region symbols (`index` values fixed for all instances of the
    block, such as prim_func parameters); it has one result per buffer
    dimension. `extents` is an affine map over the same dims and symbols
    that uses no dim: one positive constant or symbolic extent per dimension
    (1 is a point access). Constant extents print as a list of integers.

    ```mlir
    #tir.region<(d0, d1, d2) -> (d0, d2 * 4), [1, 4]>
    #tir.region<(d0)[s0, s1] -> (d0 + s0, 0), (d0)[s0, s1] -> (1, s1)>
    ```
  }];
  let parameters = (ins "::mlir::AffineMap":$start,
                        "::mlir::AffineMap":$extents);
  let builders = [
    AttrBuilder<(ins "::mlir::AffineMap":$start,
                     "::llvm::ArrayRef<int64_t>":$constantExtents), [{
      return $_get($_ctxt, start,
                   ::mlc::tir::getConstantExtentsMap(start, constantExtents));
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let skipDefaultBuilders = 0;
  let extraClassDeclaration = [{
    /// Number of buffer dimensions the region covers.
    unsigned getRank() const { return getStart().getNumResults(); }
    /// Number of region symbols the maps use (the block's region symbols).
    unsigned getNumSymbols() const { return getStart().getNumSymbols(); }
    /// The extent of dimension `dim`, an expression of the symbols.
    ::mlir::AffineExpr getExtent(unsigned dim) const {
      return getExtents().getResult(dim);
    }
    /// The extents when all are constants.
    std::optional<::llvm::SmallVector<int64_t>> getConstantExtents() const;
    /// True when neither the starts nor the extents use a symbol.
    bool isSymbolFree() const;
  }];
}

#endif // MLC_DIALECT_TIR_TIRATTRS_TD
