"""Theme coding: a codebook (YAML or REFI-QDA QDC), a lexical + semantic matcher that codes sentences with
evidence, inductive topics (BERTopic) mapped back to the codebook, CSV rows, and quality against gold.

Modules: types (output contract; the input Sentence and Token types and the fallback splitter are in
segment.sentences), terms and codebook (format, validation), qdc, codebook_files (load either format), matcher,
semantic, topics, tables, quality. Nothing heavy is imported here.
"""
