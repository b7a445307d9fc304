"""Bookmarks: see reader.ui's module doc."""
