//===- RelaxConvOps.td - relax convolutions and pooling ----*- tablegen -*-===//
//
// The CNN operators: conv2d, max/avg pooling, adaptive average pooling and
// batch normalization (inference).
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXCONVOPS_TD
#define MLC_DIALECT_RELAX_RELAXCONVOPS_TD

def Relax_Conv2DOp : Relax_ShapeRuleOp<"conv2d", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "2-D convolution";
  let description = [{
    PyTorch's `conv2d` (TVM's `R.nn.conv2d`): `data` `[n, c, h, w]` and
    `weight` `[o, c / groups, kh, kw]` in the `NCHW` layout (the default;
    `NHWC` takes `[n, h, w, c]` and `[o, kh, kw, c / groups]`). `strides`
    and `dilation` are `[y, x]` (default 1), `padding` is `[top, left,
    bottom, right]` of zeros (default 0). The output has `o` channels and
    `(h + top + bottom - dilation_y * (kh - 1) - 1) floordiv stride_y + 1`
    rows (columns alike), which must be positive. `groups` divides `c` and
    `o`. One floating-point element type; the sums are in it, as matmul's.

    ```mlir
    %y = relax.conv2d %x, %w strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 3, 224, 224], f32>, !relax.tensor<[64, 3, 3, 3], f32>
    // %y : !relax.tensor<[n, 64, 112, 112], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$data, Relax_FloatTensor:$weight,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilation,
                       DefaultValuedAttr<I64Attr, "1">:$groups,
                       DefaultValuedAttr<Relax_ConvLayout,
                                         "::mlc::relax::ConvLayout::NCHW">:$layout);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $data `,` $weight (`strides` $strides^)? (`padding` $padding^)?
    (`dilation` $dilation^)? (`groups` $groups^)? (`layout` $layout^)?
    attr-dict `:` qualified(type($data)) `,` qualified(type($weight))
  }];
}

def Relax_Conv1DOp : Relax_ShapeRuleOp<"conv1d", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "1-D convolution";
  let description = [{
    PyTorch's `conv1d`: `data` `[n, c, w]` and `weight` `[o, c / groups, k]`
    in the `NCHW` layout, read as NCW (the default; `NHWC` is NWC: `[n, w,
    c]` and `[o, k, c / groups]`). `strides` and `dilation` have one value,
    `padding` two (`[left, right]`). It is conv2d over a height of 1, and
    relax-legalize rewrites it so (expand_dims, conv2d, squeeze).

    ```mlir
    %y = relax.conv1d %x, %w padding [1, 1] : !relax.tensor<[n, 16, l], f32>, !relax.tensor<[32, 16, 3], f32>
    // %y : !relax.tensor<[n, 32, l], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$data, Relax_FloatTensor:$weight,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1}">:$strides,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0}">:$padding,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1}">:$dilation,
                       DefaultValuedAttr<I64Attr, "1">:$groups,
                       DefaultValuedAttr<Relax_ConvLayout,
                                         "::mlc::relax::ConvLayout::NCHW">:$layout);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $data `,` $weight (`strides` $strides^)? (`padding` $padding^)?
    (`dilation` $dilation^)? (`groups` $groups^)? (`layout` $layout^)?
    attr-dict `:` qualified(type($data)) `,` qualified(type($weight))
  }];
}

def Relax_Conv2DTransposeOp : Relax_ShapeRuleOp<"conv2d_transpose", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "Transposed 2-D convolution";
  let description = [{
    PyTorch's `conv_transpose2d` in NCHW: `data` `[n, c, h, w]` and
    `weight` `[c, o / groups, kh, kw]` give `[n, o, oh, ow]` with
    `oh = (h - 1) * stride_y - top - bottom + dilation_y * (kh - 1) +
    output_padding_y + 1` (columns alike). `strides` and `dilation` are
    `[y, x]` (default 1), `padding` `[top, left, bottom, right]` (default
    0), `output_padding` `[y, x]` (default 0; each smaller than its stride
    or its dilation). One floating-point element type.

    ```mlir
    %u = relax.conv2d_transpose %x, %w strides [2, 2] padding [1, 1, 1, 1] output_padding [1, 1] : !relax.tensor<[n, 64, h, w], f32>, !relax.tensor<[64, 32, 3, 3], f32>
    // %u : !relax.tensor<[n, 32, h * 2, w * 2], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$data, Relax_FloatTensor:$weight,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0}">:$output_padding,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilation,
                       DefaultValuedAttr<I64Attr, "1">:$groups);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $data `,` $weight (`strides` $strides^)? (`padding` $padding^)?
    (`output_padding` $output_padding^)? (`dilation` $dilation^)?
    (`groups` $groups^)? attr-dict `:` qualified(type($data)) `,`
    qualified(type($weight))
  }];
}

class Relax_Pool2DOp<string mnemonic, string what>
    : Relax_ShapeRuleOp<mnemonic, [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "2-D " # what # " pooling";
  let description = [{
    The }] # what # [{ over `pool_size` windows (`[y, x]`), moved by
    `strides` (default 1), over data padded by `padding` (`[top, left,
    bottom, right]`, default 0), in the `NCHW` (default) or `NHWC` layout.
    The output size follows conv2d's rule with the window as the kernel.
    Padding never counts as a value: max pooling ignores it, and average
    pooling divides by the number of real elements in the window unless
    `count_include_pad` is set (PyTorch's default is to count them).

    ```mlir
    %p = relax.}] # mnemonic # [{ %x pool_size [3, 3] strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 64, 112, 112], f32>
    // %p : !relax.tensor<[n, 64, 56, 56], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$data,
                       DenseI64ArrayAttr:$pool_size,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
                       UnitAttr:$count_include_pad,
                       DefaultValuedAttr<Relax_ConvLayout,
                                         "::mlc::relax::ConvLayout::NCHW">:$layout);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $data `pool_size` $pool_size (`strides` $strides^)? (`padding` $padding^)?
    (`count_include_pad` $count_include_pad^)? (`layout` $layout^)?
    attr-dict `:` qualified(type($data))
  }];
}

def Relax_MaxPool2DOp : Relax_Pool2DOp<"max_pool2d", "maximum">;
def Relax_AvgPool2DOp : Relax_Pool2DOp<"avg_pool2d", "average">;

def Relax_AdaptiveAvgPool2DOp : Relax_ShapeRuleOp<"adaptive_avg_pool2d", [Relax_PatternKind<"OutEWiseFusable">]> {
  let summary = "2-D average pooling to a given output size";
  let description = [{
    PyTorch's `adaptive_avg_pool2d`: output row `i` of `oh` averages input
    rows `[floor(i * h / oh), ceil((i + 1) * h / oh))` (columns alike), so
    `output_size` `[1, 1]` is the global average pool of a ResNet's head.
    `NCHW` (default) or `NHWC`.

    ```mlir
    %g = relax.adaptive_avg_pool2d %x output_size [1, 1] : !relax.tensor<[n, 512, 7, 7], f32>
    // %g : !relax.tensor<[n, 512, 1, 1], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$data,
                       DenseI64ArrayAttr:$output_size,
                       DefaultValuedAttr<Relax_ConvLayout,
                                         "::mlc::relax::ConvLayout::NCHW">:$layout);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $data `output_size` $output_size (`layout` $layout^)? attr-dict `:`
    qualified(type($data))
  }];
}

def Relax_Resize2DOp : Relax_ShapeRuleOp<"resize2d", [Relax_PatternKind<"Injective">]> {
  let summary = "Resize images by nearest or bilinear sampling";
  let description = [{
    The spatial dims of `data` (`NCHW` by default, or `NHWC`) become `size`
    (`[height, width]`, symbolic expressions over variables in scope). Each
    output coordinate `d` maps to an input coordinate `s` of an axis of
    input extent `in` and output extent `out`:

    - `nearest` (default): `s = min(floor(d * in / out), in - 1)` (PyTorch's
      `nearest`);
    - `linear`: bilinear between the neighbours of `s`, where `s` is
      `(d + 0.5) * in / out - 0.5` clamped at 0 (`half_pixel`, the default:
      PyTorch's `align_corners=False`), `d * (in - 1) / (out - 1)`
      (`align_corners`; 0 when `out` is 1) or `d * in / out`
      (`asymmetric`). The weights are computed in f32 (f64 for f64 data).

    ```mlir
    %u = relax.resize2d %x [2 * h, 2 * w] method linear : !relax.tensor<[n, 64, h, w], f32>
    // %u : !relax.tensor<[n, 64, 2 * h, 2 * w], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$data, Relax_ShapeAttr:$size,
                       DefaultValuedAttr<Relax_ResizeMethod,
                                         "::mlc::relax::ResizeMethod::nearest">:$method,
                       DefaultValuedAttr<Relax_CoordinateMode,
                                         "::mlc::relax::CoordinateMode::half_pixel">:$coordinates,
                       DefaultValuedAttr<Relax_ConvLayout,
                                         "::mlc::relax::ConvLayout::NCHW">:$layout);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $data custom<SymList>($size) (`method` $method^)?
    (`coordinates` $coordinates^)? (`layout` $layout^)? attr-dict `:`
    qualified(type($data))
  }];
}

def Relax_BatchNormOp : Relax_ShapeRuleOp<"batch_norm", [Relax_PatternKind<"Broadcast">]> {
  let summary = "Batch normalization with running statistics (inference)";
  let description = [{
    `(x - mean) / sqrt(var + epsilon) * gamma + beta` with the per-channel
    `gamma`, `beta`, `mean` and `var` (rank 1, one element per element of
    `axis`, default 1: NCHW's channels) broadcast along `axis`. The result
    has the input's type; `epsilon` defaults to 1e-5.

    ```mlir
    %y = relax.batch_norm %x, %gamma, %beta, %mean, %var : !relax.tensor<[n, 64, h, w], f32>, !relax.tensor<[64], f32>, !relax.tensor<[64], f32>, !relax.tensor<[64], f32>, !relax.tensor<[64], f32>
    ```
  }];
  let arguments = (ins Relax_FloatTensor:$data, Relax_FloatTensor:$gamma,
                       Relax_FloatTensor:$beta, Relax_FloatTensor:$mean,
                       Relax_FloatTensor:$variance,
                       DefaultValuedAttr<I64Attr, "1">:$axis,
                       DefaultValuedAttr<F64Attr, "1e-5">:$epsilon);
  let results = (outs Relax_FloatTensor:$result);
  let assemblyFormat = [{
    $data `,` $gamma `,` $beta `,` $mean `,` $variance (`axis` $axis^)?
    (`epsilon` $epsilon^)? attr-dict `:` qualified(type($data)) `,`
    qualified(type($gamma)) `,` qualified(type($beta)) `,`
    qualified(type($mean)) `,` qualified(type($variance))
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXCONVOPS_TD
