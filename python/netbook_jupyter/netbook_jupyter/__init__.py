"""NetBook for Python's Jupyter tools: a Pygments lexer (`netbook_jupyter.lexer`) and a
papermill parameter translator (`netbook_jupyter.papermill_support`). Both are found
through entry points once the package is installed; nothing needs importing by hand."""

__version__ = "1.0"
