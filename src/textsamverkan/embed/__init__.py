"""Sentence embeddings: bundled offline models behind one interface, and a SQLite vector cache.

`load_embedder(name_or_path)` gives an `Embedder` ("e5-small-sv" by default, "static-sv" for speed, or any
sentence-transformers model); `embed_texts_cached` embeds through the store's `embeddings` table; and
`cosine_top_k` ranks rows for semantic search. Heavy libraries load only when a model is loaded.
"""

from textsamverkan.embed.backend import BUNDLED, DEFAULT_EMBEDDER, SentenceTransformerEmbedder, load_embedder
from textsamverkan.embed.cache import cosine_top_k, embed_texts_cached
from textsamverkan.embed.types import Embedder, Prefixes

__all__ = [
    "BUNDLED",
    "DEFAULT_EMBEDDER",
    "Embedder",
    "Prefixes",
    "SentenceTransformerEmbedder",
    "cosine_top_k",
    "embed_texts_cached",
    "load_embedder",
]
