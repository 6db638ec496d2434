"""Scoring the extraction against hand-made gold annotations."""
