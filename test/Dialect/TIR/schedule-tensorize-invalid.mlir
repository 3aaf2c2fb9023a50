// RUN: mlc-opt %s --transform-interpreter --split-input-file -verify-diagnostics

/// Every rejection of transform.tir.tensorize: the diagnostic points at the
/// payload op that breaks the rule, and the payload IR stays unchanged.

/// The intrinsic must be registered.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{unknown tensor intrinsic 'cpu.f32_fma_7x7'}}
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_7x7" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// The handle must hold one tir.for.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          // expected-note @below {{payload op}}
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    // expected-error @below {{expects a handle to exactly one tir.for, but it holds 1 payload ops}}
    %t = transform.tir.tensorize %b "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// As many loops as the description (k, i, j).
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      // expected-error @below {{cannot tensorize: 2 nested loops, but intrinsic 'cpu.f32_fma_6x8' has 3}}
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %i "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// Constant extents must be those of the description.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %C: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      // expected-error @below {{cannot tensorize: intrinsic 'cpu.f32_fma_6x8' needs a loop of 6 iterations here}}
      tir.for %i = %c0 to %c8 {
        tir.for %j = %c0 to %c8 {
          tir.block "C" (%vi: spatial[8] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<8x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<8x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<8x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<8x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<8x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// Loops must be serial.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{cannot tensorize: loops must be serial, from 0 with step 1}}
    tir.for parallel %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: spatial[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// The init must be split off first.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          // expected-error @below {{cannot tensorize block "C": it has an init region (decompose_reduction first)}}
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  init {
            %zero = arith.constant 0.0 : f32
            memref.store %zero, %C[%vi, %vj] : memref<6x8xf32>
          } {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// Each iteration variable is bound to its loop of the description.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          // expected-error @below {{cannot tensorize block "C": iteration variable #0 must be 'spatial' and bound to an origin plus the variable of loop #1 of the nest}}
          tir.block "C" (%vi: spatial[6] = %j, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// The body must compute what the description computes.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            // expected-error @+5 {{cannot tensorize: the body of block "C" does not match the intrinsic's description here}}
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.subf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// A predicate must be `binding < bound` terms.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          %cond = arith.cmpi sgt, %j, %i : index
          // expected-error @below {{cannot tensorize block "C": its predicate is not a conjunction of 'binding < bound' with bounds defined outside the nest}}
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>) where(%cond) {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// Region starts must keep tiled variables apart.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          // expected-error @below {{cannot tensorize block "C": a region index mixes a tiled iteration variable with other terms}}
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi + %vk, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// One block under perfectly nested loops.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    // expected-error @below {{cannot tensorize: the loops from here are not perfectly nested around one block}}
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>)  {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
          tir.block "D" {
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// A packed operand needs tile origins at multiples of the panel width.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %Bp: memref<?x?x16xf32>, %C: memref<6x?xf32>,
                   %off: index, %n: index) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    %c16 = arith.constant 16 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c16 {
          %vjb = arith.addi %off, %j : index
          // expected-error @below {{cannot tensorize block "C": the origin of iteration variable #1 is not provably a multiple of 16, which intrinsic 'cpu.f32_fma_6x16_packed_b' needs}}
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[%n] = %vjb, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %Bp[%vj floordiv 16, %vk, %vj mod 16] : memref<6x8xf32>, memref<?x?x16xf32>)
              writes(%C[%vi, %vj] : memref<6x?xf32>) {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %panels = arith.constant 16 : index
            %q = arith.divui %vj, %panels : index
            %r = arith.remui %vj, %panels : index
            %b = memref.load %Bp[%q, %vk, %r] : memref<?x?x16xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x?xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x?xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x16_packed_b" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// The implementation loads vectors along the innermost dimension, so it
/// must have unit stride.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32, strided<[1, 8]>>, %C: memref<6x8xf32>) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[8] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32, strided<[1, 8]>>)
              writes(%C[%vi, %vj] : memref<6x8xf32>) {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            // expected-error @below {{cannot tensorize: buffer of type 'memref<8x8xf32, strided<[1, 8]>>' does not fit the intrinsic's 'memref<?x?xf32>'}}
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32, strided<[1, 8]>>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

/// The new block replaces the nest, so what it keeps (buffers, extents)
/// must come from outside it.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<6x8xf32>, %B: memref<8x8xf32>, %C: memref<6x8xf32>, %n: index) {
    %c0 = arith.constant 0 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    tir.for %k = %c0 to %c8 {
      %extent = arith.addi %n, %c8 : index
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c8 {
          // expected-error @below {{cannot tensorize block "C": a buffer or extent it uses is defined inside the nest}}
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[8] = %j, %vk: reduce[%extent] = %k)
              reads(%A[%vi, %vk], %B[%vk, %vj] : memref<6x8xf32>, memref<8x8xf32>)
              writes(%C[%vi, %vj] : memref<6x8xf32>) {
            %a = memref.load %A[%vi, %vk] : memref<6x8xf32>
            %b = memref.load %B[%vk, %vj] : memref<8x8xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<6x8xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<6x8xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %k, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %t = transform.tir.tensorize %k "cpu.f32_fma_6x8" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// tensorize: a region symbol computed inside the tensorized loop.
module attributes {transform.with_named_sequence} {
  tir.prim_func @f(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>, %k: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c6 = arith.constant 6 : index
    %c16 = arith.constant 16 : index
    %c64 = arith.constant 64 : index
    // expected-error @below {{cannot tensorize block "C": a region symbol is computed inside the loop}}
    tir.for %r = %c0 to %c64 {
      // expected-note @below {{value defined here}}
      %rows = arith.addi %k, %c1 : index
      tir.for %i = %c0 to %c6 {
        tir.for %j = %c0 to %c16 {
          tir.block "C" (%vi: spatial[6] = %i, %vj: spatial[16] = %j, %vk: reduce[64] = %r)
              reads(%A[%vi, %vk], %B[0, %vj] [%rows, 1] : memref<?x?xf32>, memref<?x?xf32>)
              writes(%C[%vi, %vj] : memref<?x?xf32>) {
            %a = memref.load %A[%vi, %vk] : memref<?x?xf32>
            %b = memref.load %B[%vk, %vj] : memref<?x?xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vi, %vj] : memref<?x?xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vi, %vj] : memref<?x?xf32>
          }
        }
      }
    }
    tir.return
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %b = transform.tir.get_block "C" in %root : (!transform.any_op) -> !transform.any_op
    %r, %i, %j = transform.tir.get_loops %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %tile = transform.tir.tensorize %r "cpu.f32_fma_6x16" : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
