//===- ComputeLocationTransformOps.td - transform.tir ops -------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Included by TIRTransformOps.td: compute_at, reverse_compute_at, rfactor, pad_einsum and
// blockize.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_COMPUTELOCATIONTRANSFORMOPS_TD
#define MLC_DIALECT_TIR_TRANSFORMOPS_COMPUTELOCATIONTRANSFORMOPS_TD

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_COMPUTELOCATIONTRANSFORMOPS_TD
