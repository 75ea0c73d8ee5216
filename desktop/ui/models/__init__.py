"""Thin item models: they hold ids and fetch only the rows on screen."""
