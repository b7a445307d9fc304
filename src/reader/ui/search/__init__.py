"""Search: see reader.ui's module doc."""
