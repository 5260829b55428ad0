"""Swedish NLP: spaCy and Stanza backends behind one interface, annotation spans, lemmas and compounds.

The only package that imports spaCy or Stanza, and only inside the functions that need them. Entry points:
`get_backend(name, model)` (backend.py; the interface is in types.py), `annotate_text` / `annotate_many`
(annotate.py), `split_compound` (compounds.py), `bundled_model_path` (paths.py).
"""
