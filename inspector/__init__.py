"""Jimo Inspector: see what Segment would send to Jimo, event by event."""

__version__ = "0.1.0"
