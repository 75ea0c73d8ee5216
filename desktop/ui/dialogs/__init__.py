"""Dialogs, each with a small entry function that opens it and returns the result."""
