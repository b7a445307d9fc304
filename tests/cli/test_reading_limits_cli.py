"""Every command that reads a file keeps the importer's rules: regular files only, 20 MB.

Run as the user runs them, in a subprocess with a timeout (a FIFO once blocked them
forever) and a memory cap (/dev/zero once ate memory until Python gave up).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import ExitCode
from reader.importers import MAX_FILE_BYTES

# POSIX only: FIFOs, /dev/zero, and a memory cap for the child process.
resource = pytest.importorskip("resource")

# Each command names the file in its own place on the command line.
COMMANDS = {
    "show": ["show", "{}"],
    "show --json": ["show", "--json", "{}"],
    "audit": ["audit", "{}"],
    "convert": ["convert", "--to", "simplified", "{}"],
    "export": ["export", "{}", "--format", "txt", "-o", "{out}"],
    "import": ["import", "{}"],
}
_MEMORY_CAP = 2 * 1024**3  # bytes of address space: a regression fails, never swaps


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_CAP, _MEMORY_CAP))


def _reader(
    argv: list[str], tmp_path: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(tmp_path / "lib"), *argv],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
        preexec_fn=_cap_memory,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def _argv(command: str, path: str, tmp_path: Path) -> list[str]:
    return [a.format(path, out=tmp_path / "out.txt") for a in COMMANDS[command]]


def _one_line(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8")
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = _reader(_argv(command, str(fifo), tmp_path), tmp_path)
    assert result.returncode == ExitCode.INPUT_FAILED
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in _one_line(result)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_device_is_refused_before_it_is_read(command: str, device: str, tmp_path: Path) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    result = _reader(_argv(command, device, tmp_path), tmp_path)
    assert result.returncode == ExitCode.INPUT_FAILED
    assert f"{device}: is a device, not a regular file" in _one_line(result)
    assert not (tmp_path / "out.txt").exists()


def test_standard_input_is_capped_at_the_file_limit(tmp_path: Path) -> None:
    big = b"a" * (MAX_FILE_BYTES + 1)
    result = _reader(["convert", "--to", "simplified", "-"], tmp_path, stdin=big)
    assert result.returncode == ExitCode.INPUT_FAILED
    assert "standard input: larger than the 20 MB limit" in _one_line(result)
    assert result.stdout == b""
    # At the limit exactly, it converts.
    result = _reader(["convert", "--to", "simplified", "-"], tmp_path, stdin=big[:-1])
    assert result.returncode == ExitCode.OK
    assert len(result.stdout) == MAX_FILE_BYTES


def test_a_folder_named_as_a_file_is_refused_in_one_line(tmp_path: Path) -> None:
    for command in ("show", "convert", "audit"):
        result = _reader(_argv(command, str(tmp_path), tmp_path), tmp_path)
        assert result.returncode == ExitCode.INPUT_FAILED
        assert f"{tmp_path}: is a folder, not a file" in _one_line(result)


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux /proc")
def test_the_size_on_disk_is_not_trusted() -> None:
    """/proc files are regular with st_size 0: the limit holds on what is read."""
    from reader.importers import ImportFailure, read_file

    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0
    with pytest.raises(ImportFailure, match="larger than the 100 bytes limit"):
        read_file(maps, limit=100)
    assert read_file(maps)  # under the real limit it reads
