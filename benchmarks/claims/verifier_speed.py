"""What one pair costs the learned verifier, and whether an ONNX build would make it cheap enough to read every
`supported` statement (round 23: it is not; benchmarks/RESULTS.md).

    .venv/bin/python benchmarks/claims/verifier_speed.py [--set blind19] [--pairs 60]

Times `claims.learned.entailment` (torch, one pair at a time, as `link` reads it) against the same network exported
to ONNX (fp32) and that export with int8 dynamic quantisation, on the first pairs of a claims set, and reports how far
each ONNX score lies from torch's and how often it falls on the other side of 0.01. The exports go to a temporary
folder.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main() -> None:
    import numpy as np
    import onnxruntime as ort
    import torch
    from eval_pairs import SETS
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from textsamverkan.claims.learned import _model, encode_pair, entailment, probability

    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="blind19", choices=sorted(SETS))
    parser.add_argument("--pairs", type=int, default=60)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (HERE / SETS[args.set]).read_text(encoding="utf-8").splitlines() if line]
    pairs = [(r["statement"], r["evidence"]) for r in rows[: args.pairs]]
    _tokenizer, encoder, head = _model()

    def ids(statement: str, evidence: str) -> Any:
        return encode_pair(statement, evidence)["input_ids"]

    class Verifier(torch.nn.Module):
        """The verifier's network as `entailment` runs it (`probability`), as a module to export."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder, self.head = encoder, head

        def forward(self, input_ids: Any) -> Any:
            return probability(self.encoder, self.head, input_ids)

    t0 = time.perf_counter()
    reference = np.array([entailment(s, e) for s, e in pairs])
    print(f"torch: {(time.perf_counter() - t0) / len(pairs) * 1000:.1f} ms a pair")
    with tempfile.TemporaryDirectory() as tmp:
        fp32, int8 = Path(tmp) / "verifier.onnx", Path(tmp) / "verifier_int8.onnx"
        torch.onnx.export(Verifier().eval(), (ids(*pairs[0]),), str(fp32), input_names=["input_ids"],
                          output_names=["p"], dynamic_axes={"input_ids": {1: "n"}}, opset_version=17,
                          dynamo=False)  # fmt: skip
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
        for name, path in (("onnx fp32", fp32), ("onnx int8", int8)):
            options = ort.SessionOptions()
            options.intra_op_num_threads = torch.get_num_threads()
            session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            t0 = time.perf_counter()
            run = session.run
            scores = np.array([float(run(None, {"input_ids": ids(s, e).numpy()})[0].reshape(())) for s, e in pairs])
            ms = (time.perf_counter() - t0) / len(pairs) * 1000
            flipped = int(np.sum((scores < 0.01) != (reference < 0.01)))
            print(f"{name}: {ms:.1f} ms a pair; largest difference from torch {np.abs(scores - reference).max():.2g}; "
                  f"{flipped} of {len(pairs)} on the other side of 0.01")  # fmt: skip


if __name__ == "__main__":
    main()
