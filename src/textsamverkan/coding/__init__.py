"""Human coding in the loop: agreement between codings, disagreement lists, QDPX import, and review sheets.

Plain functions over plain data (codings as `Coding(source=document id, start, end, code, user)`), so the stage
runner can wire them to coding runs.
"""
