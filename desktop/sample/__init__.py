"""A believable, invented job search to explore the program and to measure it at scale.

`generate_network` fills an empty database with companies, people with their roles and
skills, the user's profile, company needs, opportunities and a timeline of actions given
and received. Same arguments and seed give byte-identical tables: all randomness comes
from one `random.Random(seed)` and the only clock is the `today` argument.
Rows go in with `executemany` in one transaction; actions are produced in chunks, so a
million of them never sit in memory at once.

    network     the entry point: checks, one transaction, the order of the steps
    run         the shared random source, days of the period, weighted picks, bulk inserts
    people      skills, companies, people with their roles, the user's profile
    needs       company needs and the openings the user pursues
    actions     the timeline of actions given and received
    summaries   the one-line summaries of actions
    names       invented names of people, companies and places
    vocabulary  invented skills, titles, needs, notes
"""

from desktop.sample.network import LARGE_SIZE, SAMPLE_SIZE, generate_network

__all__ = ["LARGE_SIZE", "SAMPLE_SIZE", "generate_network"]
