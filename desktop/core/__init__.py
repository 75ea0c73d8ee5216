"""Domain logic and queries. Never imports Qt."""
