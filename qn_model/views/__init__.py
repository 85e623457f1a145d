"""Everything localised that a page shows: figures, tables, narratives, page view-models."""
