"""OpenCC's own test cases, run through Reader's conversion layer for every config it uses.

The cases are read from the shared corpus (never copied into the project). Each
config is called the way the app calls it: a ScriptConverter with the source
script and display mode that select that config, both per text (convert_text)
and for a whole article converted in one call per config (convert_article).
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from reader.chinese import Converters
from reader.chinese.convert import ScriptConverter, ScriptMode, conversion_chain
from reader.domain import Article, Block, Script
from tests.conftest import CORPUS, require

CASES_FILE = CORPUS / "opencc" / "testcases" / "testcases.strict.json"

# Every single-config chain the app uses: config → (source script, display mode).
APP_CONFIGS: dict[str, tuple[Script, ScriptMode]] = {
    "s2t": (Script.SIMPLIFIED, ScriptMode.TRADITIONAL),
    "s2tw": (Script.SIMPLIFIED, ScriptMode.TAIWAN),
    "s2twp": (Script.SIMPLIFIED, ScriptMode.TAIWAN_PHRASES),
    "s2hk": (Script.SIMPLIFIED, ScriptMode.HONG_KONG),
    "t2s": (Script.TRADITIONAL, ScriptMode.SIMPLIFIED),
    "t2tw": (Script.TRADITIONAL, ScriptMode.TAIWAN),
    "t2hk": (Script.TRADITIONAL, ScriptMode.HONG_KONG),
}


def _cases_by_config() -> dict[str, list[tuple[str, str, str]]]:
    """config → [(case id, input, expected)]; empty when the corpus is absent."""
    if not CASES_FILE.is_file():
        return {}
    data = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    by_config: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for case in data["cases"]:
        for config, expected in case["expected"].items():
            by_config[config].append((case["id"], case["input"], expected))
    return by_config


CASES = _cases_by_config()


@pytest.fixture(scope="module")
def converter() -> ScriptConverter:
    return ScriptConverter(Converters())


def test_every_config_the_chains_use_is_covered() -> None:
    used = {
        config
        for source in Script
        for mode in ScriptMode
        for config in conversion_chain(source, mode)
    }
    assert used == set(APP_CONFIGS)


@pytest.mark.parametrize("config", list(APP_CONFIGS))
def test_opencc_cases(config: str, converter: ScriptConverter) -> None:
    require(bool(CASES), f"OpenCC's test cases ({CASES_FILE})")
    cases = CASES[config]
    assert cases, f"no OpenCC test case for {config}"
    source, mode = APP_CONFIGS[config]
    assert conversion_chain(source, mode) == (config,)

    failures = [
        f"{case_id}: {text!r} → {got!r}, expected {expected!r}"
        for case_id, text, expected in cases
        if (got := converter.convert_text(text, mode, source)) != expected
    ]
    assert not failures, f"{config}: {len(failures)} of {len(cases)} cases fail:\n" + "\n".join(
        failures
    )

    # The same cases as one article, converted in one OpenCC call per config.
    article = Article(
        id=config,
        title=cases[0][1],
        blocks=tuple(Block.paragraph(text) for _, text, _ in cases),
        script=source,
    )
    converted = converter.convert_article(article, mode)
    assert converted.title == cases[0][2]
    assert [b.text for b in converted.blocks] == [expected for _, _, expected in cases]
    print(f"{config}: {len(cases)} OpenCC cases pass")
