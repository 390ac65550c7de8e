"""What Jupyter front ends learn about the language: the kernel's language_info is what
every stored notebook and every `nb-run --to ipynb` carries (otherwise JupyterLab opens
the notebook as modified), and the Pygments lexer it names highlights the lessons."""
import json
import pathlib
import subprocess

import pytest
from pygments.lexers import get_lexer_by_name
from pygments.token import Error, Keyword, Name

from conftest import lesson_files, lesson_id, shell_reply
from test_nbrun_ipynb import nb_run_binary

NOTEBOOKS = lesson_files("*.ipynb")
LESSONS = lesson_files("[0-9][0-9]-*.txt")


@pytest.fixture(scope="module")
def language_info():
    from jupyter_client.manager import start_new_kernel
    from conftest import KERNEL_NAME
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        reply = shell_reply(kc, kc.kernel_info())
        yield reply["content"]["language_info"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def completions(code):
    """The kernel's completions at the end of `code` (a fresh session: no user names)."""
    from jupyter_client.manager import start_new_kernel
    from conftest import KERNEL_NAME
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        return {c: set(shell_reply(kc, kc.complete(c, len(c)))["content"]["matches"]) for c in code}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_the_kernel_names_a_lexer_and_an_extension_that_cannot_clash(language_info):
    assert language_info["pygments_lexer"] == "netbook"
    # `jupyter nbconvert --to script notebooks/NAME.ipynb` must not overwrite notebooks/NAME.txt.
    assert language_info["file_extension"] not in {".txt", ".ipynb", ".out", ".py"}
    assert {"name", "version", "mimetype", "codemirror_mode"} <= set(language_info)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_stored_notebook_metadata_is_what_the_kernel_reports(path, language_info):
    stored = json.loads(path.read_text())["metadata"]["language_info"]
    assert stored == language_info


def test_nb_run_writes_what_the_kernel_reports(tmp_path, language_info):
    source = tmp_path / "cell.txt"
    source.write_text("# %%\ntensor x = [1, 2]\n")
    target = tmp_path / "cell.ipynb"
    subprocess.run([nb_run_binary(), "--to", "ipynb", "-o", str(target), str(source)],
                   check=True, capture_output=True)
    assert json.loads(target.read_text())["metadata"]["language_info"] == language_info


def test_pygments_finds_the_lexer_the_kernel_names(language_info):
    lexer = get_lexer_by_name(language_info["pygments_lexer"])
    assert lexer.name == "NetBook"
    assert language_info["mimetype"] in lexer.mimetypes


@pytest.mark.parametrize("path", LESSONS, ids=lesson_id)
def test_every_lesson_cell_lexes_without_error_tokens(path):
    lexer = get_lexer_by_name("netbook")
    text = path.read_text()
    bad = [(value, text[:index].count("\n") + 1)
           for index, token, value in lexer.get_tokens_unprocessed(text) if token in Error]
    assert bad == [], f"{path.name}: Error tokens (text, line): {bad}"
    kinds = {token for _, token, _ in lexer.get_tokens_unprocessed(text)}
    assert Keyword in kinds and Name.Builtin in kinds


def test_the_lexer_reads_a_cell_as_the_language_does():
    tokens = [(t, v) for t, v in get_lexer_by_name("netbook").get_tokens(
        'layer h = dense(2 -> 1, step)  # one unit\nstep lr: 0.5; print "done", h.W\n') if v.strip()]
    assert tokens[:2] == [(Keyword, "layer"), (Name, "h")]
    # `step` the activation is a function, `step` at the start of a statement a keyword.
    assert (Name.Builtin, "step") in tokens and (Keyword, "step") in tokens
    assert (Name.Attribute, "lr") in tokens
    assert ("Token.Literal.String.Double", '"done"') in [(str(t), v) for t, v in tokens]
    assert ("Token.Comment.Single", "# one unit") in [(str(t), v) for t, v in tokens]
    # A character the language rejects is shown as an error, as the kernel reports it.
    assert any(t in Error for t, _ in get_lexer_by_name("netbook").get_tokens("print 'x'\n"))


def test_the_lexer_knows_every_statement_and_function_the_kernel_completes():
    from netbook_jupyter.lexer import NetBookLexer  # noqa: F401 (the installed package)
    from netbook_jupyter.vocabulary import FUNCTIONS, STATEMENTS
    found = completions(["", "tensor a = "])
    # At the start of a cell the kernel offers statements and expression words; `step` is both.
    assert set(STATEMENTS) <= found[""]
    assert found[""] - found["tensor a = "] <= set(STATEMENTS)
    assert set(FUNCTIONS) <= found["tensor a = "]
    assert found["tensor a = "] - set(FUNCTIONS) <= {"true", "false", "pi"}
