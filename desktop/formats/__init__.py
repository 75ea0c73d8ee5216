"""Importers and exporters, one module per file format. Never imports Qt."""
