"""Dialogs: see reader.ui's module doc."""
