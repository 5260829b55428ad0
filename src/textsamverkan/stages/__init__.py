"""Corpus stages: each declares what it reads and writes (a StageSpec) and runs through textsamverkan.runner."""
