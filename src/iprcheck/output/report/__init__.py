"""Views of the report, one module per format."""
