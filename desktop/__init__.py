"""Reciprocity: a servant-minded job search companion."""

__version__ = "0.1.0"
APP_NAME = "Reciprocity"
