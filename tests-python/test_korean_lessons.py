"""The Korean lessons, notebooks/ko/: the five seed lessons (01–05) with Korean prose in
the seeds' own terms and exactly the code cells and stored outputs of their English twin
in notebooks/ (English stays the default). When a lesson's English cells change, this
test names the first cell where the Korean one has drifted.

The exercises' checks (test_exercises.py) run on the English lessons only: the code
cells are the same, so they hold for the Korean ones too."""
import difflib
import json
import re
import subprocess

import jupytext
import nbformat
import pytest

from conftest import ROOT
from test_nbrun_ipynb import nb_run_binary

ENGLISH = ROOT / "notebooks"
KOREAN = ROOT / "notebooks" / "ko"
LESSONS = sorted(p.stem for p in KOREAN.glob("[0-9][0-9]-*.txt"))

# The terms each lesson teaches, spelt as the seed lessons write them (../shared/seeds/:
# 000 순전파·역전파·가중치·경사하강법, 001 계산 그래프·연쇄법칙·국소적·수치 미분, 003 노드·엣지,
# 004 활성화 함수·항등 함수·기울기 소실...).
SEED_TERMS = {
    "01-forward-propagation": ["순전파", "가중치", "가중합", "은닉층", "입력층", "출력층",
                               "표본", "경로", "시그모이드 함수", "활성화 함수", "편향"],
    "02-computational-graph": ["계산 그래프", "순전파", "역전파", "노드", "엣지", "국소적 계산",
                               "국소적 미분", "연쇄법칙", "덧셈 노드", "곱셈 노드", "기울기"],
    "03-backprop-by-hand": ["순전파", "역전파 1단계", "역전파 2단계", "손실 함수", "가중치",
                            "기울기", "활성화 함수", "전체 오차", "경사하강법", "학습률", "연쇄법칙"],
    "04-layers-and-softmax": ["계층", "역전파", "기울기", "상류", "하류", "전치행렬",
                              "정답 레이블", "교차 엔트로피 오차", "수치 미분", "오차역전파법",
                              "손실 함수", "배치"],
    "05-activations-and-loss": ["활성화 함수", "손실 함수", "계단 함수", "항등 함수", "퍼셉트론",
                                "평균제곱오차", "경사하강법", "학습률", "기울기 소실", "오버플로",
                                "가중치", "회귀", "분류"],
}
# Spellings the seeds do not use, for the same terms: one word for one idea in every lesson.
NOT_THE_SEEDS_TERMS = ["그래디언트", "그라디언트", "경사도", "웨이트", "바이어스", "활성 함수",
                       "손실함수", "로스 함수", "전방 전파", "순방향 전파", "역방향 전파",
                       "연산 그래프", "경사 하강법", "러닝 레이트", "체인 룰", "에지"]


def cells(path):
    """The cells of a percent-format lesson as jupytext reads them (an independent parser)."""
    return jupytext.reads(path.read_text(), fmt="py:percent").cells


def code(path):
    return [(cell.source, cell.metadata.get("tags", [])) for cell in cells(path) if cell.cell_type == "code"]


def prose(path):
    return [cell.source for cell in cells(path) if cell.cell_type == "markdown"]


def test_the_korean_lessons_are_the_five_seed_lessons():
    assert LESSONS == ["01-forward-propagation", "02-computational-graph", "03-backprop-by-hand",
                       "04-layers-and-softmax", "05-activations-and-loss"]
    for lesson in LESSONS:
        for suffix in (".txt", ".out", ".ipynb"):
            assert (KOREAN / f"{lesson}{suffix}").exists(), f"ko/{lesson}{suffix}"
            assert (ENGLISH / f"{lesson}{suffix}").exists(), f"{lesson}{suffix}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_code_cells_are_the_english_ones(lesson):
    english, korean = code(ENGLISH / f"{lesson}.txt"), code(KOREAN / f"{lesson}.txt")
    for number, (want, got) in enumerate(zip(english, korean), start=1):
        if want != got:
            diff = "\n".join(difflib.unified_diff(want[0].splitlines(), got[0].splitlines(),
                                                  f"{lesson}.txt", f"ko/{lesson}.txt", lineterm=""))
            pytest.fail(f"code cell {number} of ko/{lesson}.txt differs from the English one "
                        f"(tags {want[1]} / {got[1]}):\n{diff}")
    assert len(korean) == len(english), \
        f"ko/{lesson}.txt has {len(korean)} code cells, the English lesson {len(english)}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_stored_outputs_are_the_english_ones(lesson):
    assert (KOREAN / f"{lesson}.out").read_text() == (ENGLISH / f"{lesson}.out").read_text()

    def code_cells(path):
        notebook = json.loads(path.read_text())
        return [(c["source"], c["outputs"], c["execution_count"]) for c in notebook["cells"]
                if c["cell_type"] == "code"]
    assert code_cells(KOREAN / f"{lesson}.ipynb") == code_cells(ENGLISH / f"{lesson}.ipynb")


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_ipynb_has_the_txt_cells(lesson):
    """The .ipynb is `nb-run --to ipynb` of the .txt: the same cells, prose included."""
    stored = json.loads((KOREAN / f"{lesson}.ipynb").read_text())
    assert [(c["cell_type"], "".join(c["source"])) for c in stored["cells"]] == \
           [(c.cell_type, c.source) for c in cells(KOREAN / f"{lesson}.txt")]


def english_run(line):
    """The longest run of consecutive English words in a line of prose (code spans left out)."""
    longest = current = 0
    for token in re.sub(r"`[^`]*`", "", line).split():
        current = current + 1 if re.fullmatch(r"[(\[\"]?[A-Za-z][A-Za-z'-]*[)\],.:;\"]?", token) else 0
        longest = max(longest, current)
    return longest


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_prose_is_korean(lesson):
    english_prose = prose(ENGLISH / f"{lesson}.txt")
    for text in prose(KOREAN / f"{lesson}.txt"):
        assert re.search("[가-힣]", text), f"ko/{lesson}.txt: a markdown cell without Korean:\n{text}"
        assert text not in english_prose, f"ko/{lesson}.txt: an English markdown cell left as it is:\n{text}"
        for line in text.splitlines():
            # A term or a title in English in brackets is fine; a sentence is not.
            assert english_run(line) < 5, f"ko/{lesson}.txt: an English sentence: {line}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_prose_uses_the_seeds_terms(lesson):
    text = "\n".join(prose(KOREAN / f"{lesson}.txt"))
    missing = [term for term in SEED_TERMS[lesson] if term not in text]
    assert not missing, f"ko/{lesson}.txt does not use the seeds' terms {missing}"
    other = [term for term in NOT_THE_SEEDS_TERMS if term in text]
    assert not other, f"ko/{lesson}.txt spells a term differently from the seeds: {other}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_ipynb_says_it_is_korean(lesson):
    """Notebook metadata "language": "ko" (nbformat allows further keys); the kernel's
    language stays NetBook's, and the English lessons, the default, carry no language."""
    notebook = nbformat.read(KOREAN / f"{lesson}.ipynb", as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert notebook.metadata["language"] == "ko"
    assert notebook.metadata.kernelspec.language == "netbook"
    assert notebook.metadata.language_info.name == "netbook"
    assert "language" not in nbformat.read(ENGLISH / f"{lesson}.ipynb", as_version=4).metadata


def test_make_update_notebooks_writes_the_stored_ipynb(tmp_path):
    """What `make update-notebooks` runs, `nb-run --to ipynb -o ko/NAME.ipynb ko/NAME.txt`,
    gives the stored notebook byte for byte: its "language": "ko" survives."""
    lesson = "03-backprop-by-hand"
    stored = (KOREAN / f"{lesson}.ipynb").read_bytes()
    target = tmp_path / f"{lesson}.ipynb"
    target.write_bytes(stored)
    result = subprocess.run([nb_run_binary(), "--to", "ipynb", "-o", str(target), str(KOREAN / f"{lesson}.txt")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == stored


def test_data_paths_resolve_from_the_korean_lessons():
    """A Korean lesson's cells are its English twin's, so `csv("data/iris.csv")` must find
    notebooks/data/ from notebooks/ko/ as well (notebooks/ko/data links to it). nb-run
    looks next to the notebook and a kernel runs in the notebook's directory: nb-run
    reading the cell from stdin in notebooks/ko/ is both."""
    assert (KOREAN / "data").resolve() == (ENGLISH / "data").resolve()
    run = subprocess.run([nb_run_binary(), "-"], input='load iris = csv("data/iris.csv", label: "species")\n',
                         cwd=KOREAN, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "iris.x  150×4" in run.stdout
