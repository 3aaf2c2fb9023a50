"""Writes the .safetensors files of params.test (and check-exit-codes.py)
with the standard library only: an 8-byte little-endian header length, the
JSON header, then the data buffer.

usage: write-safetensors.py OUT_DIR
"""
import json
import struct
import sys


def f32(*values):
    return struct.pack(f"<{len(values)}f", *values)


def safetensors(tensors, metadata=None):
    """The bytes of a file holding `tensors`: name -> (dtype, shape, data)."""
    header, data = {}, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, (dtype, shape, payload) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape,
                        "data_offsets": [len(data), len(data) + len(payload)]}
        data += payload
    return with_header(json.dumps(header).encode(), data)


def with_header(header, data=b""):
    return struct.pack("<Q", len(header)) + header + data


# w = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], b = [10, 20, 30].
LAYER = {"layer.w": ("F32", [4, 3], f32(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1)),
         "layer.b": ("F32", [3], f32(10, 20, 30))}

FILES = {
    "layer": safetensors(LAYER, {"format": "pt"}),
    "zero-bias": safetensors({"layer.b": ("F32", [3], f32(0, 0, 0))}),
    "bias-only": safetensors({"layer.b": ("F32", [3], f32(1, 2, 3))}),
    "scale": safetensors({"global:scale": ("F32", [], f32(-2))}),
    "wide-w": safetensors({"layer.w": ("F32", [5, 3], f32(*[0] * 15)),
                           "layer.b": ("F32", [3], f32(0, 0, 0))}),
    "f64-w": safetensors({"layer.w": ("F64", [4, 3], bytes(96)),
                          "layer.b": ("F32", [3], f32(0, 0, 0))}),
    "truncated": b"\x10\x00\x00",
    "long-header": with_header(b"{}")[:9],
    "bad-json": with_header(b'{"layer.w": {"dtype": "F32" "shape": [4, 3]}}'),
    "bad-dtype": with_header(
        b'{"t": {"dtype": "F8_E4M3", "shape": [1], "data_offsets": [0, 1]}}',
        b"\x00"),
    "bad-size": with_header(
        b'{"t": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}',
        bytes(8)),
    "garbage": with_header(b"{} []"),
}

if __name__ == "__main__":
    for name, data in FILES.items():
        with open(f"{sys.argv[1]}/{name}.safetensors", "wb") as f:
            f.write(data)
