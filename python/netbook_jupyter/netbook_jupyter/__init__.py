"""NetBook for Python's Jupyter tools: a Pygments lexer (`netbook_jupyter.lexer`), a
papermill parameter translator (`netbook_jupyter.papermill_support`) and nbgrader's code
stub (`netbook_jupyter.nbgrader_support`). The first two are found through entry points,
the stub through the nbgrader_config.json the package installs; nothing needs importing
by hand."""

__version__ = "1.0"
