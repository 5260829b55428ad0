"""Exports of analysis tables and codings: CSV, XLSX, JSON, REFI-QDA (.qdpx) and a self-contained HTML report."""
