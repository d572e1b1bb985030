"""Running the same pipeline past one machine (Ray)."""
