//===- TensorizeTransformOps.td - transform.tir ops -------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Included by TIRTransformOps.td: tensorize.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_TENSORIZETRANSFORMOPS_TD
#define MLC_DIALECT_TIR_TRANSFORMOPS_TENSORIZETRANSFORMOPS_TD

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_TENSORIZETRANSFORMOPS_TD
