// A two-layer perceptron with a symbolic batch size: relax calls three tensor
// programs (dense layers and a ReLU) in destination-passing style. Run it with
//   bash scripts/run-example.sh
// which verifies it, canonicalizes it and specializes `batch`.

// out[b, j] = sum_k x[b, k] * w[k, j], for every batch size.
tir.prim_func @dense1(%x: memref<?x784xf32>, %w: memref<784x128xf32>,
                      %out: memref<?x128xf32>, %batch: index) {
  %c0 = arith.constant 0 : index
  %c128 = arith.constant 128 : index
  %c784 = arith.constant 784 : index
  %zero = arith.constant 0.0 : f32
  tir.for parallel %b = %c0 to %batch {
    tir.for %j = %c0 to %c128 {
      tir.for %k = %c0 to %c784 {
        tir.block "dense" (%vb: spatial[%batch] = %b, %vj: spatial[128] = %j,
                           %vk: reduce[784] = %k)
            reads(%x[%vb, %vk], %w[%vk, %vj] : memref<?x784xf32>, memref<784x128xf32>)
            writes(%out[%vb, %vj] : memref<?x128xf32>) init {
          memref.store %zero, %out[%vb, %vj] : memref<?x128xf32>
        } {
          %a = memref.load %x[%vb, %vk] : memref<?x784xf32>
          %bw = memref.load %w[%vk, %vj] : memref<784x128xf32>
          %acc = memref.load %out[%vb, %vj] : memref<?x128xf32>
          %prod = arith.mulf %a, %bw : f32
          %sum = arith.addf %acc, %prod : f32
          memref.store %sum, %out[%vb, %vj] : memref<?x128xf32>
        }
      }
    }
  }
  tir.return
}

// In place: h = max(h, 0).
tir.prim_func @relu(%h: memref<?x128xf32>, %batch: index) {
  %c0 = arith.constant 0 : index
  %c128 = arith.constant 128 : index
  %zero = arith.constant 0.0 : f32
  tir.for parallel %b = %c0 to %batch {
    tir.for vectorized %j = %c0 to %c128 {
      tir.block "relu" (%vb: spatial[%batch] = %b, %vj: spatial[128] = %j)
          reads(%h[%vb, %vj] : memref<?x128xf32>)
          writes(%h[%vb, %vj] : memref<?x128xf32>) {
        %v = memref.load %h[%vb, %vj] : memref<?x128xf32>
        %r = arith.maximumf %v, %zero : f32
        memref.store %r, %h[%vb, %vj] : memref<?x128xf32>
      }
    }
  }
  tir.return
}

tir.prim_func @dense2(%x: memref<?x128xf32>, %w: memref<128x10xf32>,
                      %out: memref<?x10xf32>, %batch: index) {
  %c0 = arith.constant 0 : index
  %c10 = arith.constant 10 : index
  %c128 = arith.constant 128 : index
  %zero = arith.constant 0.0 : f32
  tir.for parallel %b = %c0 to %batch {
    tir.for %j = %c0 to %c10 {
      tir.for %k = %c0 to %c128 {
        tir.block "dense" (%vb: spatial[%batch] = %b, %vj: spatial[10] = %j,
                           %vk: reduce[128] = %k)
            reads(%x[%vb, %vk], %w[%vk, %vj] : memref<?x128xf32>, memref<128x10xf32>)
            writes(%out[%vb, %vj] : memref<?x10xf32>) init {
          memref.store %zero, %out[%vb, %vj] : memref<?x10xf32>
        } {
          %a = memref.load %x[%vb, %vk] : memref<?x128xf32>
          %bw = memref.load %w[%vk, %vj] : memref<128x10xf32>
          %acc = memref.load %out[%vb, %vj] : memref<?x10xf32>
          %prod = arith.mulf %a, %bw : f32
          %sum = arith.addf %acc, %prod : f32
          memref.store %sum, %out[%vb, %vj] : memref<?x10xf32>
        }
      }
    }
  }
  tir.return
}

func.func @mlp(%x: !relax.tensor<[batch, 784], f32>,
               %w1: !relax.tensor<[784, 128], f32>,
               %w2: !relax.tensor<[128, 10], f32>)
    -> !relax.tensor<[batch, 10], f32>
    attributes {relax.function, relax.sym_bounds = {batch = array<i64: 1, 4096>}} {
  %logits = relax.dataflow -> !relax.tensor<[batch, 10], f32> {
    %h = relax.call_tir @dense1(%x, %w1) tir_vars [batch]
        : (!relax.tensor<[batch, 784], f32>, !relax.tensor<[784, 128], f32>)
        -> !relax.tensor<[batch, 128], f32>
    %a = relax.call_tir_inplace @relu(%h) inplace [0] tir_vars [batch]
        : (!relax.tensor<[batch, 128], f32>) -> !relax.tensor<[batch, 128], f32>
    %y = relax.call_tir @dense2(%a, %w2) tir_vars [batch]
        : (!relax.tensor<[batch, 128], f32>, !relax.tensor<[128, 10], f32>)
        -> !relax.tensor<[batch, 10], f32>
    relax.output %y : !relax.tensor<[batch, 10], f32>
  }
  return %logits : !relax.tensor<[batch, 10], f32>
}
