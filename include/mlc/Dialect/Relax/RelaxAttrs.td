//===- RelaxAttrs.td - relax attributes --------------------*- tablegen -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXATTRS_TD
#define MLC_DIALECT_RELAX_RELAXATTRS_TD

include "mlc/Dialect/Relax/RelaxTypes.td"
include "mlir/IR/EnumAttr.td"

def Relax_ShapeAttr : Relax_Attr<"Shape", "shape"> {
  let summary = "A list of symbolic expressions";
  let description = [{
    A list of symbolic integer expressions, used where a shape or a list of
    symbolic values is an attribute of an op (the value of `relax.shape`, the
    symbolic arguments of `relax.call_tir`).

    ```mlir
    #relax.shape<[n, 2 * n, 4]>
    ```
  }];
  let parameters = (ins Relax_SymDimsParameter:$dims);
  let hasCustomAssemblyFormat = 1;
}

def Relax_OpPatternKind : I32EnumAttr<"OpPatternKind",
    "how an operator's output depends on its inputs, for fusion", [
    I32EnumAttrCase<"Elementwise", 0, "elementwise">,
    I32EnumAttrCase<"Broadcast", 1, "broadcast">,
    I32EnumAttrCase<"Injective", 2, "injective">,
    I32EnumAttrCase<"CommReduce", 3, "reduction">,
    I32EnumAttrCase<"OutEWiseFusable", 4, "output_elementwise_fusable">,
    I32EnumAttrCase<"Opaque", 8, "opaque">
  ]> {
  let cppNamespace = "::mlc::relax";
  let genSpecializedAttr = 0;
  let description = [{
    TVM's OpPatternKind, in its order (a larger kind fuses less): each
    output element depends on the input element at the same index
    (elementwise), on one element of inputs that broadcast (broadcast), on
    one element anywhere (injective: reshape, transpose, gather), on a
    reduction over inputs (reduction), or the op is a matmul or a
    convolution that can take an elementwise epilogue
    (output_elementwise_fusable); anything else is opaque.
  }];
}

def Relax_ConvLayout : I32EnumAttr<"ConvLayout",
    "the layout of the data of convolutions and pooling", [
    I32EnumAttrCase<"NCHW", 0>,
    I32EnumAttrCase<"NHWC", 1>
  ]> {
  let cppNamespace = "::mlc::relax";
  let description = [{
    `NCHW`: data `[batch, channels, height, width]` and convolution weights
    `[out, in, kh, kw]` (OIHW). `NHWC`: data `[batch, height, width,
    channels]` and weights `[out, kh, kw, in]` (OHWI).
  }];
}

def Relax_PadMode : I32EnumAttr<"PadMode", "how relax.pad fills", [
    I32EnumAttrCase<"constant", 0>,
    I32EnumAttrCase<"edge", 1>,
    I32EnumAttrCase<"reflect", 2>
  ]> {
  let cppNamespace = "::mlc::relax";
  let description = [{
    numpy's `pad` modes: `constant` (a value), `edge` (the nearest element)
    and `reflect` (mirrored about the edge element, which is not repeated).
  }];
}

def Relax_ResizeMethod : I32EnumAttr<"ResizeMethod",
    "how relax.resize2d samples", [
    I32EnumAttrCase<"nearest", 0>,
    I32EnumAttrCase<"linear", 1>
  ]> {
  let cppNamespace = "::mlc::relax";
}

def Relax_CoordinateMode : I32EnumAttr<"CoordinateMode",
    "how relax.resize2d maps output coordinates to input ones", [
    I32EnumAttrCase<"half_pixel", 0>,
    I32EnumAttrCase<"align_corners", 1>,
    I32EnumAttrCase<"asymmetric", 2>
  ]> {
  let cppNamespace = "::mlc::relax";
}

// The values are DLPack's device type codes, which the runtime ABI uses.
def Relax_DeviceKind : I32EnumAttr<"DeviceKind", "kind of device", [
    I32EnumAttrCase<"cpu", 1>,
    I32EnumAttrCase<"cuda", 2>,
    I32EnumAttrCase<"vulkan", 7>]> {
  let cppNamespace = "::mlc::relax";
  let genSpecializedAttr = 0;
}

def Relax_DeviceAttr : Relax_Attr<"Device", "device"> {
  let summary = "A device: its kind and index";
  let description = [{
    Where a storage lives and where the code that uses it runs. The kind is
    `cpu`, `cuda` or `vulkan` (DLPack's device types 1, 2 and 7); the index
    (default 0) tells devices of one kind apart.

    ```mlir
    #relax.device<cpu>
    #relax.device<cuda:1>
    ```

    Only `cpu` is compiled and run today; the others are carried through the
    IR and the module metadata unchanged.
  }];
  let parameters = (ins EnumParameter<Relax_DeviceKind>:$kind,
                        DefaultValuedParameter<"int64_t", "0">:$index);
  let assemblyFormat = "`<` $kind (`:` $index^)? `>`";
  let genVerifyDecl = 1;
  let builders = [
    AttrBuilder<(ins), [{ return $_get($_ctxt, DeviceKind::cpu, 0); }]>
  ];
}

#endif // MLC_DIALECT_RELAX_RELAXATTRS_TD
