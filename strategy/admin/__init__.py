"""The secretariat's admin for strategy, one module per concept (as models/)."""

from strategy.admin import development, glossary, milestones, needs, strategies  # noqa: F401
