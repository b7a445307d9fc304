"""Library list: see reader.ui's module doc."""
