"""A real 2-worker local Dask cluster gives exactly the in-process theme codes; so does a running scheduler
reached by address. Skipped when dask.distributed is not installed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from textsamverkan.distributed.tasks import code_documents_sharded
from textsamverkan.errors import E_OPTION, UserError
from textsamverkan.segment.sentences import document_sentences
from textsamverkan.themes.codebook import default_codebook_path

pytest.importorskip("distributed")

SENTENCES = [
    "Det saknades munskydd och visir i hemtjänsten.",
    "Regionen och kommunen tecknade en överenskommelse om läkarinsatser på särskilda boenden.",
    "Provtagningen av personal på äldreboenden kom igång först i juni.",
    "Färjan till Vinga går klockan tio.",
    "Samordnad individuell plan (SIP) upprättades för alla som skrevs ut från sjukhuset.",
    "Smittspårningen i kommunen byggdes ut under hösten.",
]


CODEBOOK = default_codebook_path().read_text(encoding="utf-8")


def corpus(n_docs: int = 60) -> list[Any]:
    """Small deterministic documents built from the sentences above: (doc_id, text, one passage, no NLP spans)."""
    docs = []
    for i in range(n_docs):
        text = " ".join(SENTENCES[(i * 7 + k * 3) % len(SENTENCES)] for k in range(1 + i % 4))
        docs.append((f"doc{i:03d}", text, [(0, len(text))], []))
    return docs


def code(docs: list[Any], **options: Any) -> Any:
    """Each document's hits; the sentence counts ride along and must equal a plain split's."""
    coded = code_documents_sharded(docs, codebook_yaml=CODEBOOK, **options)
    assert [c.sentences for c in coded] == [len(document_sentences(*d)[0]) for d in docs]
    return [c.hits for c in coded]


def digest(hits: Any) -> str:
    """sha256 of the theme table as text (pickle would not do: it encodes which strings are shared objects)."""
    rows = [(h.doc_id, h.start, h.end, h.code, h.score, h.method, h.evidence) for doc in hits for h in doc]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


@pytest.fixture(scope="module")
def scheduler_address() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_two_local_workers_give_the_in_process_theme_codes() -> None:
    docs = corpus()
    in_process = code(docs, shard_size=10)
    assert sum(len(h) for h in in_process) > 20  # the coder does find themes here
    assert all(h.doc_id == doc_id for (doc_id, *_), hits in zip(docs, in_process, strict=True) for h in hits)
    two = code(docs, shard_size=10, workers=2)
    assert digest(two) == digest(in_process)


def test_a_running_scheduler_gives_the_same_codes(scheduler_address: str) -> None:
    docs = corpus(30)
    assert digest(code(docs, shard_size=7, scheduler=scheduler_address)) == digest(
        code(docs, shard_size=7)
    )


def test_an_unreachable_scheduler_is_a_user_error() -> None:
    with pytest.raises(UserError) as err:
        code(corpus(2), scheduler="tcp://127.0.0.1:9")
    assert err.value.code == E_OPTION and "scheduler" in err.value.message


def test_two_local_workers_give_the_in_process_annotation() -> None:
    from textsamverkan.distributed.engine import run_sharded
    from textsamverkan.distributed.tasks import document_annotator

    model = str(Path(__file__).resolve().parents[2] / "models" / "sv_core_textsamverkan")
    docs = [(text, [(0, len(text))]) for _, text, _, _ in corpus(24)]
    task = document_annotator("spacy", model, ())
    in_process = run_sharded(task, docs, [t for t, _ in docs], shard_size=5)
    assert all(any(row[0] == "token" and '"lemma"' in (row[4] or "") for row in spans.rows) for spans in in_process)
    two = run_sharded(task, docs, [t for t, _ in docs], shard_size=5, workers=2)
    assert two == in_process


def _coded_dying_once(docs: list[Any], *, codebook_yaml: str, marker: str) -> Any:
    """Theme coding that kills its worker process the first time it meets doc007 (the marker file remembers)."""
    import os

    from textsamverkan.distributed.tasks import code_documents_shard

    if any(d[0] == "doc007" for d in docs) and not Path(marker).exists():
        Path(marker).write_text("died here", encoding="utf-8")
        os._exit(1)
    return code_documents_shard(docs, codebook_yaml=codebook_yaml)


def test_a_worker_that_dies_mid_run_changes_nothing(tmp_path: Path) -> None:
    import functools
    import sys

    import cloudpickle

    from textsamverkan.distributed.engine import shard_runner

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    docs = corpus()
    marker = tmp_path / "died"
    task = functools.partial(_coded_dying_once, codebook_yaml=CODEBOOK, marker=str(marker))
    with shard_runner(workers=2) as runner:
        coded = runner.map(task, docs, [d[0] for d in docs], shard_size=8)
    assert marker.exists()  # a worker did die, and its shard ran again on a fresh one
    assert digest([c.hits for c in coded]) == digest(code(docs))
