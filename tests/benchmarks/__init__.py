"""Reciprocity's benchmarks: `python -m tests.benchmarks` prints one table of every
measure against its floor and target, and writes it as JSON (see `__main__`). The `slow`
pytest tests here run the same measures and fail on a missed target."""
