"""nbgrader for NetBook notebooks.

nbgrader replaces each `### BEGIN SOLUTION` ... `### END SOLUTION` region with the code
stub of the notebook's language (`ClearSolutions.code_stub`, keyed by the kernelspec's
`language`) and refuses a language it has no stub for. NetBook's stub is its `todo`
statement, which fails with "not answered yet": an untouched exercise is an error, so its
test cells score zero and the feedback says why.

Installing this package puts `etc/jupyter/nbgrader_config.json` into the environment
(`jupyter-config/nbgrader_config.json` here), so nbgrader works with no configuration.
A course whose own `nbgrader_config.py` sets `ClearSolutions.code_stub` replaces that
whole dictionary; it keeps NetBook's stub with

    from netbook_jupyter.nbgrader_support import configure
    configure(c)            # after its own settings

`nb-run --student` writes the same stub (the two must stay equal: a test compares them).
"""

CODE_STUB = "# YOUR CODE HERE\ntodo"
LANGUAGE = "netbook"


def configure(c):
    """Adds NetBook's code stub to an nbgrader config `c`, keeping every other language's:
    the ones this config set already, or nbgrader's defaults (a traitlets lazy update)."""
    c.ClearSolutions.code_stub.update({LANGUAGE: CODE_STUB})
    return c
