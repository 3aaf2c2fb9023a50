// Convolutions, pooling and batch_norm at symbolic shapes; see ../conv.test.

func.func @conv2d_nchw(%x: !relax.tensor<[n, 3, h, w], f32>, %k: !relax.tensor<[4, 3, 3, 3], f32>) -> !relax.tensor<[n, 4, (h - 1) floordiv 2 + 1, (w - 1) floordiv 2 + 1], f32> attributes {relax.function} {
  %0 = relax.conv2d %x, %k strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[4, 3, 3, 3], f32>
  return %0 : !relax.tensor<[n, 4, (h - 1) floordiv 2 + 1, (w - 1) floordiv 2 + 1], f32>
}

// Dilation 2, asymmetric padding, no stride.
func.func @conv2d_dilated(%x: !relax.tensor<[1, 2, h, w], f32>, %k: !relax.tensor<[3, 2, 2, 3], f32>) -> !relax.tensor<[1, 3, h - 1, w - 2], f32> attributes {relax.function} {
  %0 = relax.conv2d %x, %k padding [0, 1, 1, 1] dilation [2, 2] : !relax.tensor<[1, 2, h, w], f32>, !relax.tensor<[3, 2, 2, 3], f32>
  return %0 : !relax.tensor<[1, 3, h - 1, w - 2], f32>
}

// Two groups of 2 input and 3 output channels, channels last.
func.func @conv2d_grouped_nhwc(%x: !relax.tensor<[n, h, w, 4], f32>, %k: !relax.tensor<[6, 3, 3, 2], f32>) -> !relax.tensor<[n, h, w, 6], f32> attributes {relax.function} {
  %0 = relax.conv2d %x, %k padding [1, 1, 1, 1] groups 2 layout NHWC : !relax.tensor<[n, h, w, 4], f32>, !relax.tensor<[6, 3, 3, 2], f32>
  return %0 : !relax.tensor<[n, h, w, 6], f32>
}

// Transposed: stride 2 with output padding doubles the plane.
func.func @conv2d_transpose_up(%x: !relax.tensor<[n, 3, h, w], f32>, %k: !relax.tensor<[3, 4, 3, 3], f32>) -> !relax.tensor<[n, 4, 2 * h, 2 * w], f32> attributes {relax.function} {
  %0 = relax.conv2d_transpose %x, %k strides [2, 2] padding [1, 1, 1, 1] output_padding [1, 1] : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[3, 4, 3, 3], f32>
  return %0 : !relax.tensor<[n, 4, 2 * h, 2 * w], f32>
}

// Transposed with two groups, unequal strides, dilation and padding.
func.func @conv2d_transpose_grouped(%x: !relax.tensor<[1, 4, h, w], f32>, %k: !relax.tensor<[4, 3, 2, 3], f32>) -> !relax.tensor<[1, 6, 3 * h - 1, 2 * w + 2], f32> attributes {relax.function} {
  %0 = relax.conv2d_transpose %x, %k strides [3, 2] padding [0, 1, 0, 0] dilation [1, 2] groups 2 : !relax.tensor<[1, 4, h, w], f32>, !relax.tensor<[4, 3, 2, 3], f32>
  return %0 : !relax.tensor<[1, 6, 3 * h - 1, 2 * w + 2], f32>
}

func.func @max_pool2d(%x: !relax.tensor<[n, 2, h, w], f32>) -> !relax.tensor<[n, 2, (h - 1) floordiv 2 + 1, (w - 1) floordiv 2 + 1], f32> attributes {relax.function} {
  %0 = relax.max_pool2d %x pool_size [3, 3] strides [2, 2] padding [1, 1, 1, 1] : !relax.tensor<[n, 2, h, w], f32>
  return %0 : !relax.tensor<[n, 2, (h - 1) floordiv 2 + 1, (w - 1) floordiv 2 + 1], f32>
}

func.func @avg_pool2d(%x: !relax.tensor<[n, h, w, 2], f32>) -> !relax.tensor<[n, h, w, 2], f32> attributes {relax.function} {
  %0 = relax.avg_pool2d %x pool_size [3, 3] padding [1, 1, 1, 1] layout NHWC : !relax.tensor<[n, h, w, 2], f32>
  return %0 : !relax.tensor<[n, h, w, 2], f32>
}

func.func @avg_pool2d_count_pad(%x: !relax.tensor<[n, 2, h, w], f32>) -> !relax.tensor<[n, 2, h, w], f32> attributes {relax.function} {
  %0 = relax.avg_pool2d %x pool_size [3, 3] padding [1, 1, 1, 1] count_include_pad : !relax.tensor<[n, 2, h, w], f32>
  return %0 : !relax.tensor<[n, 2, h, w], f32>
}

func.func @adaptive_avg_pool2d(%x: !relax.tensor<[n, 2, h, w], f32>) -> !relax.tensor<[n, 2, 3, 2], f32> attributes {relax.function} {
  %0 = relax.adaptive_avg_pool2d %x output_size [3, 2] : !relax.tensor<[n, 2, h, w], f32>
  return %0 : !relax.tensor<[n, 2, 3, 2], f32>
}

func.func @global_avg_pool2d(%x: !relax.tensor<[n, 3, h, w], f32>) -> !relax.tensor<[n, 3, 1, 1], f32> attributes {relax.function} {
  %0 = relax.adaptive_avg_pool2d %x output_size [1, 1] : !relax.tensor<[n, 3, h, w], f32>
  return %0 : !relax.tensor<[n, 3, 1, 1], f32>
}

func.func @batch_norm(%x: !relax.tensor<[n, 3, h, w], f32>, %g: !relax.tensor<[3], f32>, %b: !relax.tensor<[3], f32>, %m: !relax.tensor<[3], f32>, %v: !relax.tensor<[3], f32>) -> !relax.tensor<[n, 3, h, w], f32> attributes {relax.function} {
  %0 = relax.batch_norm %x, %g, %b, %m, %v : !relax.tensor<[n, 3, h, w], f32>, !relax.tensor<[3], f32>, !relax.tensor<[3], f32>, !relax.tensor<[3], f32>, !relax.tensor<[3], f32>
  return %0 : !relax.tensor<[n, 3, h, w], f32>
}

func.func @conv1d_ncw(%x: !relax.tensor<[n, 3, l], f32>, %k: !relax.tensor<[4, 3, 3], f32>) -> !relax.tensor<[n, 4, (l - 1) floordiv 2 + 1], f32> attributes {relax.function} {
  %0 = relax.conv1d %x, %k strides [2] padding [1, 1] : !relax.tensor<[n, 3, l], f32>, !relax.tensor<[4, 3, 3], f32>
  return %0 : !relax.tensor<[n, 4, (l - 1) floordiv 2 + 1], f32>
}

func.func @conv1d_nwc(%x: !relax.tensor<[n, l, 4], f32>, %k: !relax.tensor<[2, 2, 2], f32>) -> !relax.tensor<[n, l - 1, 2], f32> attributes {relax.function} {
  %0 = relax.conv1d %x, %k padding [0, 1] dilation [2] groups 2 layout NHWC : !relax.tensor<[n, l, 4], f32>, !relax.tensor<[2, 2, 2], f32>
  return %0 : !relax.tensor<[n, l - 1, 2], f32>
}

func.func @resize_nearest(%x: !relax.tensor<[n, 2, h, w], f32>) -> !relax.tensor<[n, 2, 2 * h, 3], f32> attributes {relax.function} {
  %0 = relax.resize2d %x [2 * h, 3] : !relax.tensor<[n, 2, h, w], f32>
  return %0 : !relax.tensor<[n, 2, 2 * h, 3], f32>
}

func.func @resize_linear(%x: !relax.tensor<[n, h, w, 2], f32>) -> !relax.tensor<[n, 2 * h, w + 3, 2], f32> attributes {relax.function} {
  %0 = relax.resize2d %x [2 * h, w + 3] method linear layout NHWC : !relax.tensor<[n, h, w, 2], f32>
  return %0 : !relax.tensor<[n, 2 * h, w + 3, 2], f32>
}

func.func @resize_align_corners(%x: !relax.tensor<[1, 1, h, w], f32>) -> !relax.tensor<[1, 1, 5, 1], f32> attributes {relax.function} {
  %0 = relax.resize2d %x [5, 1] method linear coordinates align_corners : !relax.tensor<[1, 1, h, w], f32>
  return %0 : !relax.tensor<[1, 1, 5, 1], f32>
}

func.func @resize_asymmetric(%x: !relax.tensor<[1, 2, h, w], f32>) -> !relax.tensor<[1, 2, 4, 7], f32> attributes {relax.function} {
  %0 = relax.resize2d %x [4, 7] method linear coordinates asymmetric : !relax.tensor<[1, 2, h, w], f32>
  return %0 : !relax.tensor<[1, 2, 4, 7], f32>
}
