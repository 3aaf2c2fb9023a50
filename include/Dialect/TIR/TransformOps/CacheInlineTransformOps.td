//===- CacheInlineTransformOps.td - transform.tir ops -------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Included by TIRTransformOps.td: cache_read, cache_write, compute_inline, reverse_compute_inline,
// storage_align, get_producers and get_consumers.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_CACHEINLINETRANSFORMOPS_TD
#define MLC_DIALECT_TIR_TRANSFORMOPS_CACHEINLINETRANSFORMOPS_TD

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_CACHEINLINETRANSFORMOPS_TD
