"""Export an article to a file: Markdown, HTML, text, PDF, Word."""
