"""A link evaluated against the data: presets from the trend fits, the projection, the verdicts."""
