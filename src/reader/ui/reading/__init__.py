"""Reading: see reader.ui's module doc."""
