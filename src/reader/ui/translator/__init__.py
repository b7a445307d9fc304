"""Translator: see reader.ui's module doc."""
