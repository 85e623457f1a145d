"""The shipped data and user uploads: loading, validation, the codebook, peers and data versions."""
