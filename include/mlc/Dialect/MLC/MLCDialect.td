//===- MLCDialect.td - mlc's dialect-neutral support dialect -*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The `mlc` dialect holds what relax, tir and the pipelines share and no one
// of them owns: the compilation target (`#mlc.target`) and the context and
// attribute of symbolic expressions (`#mlc.shape`).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_MLC_MLCDIALECT_TD
#define MLC_DIALECT_MLC_MLCDIALECT_TD

include "mlc/Dialect/MLC/MLCBase.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Targets
//===----------------------------------------------------------------------===//

def MLC_TargetKind : I32EnumAttr<"TargetKind", "the kind of machine", [
    I32EnumAttrCase<"cpu", 0>,
    I32EnumAttrCase<"cuda", 1>,
    I32EnumAttrCase<"vulkan", 2>
  ]> {
  let cppNamespace = "::mlc";
  let genSpecializedAttr = 0;
}

def MLC_TargetAttr : AttrDef<MLC_Dialect, "Target"> {
  let mnemonic = "target";
  let summary = "The machine compiled code runs on";
  let description = [{
    TVM's Target: one description of a machine that every consumer reads
    (`mlc::getTarget`): the default schedules, code generation, and later
    the GPU lowerings. A module carries the host target as the attribute
    `mlc.target`; an op inside it (a kernel, a `gpu.module`) may carry its
    own, which wins for what it contains. `mlc-set-target` attaches one.

    The parameters by kind (0 or "" means not known):

    | kind | `triple` | `arch` | `features` | other |
    |---|---|---|---|---|
    | `cpu` | LLVM target triple (required) | LLVM CPU name (required) | LLVM subtarget features, `+avx2,-avx512f` | `l1`, `l2`, `l3`: data cache bytes per core / shared; `cores` |
    | `cuda` | (`nvptx64-nvidia-cuda`) | `sm_80`, `sm_90a` (required) | PTX features, `+ptx80` | `subgroup` (warp size, 32), `shared_memory` bytes per block, `max_threads` per block |
    | `vulkan` | | SPIR-V version `v1.0` ... `v1.6` (required) | SPIR-V capabilities and extensions, `+Shader,+SPV_KHR_16bit_storage` | `subgroup`, `shared_memory`, `max_threads` |

    For the GPU kinds `getNVVMTarget()` and `getSPIRVTargetEnv()` build the
    upstream attributes (`#nvvm.target`, `#spirv.target_env`) that MLIR's
    GPU pipelines expect, from these parameters.

    ```mlir
    module attributes {mlc.target = #mlc.target<cpu, triple = "x86_64-unknown-linux-gnu",
        arch = "znver4", features = "+avx,+avx2,+fma,-avx512f", l1 = 32768,
        l2 = 1048576, l3 = 33554432, cores = 16>} { ... }
    #mlc.target<cuda, arch = "sm_90a", features = "+ptx80", subgroup = 32,
        shared_memory = 232448, max_threads = 1024>
    ```
  }];
  let parameters = (ins
    EnumParameter<MLC_TargetKind>:$kind,
    StringRefParameter<"LLVM target triple", "\"\"">:$triple,
    StringRefParameter<"CPU name, CUDA arch or SPIR-V version", "\"\"">:$arch,
    StringRefParameter<"features as +name,-name", "\"\"">:$features,
    DefaultValuedParameter<"int64_t", "0", "L1 data cache bytes">:$l1,
    DefaultValuedParameter<"int64_t", "0", "L2 cache bytes">:$l2,
    DefaultValuedParameter<"int64_t", "0", "L3 cache bytes">:$l3,
    DefaultValuedParameter<"int64_t", "0", "CPU cores">:$cores,
    DefaultValuedParameter<"int64_t", "0", "GPU subgroup (warp) size">:$subgroup,
    DefaultValuedParameter<"int64_t", "0", "GPU shared memory bytes per block">:$shared_memory,
    DefaultValuedParameter<"int64_t", "0", "GPU threads per block">:$max_threads
  );
  let assemblyFormat = "`<` $kind (`,` struct($triple, $arch, $features, $l1, $l2, $l3, $cores, $subgroup, $shared_memory, $max_threads)^)? `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The name of the attribute that holds a target (on a module: the host;
    /// on an op inside it: that op's own).
    static constexpr ::llvm::StringLiteral kAttrName = "mlc.target";

    bool isCPU() const { return getKind() == TargetKind::cpu; }

    /// Whether the features enable `feature` (the last mention wins).
    bool hasFeature(::llvm::StringRef feature) const;

    /// The widest SIMD register of a CPU in bits: 512 with AVX-512, 256 with
    /// AVX, 128 otherwise (SSE2 is part of x86-64; NEON of AArch64).
    int64_t getVectorBits() const;

    /// `#nvvm.target` for a CUDA target.
    ::mlir::Attribute getNVVMTarget() const;

    /// `#spirv.target_env` for a Vulkan target.
    ::mlir::Attribute getSPIRVTargetEnv() const;
  }];
}

#endif // MLC_DIALECT_MLC_MLCDIALECT_TD
