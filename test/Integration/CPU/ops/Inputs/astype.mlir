// relax.astype between floats (f16, bf16, f32, f64), integers and booleans;
// see ../astype.test.

func.func @astype_f32_f16(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[n, 3], f16> attributes {relax.function} {
  %0 = relax.astype %x to f16 : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[n, 3], f16>
}

func.func @astype_f32_bf16(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[n, 3], bf16> attributes {relax.function} {
  %0 = relax.astype %x to bf16 : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[n, 3], bf16>
}

func.func @astype_bf16_f32(%x: !relax.tensor<[n, 3], bf16>) -> !relax.tensor<[n, 3], f32> attributes {relax.function} {
  %0 = relax.astype %x to f32 : !relax.tensor<[n, 3], bf16>
  return %0 : !relax.tensor<[n, 3], f32>
}

func.func @astype_bf16_f16(%x: !relax.tensor<[n, 3], bf16>) -> !relax.tensor<[n, 3], f16> attributes {relax.function} {
  %0 = relax.astype %x to f16 : !relax.tensor<[n, 3], bf16>
  return %0 : !relax.tensor<[n, 3], f16>
}

func.func @astype_f16_f64(%x: !relax.tensor<[n, 3], f16>) -> !relax.tensor<[n, 3], f64> attributes {relax.function} {
  %0 = relax.astype %x to f64 : !relax.tensor<[n, 3], f16>
  return %0 : !relax.tensor<[n, 3], f64>
}

func.func @astype_f32_i32(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[n, 3], i32> attributes {relax.function} {
  %0 = relax.astype %x to i32 : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[n, 3], i32>
}

func.func @astype_i32_f32(%x: !relax.tensor<[n, 3], i32>) -> !relax.tensor<[n, 3], f32> attributes {relax.function} {
  %0 = relax.astype %x to f32 : !relax.tensor<[n, 3], i32>
  return %0 : !relax.tensor<[n, 3], f32>
}

func.func @astype_i32_i8(%x: !relax.tensor<[n, 3], i32>) -> !relax.tensor<[n, 3], i8> attributes {relax.function} {
  %0 = relax.astype %x to i8 : !relax.tensor<[n, 3], i32>
  return %0 : !relax.tensor<[n, 3], i8>
}

func.func @astype_i8_i64(%x: !relax.tensor<[n, 3], i8>) -> !relax.tensor<[n, 3], i64> attributes {relax.function} {
  %0 = relax.astype %x to i64 : !relax.tensor<[n, 3], i8>
  return %0 : !relax.tensor<[n, 3], i64>
}

func.func @astype_f32_bool(%x: !relax.tensor<[n, 3], f32>) -> !relax.tensor<[n, 3], i1> attributes {relax.function} {
  %0 = relax.astype %x to i1 : !relax.tensor<[n, 3], f32>
  return %0 : !relax.tensor<[n, 3], i1>
}

func.func @astype_bool_f32(%x: !relax.tensor<[n, 3], i1>) -> !relax.tensor<[n, 3], f32> attributes {relax.function} {
  %0 = relax.astype %x to f32 : !relax.tensor<[n, 3], i1>
  return %0 : !relax.tensor<[n, 3], f32>
}

func.func @astype_bool_i32(%x: !relax.tensor<[n, 3], i1>) -> !relax.tensor<[n, 3], i32> attributes {relax.function} {
  %0 = relax.astype %x to i32 : !relax.tensor<[n, 3], i1>
  return %0 : !relax.tensor<[n, 3], i32>
}
