"""Personal data: detection, consistent pseudonyms, redaction with exact offset maps, and the review list."""
