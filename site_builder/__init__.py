"""site_builder: a static-site generator for accessible, multilingual public-sector websites."""

__version__ = "0.1.0"
