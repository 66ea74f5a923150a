"""tools/pelican_log.py: our plugins' problems and notes arrive as the Problem objects they logged."""

from __future__ import annotations

import logging
from pathlib import Path

from practice_site.problems import Problem, note, warn

from tools.pelican_log import CapturingHandler, translate


def captured(*log_calls) -> list[logging.LogRecord]:
    logger = logging.getLogger("test_pelican_log")
    handler = CapturingHandler()
    logger.addHandler(handler)
    try:
        for call, problem in log_calls:
            call(logger, problem)
    finally:
        logger.removeHandler(handler)
    return handler.records


def test_a_warning_is_a_problem_and_a_note_is_a_notice_both_as_logged(tmp_path: Path):
    stop = Problem(file="content/faq/a.md", what="The question is missing.", fix="Add a Title: line.")
    told = Problem(file="content/faq/b.md", what="removed <script> from the answer.", fix="Delete it.")
    result = translate(captured((warn, stop), (note, told)), tmp_path)
    assert result.problems == [stop]
    assert result.notices == [told]
    assert result.notices[0] is told  # the object itself, never text read back
