"""nbgrader for NetBook notebooks.

nbgrader replaces each `### BEGIN SOLUTION` ... `### END SOLUTION` region with the code
stub of the notebook's language (`ClearSolutions.code_stub`, keyed by the kernelspec's
`language`) and refuses a language it has no stub for. NetBook's stub is its `todo`
statement, which fails with "not answered yet": an untouched exercise is an error, so its
test cells score zero and the feedback says why.

Installing this package puts `etc/jupyter/nbgrader_config.py` into the environment
(`jupyter-config/nbgrader_config.py` here), which calls `configure`, so nbgrader works
with no configuration. A course whose own `nbgrader_config.py` sets
`ClearSolutions.code_stub` replaces that whole dictionary; it keeps NetBook's stub with

    from netbook_jupyter.nbgrader_support import configure
    configure(c)            # after its own settings

`nb-run --student` writes the same stub (the two must stay equal: a test compares them).
"""

CODE_STUB = "# YOUR CODE HERE\ntodo"
LANGUAGE = "netbook"


def configure(c):
    """Adds NetBook's code stub to an nbgrader config `c`, keeping every other language's:
    the stubs this config set already, else nbgrader's defaults. Returns `c`.

    It always leaves a real dictionary: nbgrader reads anything else in
    `ClearSolutions.code_stub` as the old single Python stub, so a traitlets lazy update
    (`c.ClearSolutions.code_stub.update(...)`) would lose every language's stub."""
    section = c.ClearSolutions
    stubs = section["code_stub"] if "code_stub" in section else None
    if isinstance(stubs, str):                  # nbgrader's old form: the Python stub
        stubs = {"python": stubs}
    if not isinstance(stubs, dict):             # not set, or a lazy update of the defaults
        from nbgrader.preprocessors import ClearSolutions
        defaults = dict(ClearSolutions.class_traits()["code_stub"].default())
        stubs = stubs.get_value(defaults) if stubs is not None else defaults
    section.code_stub = {**stubs, LANGUAGE: CODE_STUB}
    return c
