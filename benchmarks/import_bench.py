"""Import throughput and peak memory on N synthetic ~2 KB articles. Prints JSON.

    uv run python benchmarks/import_bench.py --n 1000 5000 20000

Each N is measured in a fresh child process, so peak memory (ru_maxrss) is
that run's own; "flat memory" means the peak does not grow with N.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Common characters to build plausible text from (simplified and traditional).
_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器"
    "压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安"
    "场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集"
    "温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连"
    "断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精"
    "值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属"
    "圆包火住调满县局照参红细引听该铁价严"
)


def make_article(i: int, rng: random.Random) -> str:
    def sentence() -> str:
        return "".join(rng.choice(_HAN) for _ in range(rng.randint(12, 30))) + "。"

    paras = ["".join(sentence() for _ in range(rng.randint(4, 7))) for _ in range(5)]
    head = f"人民网>>时政>>要闻{i % 50}\n第{i}号文章{sentence()[:12]}\n"
    head += f"2023-{1 + i % 12:02d}-{1 + i % 28:02d} 10:{i % 60:02d}  来源：人民网\n\n"
    body = "\n\n".join([*paras[:2], "坚持稳中求进的工作总基调", *paras[2:]])
    return head + body + "\n\n（责任编辑：张三、李四）\n"


def measure(n: int) -> dict[str, object]:
    from reader.chinese import Converters
    from reader.importers import Importer
    from reader.library import ArticleStore, open_library
    from reader.library.ingest import import_paths

    rng = random.Random(n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        total = 0
        for i in range(n):
            data = make_article(i, rng).encode("utf-8")
            total += len(data)
            Path(folder, f"{i:06d}.txt").write_bytes(data)
        store = ArticleStore(open_library(Path(tmp, "lib")))
        importer = Importer(Converters())
        start = time.perf_counter()
        report = import_paths([folder], importer, store)
        seconds = time.perf_counter() - start
        assert report.failures == [] and report.added == n
    return {
        "articles": n,
        "mean_bytes": round(total / n),
        "seconds": round(seconds, 3),
        "articles_per_second": round(n / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    runs = []
    for n in args.n:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout))
    result = {
        "benchmark": "import",
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "cpus": __import__("os").cpu_count(),
        "runs": runs,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
