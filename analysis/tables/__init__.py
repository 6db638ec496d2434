"""Frames: their schemas, writing and reading them as a unit, the events built from figures, and exports."""
