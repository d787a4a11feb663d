"""A progress bar for long builds (tqdm on stderr): input read, ETA, articles and articles per second.

Silent unless its stream is a terminal, so logs and pipes never fill with carriage returns.
"""
from __future__ import annotations

import io
import os
import sys
import time
from typing import TextIO

from kg.pipeline import Progress

STAGE_LABELS = {"extract": "extracting", "assemble": "linking", "done": "done"}
BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]"


def articles_rate(articles: int, seconds: float) -> str:
    """``articles`` over ``seconds`` as a short label.

    >>> articles_rate(250, 2.0)
    '125 articles/s'
    >>> articles_rate(3, 0.0)
    '- articles/s'
    """
    if seconds <= 0:
        return "- articles/s"
    rate = articles / seconds
    return f"{rate:.0f} articles/s" if rate >= 10 else f"{rate:.1f} articles/s"


def _fixed_size(stream: TextIO) -> tuple[int, int] | None:
    """None when the terminal reports its size (the bar then follows resizes), else 100 x 24.

    Some terminals (``script``, some CI runners) report 0 x 0, on which tqdm would draw nothing.
    """
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return 100, 24
    return None if size.columns > 0 and size.lines > 0 else (100, 24)


class ProgressBar:
    """Call it with :class:`~kg.pipeline.Progress` snapshots; close it (or use ``with``) at the end.

    Parameters
    ----------
    stream:
        Where to draw (default ``sys.stderr``).
    enabled:
        Draw or not; by default, only when ``stream`` is a terminal.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self._bar = None
        self._stage = ""
        self._start = time.perf_counter()

    def __call__(self, p: Progress) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: the build may fork worker processes
            self._stage = p.stage
            size = _fixed_size(self.stream)
            self._bar = tqdm(total=p.total_bytes, unit="B", unit_scale=True, unit_divisor=1024, file=self.stream,
                             desc=STAGE_LABELS.get(p.stage, p.stage), bar_format=BAR_FORMAT,
                             dynamic_ncols=size is None, ncols=size and size[0], nrows=size and size[1],
                             mininterval=0.2, leave=True)
            self._start = time.perf_counter()
        bar = self._bar
        if p.stage != self._stage:
            self._stage = p.stage
            bar.set_description_str(STAGE_LABELS.get(p.stage, p.stage), refresh=False)
        cached = f" ({p.cached} cached)" if p.cached else ""
        bar.set_postfix_str(f"{p.articles} articles{cached}, "
                            f"{articles_rate(p.articles, time.perf_counter() - self._start)}", refresh=False)
        bar.update(p.done_bytes - bar.n)
        if p.stage != "extract":
            bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["ProgressBar", "articles_rate"]
