"""Run per-document work on several processes or machines with Dask, with the same results as in-process.

Work items (texts, documents) are read a block at a time and cut into shards by a hash of each item's key
(`shards`); a pure per-shard function runs on each shard, in this process (`workers=0`), on a local cluster
(`workers=N`) or on an existing Dask scheduler (`scheduler="tcp://host:8786"`), and the results come back in input
order (`engine.ShardRunner.stream`, or `engine.run_sharded` for a list). Because every task is pure, 0, 1 and 2
workers give the same output; a task lost with a dying worker is simply run again. Worker processes load a model
once and keep it (`resources.process_resource`). Ready-made tasks: embedding (`tasks.embed_texts_sharded`), theme
coding (`tasks.document_coder`) and NLP annotation (`tasks.document_annotator`). Dask is imported only when a
cluster is used.
"""

from textsamverkan.distributed.engine import ShardRunner, run_sharded, shard_runner
from textsamverkan.distributed.resources import process_resource
from textsamverkan.distributed.shards import Shard, make_shards, shard_of

__all__ = ["Shard", "ShardRunner", "make_shards", "process_resource", "run_sharded", "shard_of", "shard_runner"]
