"""Attributing a number mention: what it counts (category), who did it (actor), where (place) and when (period)."""
