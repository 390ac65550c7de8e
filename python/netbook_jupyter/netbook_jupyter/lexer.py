"""Pygments lexer for NetBook cells (the language of /work/shared/DSL.md, "Lexical rules").

Registered under the name `netbook` through the `pygments.lexers` entry point, so
`pygments.lexers.get_lexer_by_name("netbook")`, nbconvert's HTML/LaTeX exports and
Sphinx find it from the kernel's `language_info.pygments_lexer`.

    tensor x = [0.1, 0.2]          # Keyword, Name, Operator, Punctuation, Number, Comment
    layer h = dense(2 -> 2, sigmoid, bias: false)
"""

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import (Comment, Keyword, Name, Number, Operator, Punctuation,
                            String, Whitespace)

from .vocabulary import ARGUMENT_WORDS, CONSTANTS, FUNCTIONS, QUALIFIERS, STATEMENTS

# Option labels the parsers accept (`train x, t, epochs: 10`, `dense(..., init: he)`).
OPTION_LABELS = (
    "lr", "epochs", "batch", "shuffle", "bias", "init", "weights", "biases", "n", "noise",
    "classes", "label", "beta", "beta1", "beta2", "eps", "tol", "wait",
    "shape", "range", "max", "first",
)

_NAME = r"[^\W\d]\w*"   # letters (any script), digits and _, not starting with a digit
_END = r"(?!\w)"


class NetBookLexer(RegexLexer):
    name = "NetBook"
    aliases = ["netbook"]
    filenames = ["*.netbook"]
    mimetypes = ["text/x-netbook"]

    tokens = {
        "root": [
            (r"\n", Whitespace),
            (r"[ \t\r\ufeff\u00a0]+", Whitespace),
            (r"#.*?$", Comment.Single),
            # A statement keyword only where a statement starts: keywords are not reserved,
            # so `step` in `dense(2 -> 1, step)` is the activation, not the statement.
            (words(STATEMENTS, prefix=r"^([ \t\ufeff\u00a0]*)", suffix=_END), bygroups(Whitespace, Keyword)),
            (words(STATEMENTS, prefix=r"(;)([ \t]*)", suffix=_END), bygroups(Punctuation, Whitespace, Keyword)),
            (r'["\u201c\u201d](?:\\.|[^"\u201c\u201d\\\n])*["\u201c\u201d]', String.Double),
            (r'["\u201c\u201d][^\n]*', String.Double),   # unclosed: the kernel's error says so
            (r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", Number.Float),
            (words(CONSTANTS, prefix=r"(?<![\w.])", suffix=_END), Keyword.Constant),
            (words(OPTION_LABELS, prefix=r"(?<![\w.])", suffix=r"(?=[ \t]*:)"), Name.Attribute),
            (words(FUNCTIONS + ARGUMENT_WORDS, prefix=r"(?<![\w.])", suffix=_END), Name.Builtin),
            (words(QUALIFIERS, prefix=r"(?<![\w.])", suffix=_END), Keyword.Pseudo),
            (_NAME, Name),
            (r"->|==|!=|<=|>=|~=|[-+*/@^=<>]|[\u2212\u00d7\u2192\u2264\u2265\u2260\u2248]", Operator),
            (r"[()\[\],:;.]", Punctuation),
        ],
    }
