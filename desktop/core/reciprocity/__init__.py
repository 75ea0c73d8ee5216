"""Reciprocity: what I gave and what I received, per person, over time, by kind and role.

Every figure is a few SQL aggregates over the `action` table (and `need` for needs
learned), never a loop over actions in Python. "Given" and "received" are the action's
direction; the person an action is with is its counterpart, and the weight (1-3) says
how much it mattered. A `Range` limits every figure to the actions (and needs learned)
between two days, both included.

At a million actions the figures walk two covering indexes rather than the table:
`action (counterpart_id, direction, occurred_on, weight)` for the per-person figures and
`action (occurred_on, direction, kind, weight, counterpart_id, beneficiary_id)` for the
per-day ones. Without them every figure is still right, only some seconds slower.
"""

from desktop.core.reciprocity.balance import PersonBalance, person_balance
from desktop.core.reciprocity.breakdown import NO_ROLE, KindRow, RoleRow, by_kind, by_role
from desktop.core.reciprocity.chains import ChainLink, chains
from desktop.core.reciprocity.dashboard import Dashboard, SparkPoint, Tile, dashboard
from desktop.core.reciprocity.exchanges import (
    LAG_BINS,
    Exchange,
    LagBin,
    LagHistogram,
    lag_histogram,
    top_exchanges,
)
from desktop.core.reciprocity.overall import PeriodRow, Totals, by_period, totals
from desktop.core.reciprocity.owed import Owed, owed
from desktop.core.reciprocity.ranges import ALL_TIME, PERIODS, Range

__all__ = [
    "ALL_TIME",
    "LAG_BINS",
    "NO_ROLE",
    "PERIODS",
    "ChainLink",
    "Dashboard",
    "Exchange",
    "KindRow",
    "LagBin",
    "LagHistogram",
    "Owed",
    "PeriodRow",
    "PersonBalance",
    "Range",
    "RoleRow",
    "SparkPoint",
    "Tile",
    "Totals",
    "by_kind",
    "by_period",
    "by_role",
    "chains",
    "dashboard",
    "lag_histogram",
    "owed",
    "person_balance",
    "top_exchanges",
    "totals",
]
