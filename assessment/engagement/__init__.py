"""The engagement stage: engagement and interview models, the folder store, opening with a pack."""
