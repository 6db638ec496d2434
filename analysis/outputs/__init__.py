"""Output folders written as one unit (locked, staged, committed, verified) and the fingerprints that say when they are stale."""
