"""Finding spans: number mentions and time expressions, found by cheap passes over the normalised view."""
