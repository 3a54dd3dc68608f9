"""Vocabularies for systems, in the NHS's own words and codes."""

from django.db import models


class NHSRegion(models.TextChoices):
    """NHS England's seven regions, stored by their ODS region code (NHSER)."""

    LONDON = "Y56", "London"
    SOUTH_WEST = "Y58", "South West"
    SOUTH_EAST = "Y59", "South East"
    MIDLANDS = "Y60", "Midlands"
    EAST_OF_ENGLAND = "Y61", "East of England"
    NORTH_WEST = "Y62", "North West"
    NORTH_EAST_AND_YORKSHIRE = "Y63", "North East and Yorkshire"


class SystemEnding(models.TextChoices):
    """How a system (its integrated care board) came to an end."""

    MERGED = "merged", "Merged: its whole area went into one new ICB with its neighbours"
    SPLIT = "split", "Split: its area was divided between several ICBs"
    ABOLISHED = "abolished", "Abolished, with no successor recorded"
    BOUNDARY_CHANGE = "boundary_change", "Ended by a boundary change"
