"""Claims: rule-based extraction of checkable Swedish statements, provenance (SourceRef) and linking to passages."""
