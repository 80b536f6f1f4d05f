"""Views of the rollup, one module per format."""
