"""The desktop app (Qt widgets). The only package besides the PDF writer that imports PySide6."""
