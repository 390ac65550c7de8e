# NetBook's code stub for nbgrader, installed by netbook_jupyter into the environment's
# etc/jupyter, one of the directories nbgrader reads nbgrader_config.py from: nbgrader's
# own stubs plus "netbook" (netbook_jupyter/nbgrader_support.py). A course config that
# sets ClearSolutions.code_stub itself is read later and wins; configure(c) there keeps NetBook's.
from netbook_jupyter.nbgrader_support import configure

configure(get_config())
