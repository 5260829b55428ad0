"""Run per-document work on several processes or machines with Dask, with the same results as in-process.

Work items (texts, documents, sentences) are cut into shards by a hash of each item's key (`shards`); a pure
per-shard function runs on each shard, in this process (`workers=0`), on a local cluster (`workers=N`) or on an
existing Dask scheduler (`scheduler="tcp://host:8786"`), and the results come back merged in input order
(`engine.run_sharded`). Because the shards do not depend on the number of workers and every task is pure, 0, 1
and 2 workers give the same output; a task lost with a dying worker is simply run again. Worker processes load a
model once and keep it (`resources.process_resource`). Ready-made tasks: `tasks.embed_texts_sharded` and
`tasks.code_documents_sharded`. Dask is imported only when a cluster is used.
"""

from textsamverkan.distributed.engine import run_sharded
from textsamverkan.distributed.resources import process_resource
from textsamverkan.distributed.shards import Shard, make_shards, shard_of

__all__ = ["Shard", "make_shards", "process_resource", "run_sharded", "shard_of"]
