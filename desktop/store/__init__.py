"""Persistence: the peewee models, opening the database, migrations and backups."""
