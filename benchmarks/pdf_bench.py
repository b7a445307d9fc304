"""PDF export time (reader.export.pdf, fpdf2). Prints JSON.

    uv run python benchmarks/pdf_bench.py [--runs 3]

- cold: the first export in a fresh process (imports fpdf2 and fontTools, finds the
  fonts), for the sample; run in a child process so nothing is loaded beforehand.
- sample / 20k / 20k_varied: median of --runs exports in one process after a warm-up,
  for the traditional sample (~2,000 characters, 470 distinct), a ~20,000-character
  article of the sample's blocks repeated, and one of as many characters but ~2,000
  distinct (half of it seeded-random common ideographs): time grows with the distinct
  characters, whose glyphs fontTools subsets. Plain, and bilingual Traditional /
  Simplified (four faces).
- pages, kb, distinct: of the file written / of the article.
- baseline: bare uharfbuzz subsetting the same face to the same characters
  (hb.subset, median of --runs), in the same run: the floor of any export that
  embeds a subset; ratio = export ÷ baseline.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.chinese import Converters
from reader.chinese.convert import ScriptConverter, ScriptMode
from reader.domain import Article, Block
from reader.export.options import ExportDocument, ExportOptions, prepare
from reader.export.pdf import write_pdf
from reader.importers import Importer
from synthetic import repeated

SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "resources/samples/01-zhonglianbu-research-traditional.txt"
)
COLD = """
import time, sys
from pathlib import Path
start = time.perf_counter()
from reader.chinese import Converters
from reader.export.options import ExportOptions, prepare
from reader.export.pdf import write_pdf
from reader.importers import Importer
article = Importer(Converters()).parse_file(Path(sys.argv[1]))
write_pdf(prepare(article, ExportOptions("pdf"), None), Path(sys.argv[2]))
print(time.perf_counter() - start)
"""


def varied(chars: int, sample: Article) -> Article:
    """Half the sample repeated, half seeded-random ideographs from U+4E00–U+9FA5."""
    base = repeated(sample, chars // 2)
    rng = random.Random(6)
    pool = [chr(cp) for cp in rng.sample(range(0x4E00, 0x9FA6), 1600)]
    extra = tuple(
        Block.paragraph("，".join("".join(rng.choices(pool, k=12)) for _ in range(24)) + "。")
        for _ in range(chars // 2 // 300)
    )
    return Article(id="varied", title=base.title, blocks=base.blocks + extra, script=base.script)


def bare_subset(doc: ExportDocument, runs: int) -> float:
    """Seconds for uharfbuzz alone to subset the body face to the article's characters."""
    import uharfbuzz as hb

    from reader.export.pdf import _pick

    found = _pick(doc.lang, doc.article, bold=False)
    assert found is not None
    face = hb.Face(hb.Blob.from_file_path(found[0]), found[1])
    text = doc.article.title + "".join(b.text for b in doc.article.blocks)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        wanted = hb.SubsetInput()
        wanted.unicode_set.update(ord(c) for c in set(text))
        hb.subset(face, wanted)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(doc: ExportDocument, folder: Path, runs: int) -> dict[str, object]:
    path = folder / "out.pdf"
    write_pdf(doc, path, overwrite=True)  # warm-up: fonts found, modules loaded
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write_pdf(doc, path, overwrite=True)
        times.append(time.perf_counter() - start)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    text = doc.article.title + "".join(b.text for b in doc.article.blocks)
    seconds, baseline = statistics.median(times), bare_subset(doc, runs)
    return {"chars": len(text), "distinct": len(set(text)),
            "seconds": round(seconds, 3), "baseline_hb_subset_s": round(baseline, 3),
            "ratio": round(seconds / baseline, 1),
            "pages": int(pages.group(1)) if pages else None,
            "kb": round(path.stat().st_size / 1024)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    converters = Converters()
    converter = ScriptConverter(converters)
    sample = Importer(converters).parse_file(SAMPLE)
    big = repeated(sample, 20_000)
    bilingual = ExportOptions("pdf", script=ScriptMode.SIMPLIFIED, bilingual=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        cold = subprocess.run(
            [sys.executable, "-c", COLD, str(SAMPLE), str(folder / "cold.pdf")],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        report = {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cold_sample_seconds": round(float(cold), 2),
            "sample": measure(prepare(sample, ExportOptions("pdf"), None), folder, args.runs),
            "sample_bilingual": measure(prepare(sample, bilingual, converter), folder, args.runs),
            "20k": measure(prepare(big, ExportOptions("pdf"), None), folder, args.runs),
            "20k_bilingual": measure(prepare(big, bilingual, converter), folder, args.runs),
            "20k_varied": measure(
                prepare(varied(20_000, sample), ExportOptions("pdf"), None), folder, args.runs
            ),
        }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
