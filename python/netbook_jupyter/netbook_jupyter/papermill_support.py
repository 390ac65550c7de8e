"""papermill parameters for NetBook notebooks.

`papermill -p lr 0.1 lesson.ipynb out.ipynb` injects, after the cell tagged `parameters`:

    # Parameters
    tensor lr = 0.1

How papermill finds this: it looks translators up by kernel name, then by language
(papermill/translators.py, `find_translator`), in a registry that only code can fill, and
it has no entry point for translators. It does load every `papermill.engine` entry point
when `papermill.engines` is imported, which `papermill.parameterize` does before it
translates. This module is that entry point: importing it registers the translator for
the kernel name and the language `netbook`. The engine it exposes is papermill's own
nbclient engine under the name `netbook` (`--engine netbook` runs exactly as the default).
"""

import math
import re

from papermill.engines import NBClientEngine
from papermill.exceptions import PapermillException
from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators


class NetBookParameterError(PapermillException):
    """A parameter NetBook cannot hold; the message names it and says what would fit."""


# A NetBook name (DSL.md, "Lexical rules"): letters, digits and _, not starting with a digit.
_NAME = re.compile(r"[^\W\d]\w*\Z")


class NetBookTranslator(Translator):
    """Writes parameters as `tensor NAME = VALUE`: every NetBook value is a 2-D tensor of
    numbers, so numbers, booleans (true/false are 1 and 0) and lists of them (a row, or a
    matrix from a list of equal rows) translate; strings, None and dicts are refused."""

    # Set by `codify` so the errors can name the parameter being translated.
    _current = None

    @classmethod
    def codify(cls, parameters, comment="Parameters"):
        content = f"{cls.comment(comment)}\n"
        for name, value in parameters.items():
            cls._current = name
            try:
                content += f"{cls.assign(name, cls.translate(value))}\n"
            finally:
                cls._current = None
        return content

    @classmethod
    def assign(cls, name, str_val):
        if not isinstance(name, str) or not _NAME.match(name):
            raise NetBookParameterError(
                f"parameter name {name!r} is not a NetBook name "
                "(letters, digits and _, not starting with a digit)")
        return f"tensor {name} = {str_val}"

    @classmethod
    def comment(cls, cmt_str):
        return "\n".join(f"# {line}".rstrip() for line in str(cmt_str).splitlines() or [""])

    @classmethod
    def _refuse(cls, value, what):
        name = f"parameter '{cls._current}'" if cls._current else "a parameter"
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        hint = ""
        if isinstance(value, str) and re.fullmatch(r"[-+]?\d+(\.\d*)?[eE][-+]?\d+", value.strip()):
            # PyYAML (YAML 1.1, papermill's -y and -f) reads 1e-3 as a string, 1.0e-3 as a float.
            hint = "; in YAML a number with an exponent needs a '.' and a sign (1.0e-3, 1.0e+3)"
        raise NetBookParameterError(
            f"{name} is {what} ({shown}), but NetBook values are tensors of numbers: "
            "pass a number, true/false, or a list of numbers (a row) or of equal-length "
            f"lists (a matrix){hint}")

    @classmethod
    def translate_str(cls, val):
        cls._refuse(val, "a string")

    @classmethod
    def translate_none(cls, val):
        cls._refuse(val, "null")

    @classmethod
    def translate_dict(cls, val):
        cls._refuse(val, "a dict")

    @classmethod
    def translate_escaped_str(cls, val):
        # papermill's fallback for any other type (a date from YAML, ...).
        cls._refuse(val, f"a {type(val).__name__}")

    @classmethod
    def translate_int(cls, val):
        try:
            float(val)
        except OverflowError:
            cls._refuse(val, "an integer too large for a 64-bit float")
        return str(val)

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "0/0"            # the language has no nan literal; 0/0 is nan, as in IEEE 754
        if math.isinf(val):
            return "1/0" if val > 0 else "-1/0"
        return repr(val)            # shortest round-trip form: 0.1, 1e-05, 1e+300

    @classmethod
    def _number(cls, val):
        if isinstance(val, bool):
            return cls.translate_bool(val)
        if isinstance(val, int):
            return cls.translate_int(val)
        if isinstance(val, float):
            return cls.translate_float(val)
        cls._refuse(val, f"a list holding a {type(val).__name__}" if not isinstance(val, str) else "a list holding a string")

    @classmethod
    def translate_list(cls, val):
        if not val:
            cls._refuse(val, "an empty list")
        if all(isinstance(row, list) for row in val):
            widths = {len(row) for row in val}
            if len(widths) != 1 or 0 in widths:
                cls._refuse(val, "a list of rows of different or zero lengths")
            rows = ", ".join("[" + ", ".join(cls._number(x) for x in row) + "]" for row in val)
            return f"[{rows}]"
        if any(isinstance(x, list) for x in val):
            cls._refuse(val, "a list mixing numbers and lists")
        return "[" + ", ".join(cls._number(x) for x in val) + "]"

    @classmethod
    def inspect(cls, parameters_cell):
        """`papermill --help-notebook`: the `tensor NAME = VALUE  # help` lines of the cell."""
        found = []
        for line in parameters_cell.source.splitlines():
            match = re.match(r"\s*tensor\s+([^\W\d]\w*)\s*=\s*([^#]*?)\s*(?:#\s*(.*))?$", line)
            if match:
                name, default, help_text = match.groups()
                found.append(Parameter(name=name, inferred_type_name="tensor",
                                       default=default, help=help_text or ""))
        return found


class NetBookEngine(NBClientEngine):
    """papermill's nbclient engine, registered as `netbook` so that papermill imports this
    module (and with it the translator) through its `papermill.engine` entry points."""


papermill_translators.register("netbook", NetBookTranslator)
