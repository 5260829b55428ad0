"""Theme coding: a codebook (YAML or REFI-QDA QDC), a lexical + semantic matcher that codes sentences with
evidence, inductive topics (BERTopic) mapped back to the codebook, CSV rows, and quality against gold.

Modules: types (input/output contract), sentences (fallback splitter), terms and codebook (format, validation),
matcher, semantic, qdc, topics, tables, quality. Nothing heavy is imported here.
"""
