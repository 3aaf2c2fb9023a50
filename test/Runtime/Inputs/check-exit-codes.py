"""Runs mlc-run on bad inputs; each must exit with code 1 after printing
exactly one `error: ` line on stderr (never crash, never print a trace).
Then feeds it corrupted .npy and .safetensors files, which must each load or
fail cleanly.

usage: check-exit-codes.py INPUTS_DIR TMP_DIR
"""
import random
import subprocess
import sys

import numpy as np

sys.path.insert(0, sys.path[0])  # this directory, for write-safetensors.py
safetensors = __import__("write-safetensors")

inputs, tmp = sys.argv[1], sys.argv[2]
module = f"{inputs}/test_module.so"
packed = f"{inputs}/packed_module.so"
user = f"{inputs}/user_module.so"
params = f"{inputs}/param_module.so"
for name, data in safetensors.FILES.items():
    with open(f"{tmp}/{name}.safetensors", "wb") as f:
        f.write(data)
np.save(f"{tmp}/f.npy", np.arange(4, dtype=np.float32))
np.save(f"{tmp}/big.npy", np.arange(4, dtype=">f4"))
with open(f"{tmp}/text.npy", "w") as f:
    f.write("not numpy")

CASES = [
    [],
    [f"{tmp}/none.so"],
    [f"{inputs}/no_metadata.so"],
    [f"{inputs}/bad_metadata.so", "--list"],
    [f"{inputs}/missing_entry.so"],
    [module],
    [module, "--function=nope"],
    [module, "--function=add", "--input=4xf32=1"],
    [module, "--function=add", "--input=4xf32=1", "--input=3xf32=1"],
    [module, "--function=add", "--input=4xi32=1", "--input=4xf32=1"],
    [module, "--function=scale", "--input=4xf32=0", "--input=f32=1"],
    [module, "--function=cast", f"--input={tmp}/missing.npy"],
    [module, "--function=cast", f"--input={tmp}/text.npy"],
    [module, "--function=add", f"--input={tmp}/big.npy"],
    [module, "--function=cast", "--input=2xf33=1,2"],
    [module, "--function=cast", "--input=3xi32=1,2"],
    [module, "--function=cast", "--input=2xi32=1,x"],
    [module, "--function=cast", "--input=axi32=1"],
    [module, "--function=cast", "--input=99999999999999999999xi32=1"],
    [module, "--function=cast", "--input=4611686018427387904x4xi32=1"],
    [module, "--function=logical_not", "--input=1xi1=2"],
    [module, "--function=cast", "--input=1xu8=-1"],
    [module, "--frobnicate"],
    [module, "--function"],
    [module, "--list=yes"],
    [module, "--benchmark=0"],
    [module, "--benchmark=x"],
    [module, "--rtol=-1"],
    [module, "--atol=nan"],
    [module, module],
    [module, "--function=fail", "--input=1xf32=1"],
    [module, "--function=fail_silent"],
    [module, "--function=bad_result", "--input=2xf32=1"],
    [module, "--function=add", f"--input={tmp}/f.npy", f"--input={tmp}/f.npy",
     f"--expected={tmp}/missing.npy"],
    [module, "--function=cast", "--input=1xi32=1",
     f"--output={tmp}/no/such/dir/out"],
    # Module ABI v2.
    [f"{inputs}/v1_module.so"],
    [f"{inputs}/missing_import.so"],
    [user, "--input=1xf32=1"],
    [user, f"--load={tmp}/none.so"],
    [user, f"--load={inputs}/no_init_library.so"],
    [user, f"--load={inputs}/bad_init_library.so"],
    [user, "--load"],
    [module, "--stats=1"],
    [module, "--function=halve", "--input=3xf32=1"],
    [module, "--function=bounded", "--input=5000xf32=1"],
    [module, "--function=on_gpu", "--input=1xf32=1"],
    [module, "--function=alloc_cuda"],
    [module, "--function=fail_values", "--input=2xf32=1,0"],
    [module, "--function=fail_after_alloc", "--input=2xf32=1"],
    [module, "--function=identity", "--input=1xi32=1"],
    [module, "--function=shared_result", "--input=1xi32=1"],
    [module, "--function=global_const"],
    [module, "--function=outside", "--input=1xf32=1"],
    [packed, "--function=matmul_swapped", "--input=2x3xf32=1",
     "--input=3x4xf32=1"],
    [packed, "--function=call_unregistered"],
    # Parameter tables.
    [params, "--function=affine", "--input=1x4xf32=1"],
    [params, "--function=affine", f"--params={tmp}/bias-only.safetensors",
     "--input=1x4xf32=1"],
    [params, "--function=affine", f"--params={tmp}/layer.safetensors",
     "--input=1x4xf32=1", "--input=3xf32=1"],
    [params, "--function=affine", f"--params={tmp}/wide-w.safetensors",
     "--input=1x4xf32=1"],
    [params, "--function=affine", f"--params={tmp}/none.safetensors",
     "--input=1x4xf32=1"],
    [params, "--list", f"--params={tmp}"],
    [params, "--params"],
] + [[params, "--list", f"--params={tmp}/{name}.safetensors"]
     for name in ["truncated", "long-header", "bad-json", "bad-dtype",
                  "bad-size", "garbage"]]

failures = []
for case in CASES:
    run = subprocess.run(["mlc-run"] + case, capture_output=True, text=True)
    lines = run.stderr.splitlines()
    if run.returncode != 1 or len(lines) != 1 or \
            not lines[0].startswith("error: "):
        failures.append(f"{case}: exit {run.returncode}, stderr {run.stderr!r}")

# Corrupt a valid file byte by byte and by truncation.
good = open(f"{tmp}/f.npy", "rb").read()
rng = random.Random(0)
for i in range(150):
    data = bytearray(good)
    if i % 3 == 0:
        data = data[: rng.randrange(len(data))]
    else:
        for _ in range(rng.randrange(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    path = f"{tmp}/fuzz.npy"
    with open(path, "wb") as f:
        f.write(bytes(data))
    run = subprocess.run(["mlc-run", module, "--function=copy",
                          f"--input={path}"], capture_output=True)
    if run.returncode not in (0, 1):
        failures.append(f"corruption #{i}: exit {run.returncode}")

# The same for the parameter file, mostly in its JSON header.
good = safetensors.FILES["layer"]
header_end = 8 + int.from_bytes(good[:8], "little")
for i in range(150):
    data = bytearray(good)
    if i % 3 == 0:
        data = data[: rng.randrange(len(data))]
    else:
        for _ in range(rng.randrange(1, 4)):
            at = rng.randrange(header_end if i % 2 else len(data))
            data[at] = rng.choice([rng.randrange(256), *b'{}[],:"\\0-9 '])
    path = f"{tmp}/fuzz.safetensors"
    with open(path, "wb") as f:
        f.write(bytes(data))
    run = subprocess.run(["mlc-run", params, "--function=affine",
                          f"--params={path}", "--input=1x4xf32=1"],
                         capture_output=True)
    if run.returncode not in (0, 1):
        failures.append(f"safetensors corruption #{i}: exit {run.returncode}")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(CASES)} error cases, 150 corrupted .npy files and 150 "
      "corrupted .safetensors files checked")
sys.exit(1 if failures else 0)
