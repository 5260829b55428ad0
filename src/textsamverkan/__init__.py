"""textsamverkan: transparent, reproducible analysis of Swedish text about collaboration in care."""

__version__ = "0.1.0"
