"""Script conversion throughput and script switching. Prints JSON.

    uv run python benchmarks/convert_bench.py [--mb 10] [--runs 3] [--switches 50]

- throughput: MB/s (UTF-8 input bytes, 10**6 per MB) of ScriptConverter.convert_text
  over ~10 MB built from the bundled samples repeated (simplified text for s2t and
  s2twp, traditional for t2s and t2tw); median of --runs, converters built beforehand.
- switch: a 5,000-character article switched between Simplified and Traditional,
  ScriptConverter.convert_article + render.render_article (the logic part; Qt's
  re-layout is measured elsewhere), median of --switches. For comparison, the
  same conversion done with one convert_text call per piece instead of one joined call.
- converters_built: OpenCC converters built over the whole run; each config once.
- cli: `reader convert --to simplified FILE` on --mb of Traditional text, as a process
  (start-up, decoding, script detection, conversion, output), against the bare OpenCC
  binding in a process of its own (`OpenCC("t2s").convert` of the file read as UTF-8),
  alternating, median of --runs; ratio = reader ÷ bare.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.chinese import Converters
from reader.chinese.convert import (
    ScriptConverter,
    ScriptMode,
    conversion_chain,
    target_lang,
)
from reader.domain import Article, Script
from reader.importers import Importer
from reader.render import RenderOptions, render_article
from synthetic import repeated

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
TRADITIONAL = SAMPLES / "01-zhonglianbu-research-traditional.txt"
SIMPLIFIED = SAMPLES / "02-zhonglianbu-research-simplified.txt"

# config → (source script, mode) that selects it.
THROUGHPUT = {
    "s2t": (Script.SIMPLIFIED, ScriptMode.TRADITIONAL),
    "s2twp": (Script.SIMPLIFIED, ScriptMode.TAIWAN_PHRASES),
    "t2s": (Script.TRADITIONAL, ScriptMode.SIMPLIFIED),
    "t2tw": (Script.TRADITIONAL, ScriptMode.TAIWAN),
}


def text_of(path: Path, megabytes: float) -> str:
    text = path.read_text(encoding="utf-8")
    size = len(text.encode("utf-8"))
    return text * (int(megabytes * 1_000_000) // size + 1)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def throughput(converter: ScriptConverter, megabytes: float, runs: int) -> dict[str, object]:
    texts = {
        Script.SIMPLIFIED: text_of(SIMPLIFIED, megabytes),
        Script.TRADITIONAL: text_of(TRADITIONAL, megabytes),
    }
    results: dict[str, object] = {}
    for config, (source, mode) in THROUGHPUT.items():
        assert conversion_chain(source, mode) == (config,)
        text = texts[source]
        converter.convert_text("预热", mode, source)  # build the converter first
        run = functools.partial(converter.convert_text, text, mode, source)
        seconds = statistics.median(timed(run) for _ in range(runs))
        mb = len(text.encode("utf-8")) / 1_000_000
        results[config] = {"mb": round(mb, 2), "seconds": round(seconds, 3),
                           "mb_per_s": round(mb / seconds, 1)}  # fmt: skip
    return results


BARE = """
import sys, opencc
text = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.write(opencc.OpenCC("t2s").convert(text))
"""


def cli(megabytes: float, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "traditional.txt"
        source.write_text(text_of(TRADITIONAL, megabytes), encoding="utf-8")
        mb = source.stat().st_size / 1_000_000
        env = {**os.environ, "READER_HOME": str(folder / "home")}  # no library, no glossary
        # As on a user's machine, modules load from cached bytecode (this sandbox sets
        # PYTHONDONTWRITEBYTECODE, which would recompile Reader's modules every run).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "reader": [
                sys.executable,
                "-m",
                "reader",
                "convert",
                "--to",
                "simplified",
                str(source),
            ],
            "bare": [sys.executable, "-c", BARE, str(source)],
        }
        times: dict[str, list[float]] = {key: [] for key in commands}
        outputs: dict[str, bytes] = {}
        for _ in range(runs):
            for key, command in commands.items():
                start = time.perf_counter()
                run = subprocess.run(command, capture_output=True, env=env, check=True)
                times[key].append(time.perf_counter() - start)
                outputs[key] = run.stdout
    reader, bare = (statistics.median(times[key]) for key in ("reader", "bare"))
    return {"mb": round(mb, 2),
            "reader_seconds": round(reader, 3), "bare_opencc_seconds": round(bare, 3),
            "ratio": round(reader / bare, 2),
            "same_output": outputs["reader"] == outputs["bare"]}  # fmt: skip


def article_of(chars: int, converters: Converters) -> Article:
    """The traditional sample's blocks repeated to about `chars` characters."""
    return repeated(Importer(converters).parse_file(TRADITIONAL), chars)


def switch(
    converter: ScriptConverter, article: Article, mode: ScriptMode, n: int
) -> dict[str, float]:
    options = RenderOptions(lang=target_lang(mode, article.script))
    render_article(converter.convert_article(article, mode), options)  # warm-up

    def joined() -> None:
        render_article(converter.convert_article(article, mode), options)

    def per_piece() -> None:
        for text in (article.title, *(b.text for b in article.blocks)):
            converter.convert_text(text, mode, article.script)

    def convert_only() -> None:
        converter.convert_article(article, mode)

    def ms(fn: Callable[[], None]) -> float:
        return round(statistics.median(timed(fn) for _ in range(n)) * 1000, 2)

    return {"convert_and_render_ms": ms(joined), "convert_only_ms": ms(convert_only),
            "convert_one_call_per_piece_ms": ms(per_piece)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--switches", type=int, default=50)
    args = parser.parse_args()

    converters = Converters()
    converter = ScriptConverter(converters)
    report: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "throughput": throughput(converter, args.mb, args.runs),
    }
    trad = article_of(5000, converters)
    # The simplified article is the same text converted: a simplified source.
    simp = converter.convert_article(trad, ScriptMode.SIMPLIFIED)
    report["switch_article_chars"] = sum(len(b.text) for b in trad.blocks) + len(trad.title)
    report["switch"] = {
        "traditional_to_simplified": switch(converter, trad, ScriptMode.SIMPLIFIED, args.switches),
        "simplified_to_traditional": switch(converter, simp, ScriptMode.TRADITIONAL, args.switches),
        "traditional_to_taiwan_phrases": switch(
            converter, trad, ScriptMode.TAIWAN_PHRASES, args.switches
        ),
    }
    # t2s, t2tw, s2t, s2twp for throughput; Importer's detector uses t2s and s2t.
    configs_used = {
        c for source, mode in THROUGHPUT.values() for c in conversion_chain(source, mode)
    }
    report["converters_built"] = converters.built
    report["cli"] = cli(args.mb, args.runs)
    report["distinct_configs_used"] = len(configs_used | {"t2s", "s2t"})
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
