"""Tables computed from stored spans: speaker shares, comparisons, distinctive terms."""
