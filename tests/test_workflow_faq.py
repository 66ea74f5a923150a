"""`make faq`: a new question with a placeholder answer, which the go-live list names until it is written."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import build_site
from support import content_copy, failed_build, make, snapshot

QUESTION = "Can I eat before my session?"


def test_make_faq_creates_the_entry_and_go_live_lists_the_placeholder(tmp_path):
    content = content_copy(tmp_path)
    # Orders above the real entries' (the real FAQ numbers its questions 10 to 130).
    (content / "faq").mkdir(exist_ok=True)
    (content / "faq" / "first.md").write_text("Title: First?\nOrder: 503\n\nYes.\n", encoding="utf-8")
    (content / "faq" / "second.md").write_text("Title: Second?\nOrder: 511\n\nNo.\n", encoding="utf-8")
    (content / "faq" / "unordered.md").write_text("Title: Third?\n\nMaybe.\n", encoding="utf-8")

    result = make("faq", f"Q={QUESTION}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stderr
    entry = content / "faq" / "can-i-eat-before.md"
    assert "content/faq/can-i-eat-before.md" in result.stdout
    assert "Its link is faq.html#can-i-eat-before" in result.stdout
    header, _, answer = entry.read_text(encoding="utf-8").partition("\n\n")
    assert header.splitlines() == [f"Title: {QUESTION}", "Slug: can-i-eat-before", "Order: 512"]
    assert answer.startswith("PLACEHOLDER:")

    built = build_site(tmp_path / "out1", content=content)
    assert built.returncode == 0, built.stderr
    assert "Not ready to go live" in built.stdout
    assert "content/faq/can-i-eat-before.md, line 5: This file still has a placeholder" in built.stdout

    answer = "A light meal a few hours before is best."
    entry.write_text(header + f"\n\n{answer}\n", encoding="utf-8")
    built = build_site(tmp_path / "out2", content=content)
    assert built.returncode == 0, built.stderr
    assert "can-i-eat-before.md" not in built.stdout
    # The question's link is its link name.
    faq = BeautifulSoup((tmp_path / "out2" / "faq.html").read_text(encoding="utf-8"), "html.parser")
    assert faq.find(id="can-i-eat-before").select_one(".faq__question").get_text() == QUESTION


def test_make_faq_without_a_question_says_how(tmp_path):
    content = content_copy(tmp_path)
    before = snapshot(content)
    result = make("faq", f"INPUTDIR={content}")
    assert result.returncode != 0
    assert 'make faq Q="Can I eat before my session?"' in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(content) == before


@pytest.mark.parametrize("again", [QUESTION, "can I eat before my session", "Can  I eat before my session ?"])
def test_make_faq_never_adds_a_question_twice(again, tmp_path):
    content = content_copy(tmp_path)
    assert make("faq", f"Q={QUESTION}", f"INPUTDIR={content}").returncode == 0
    entry = content / "faq" / "can-i-eat-before.md"
    entry.write_text("Title: Can I eat before my session?\n\nMy own answer.\n", encoding="utf-8")
    before = snapshot(content)
    result = make("faq", f"Q={again}", f"INPUTDIR={content}")
    assert result.returncode != 0
    assert (
        "content/faq/can-i-eat-before.md already has this question, so nothing was changed" in result.stderr
    )
    assert snapshot(content) == before


# The practice's own questions, and the link names make faq gives them: the first five
# words, not ending on a little word ("to", "and", "my").
LINK_NAMES = {
    "Can I drive myself home after a medicine session?": "can-i-drive-myself-home",
    "What should I bring to a medicine session?": "what-should-i-bring",
    "What does KAP cost, and will my insurance cover it?": "what-does-kap-cost",
    "How is KAP different from other ketamine treatments, like IV infusions?": "how-is-kap-different",
    "Is ketamine addictive?": "is-ketamine-addictive",
    "Is there anyone who shouldn’t take ketamine?": "is-there-anyone-who-shouldnt",
}


def test_link_names_are_the_questions_first_words(tmp_path):
    content = content_copy(tmp_path)
    for path in (content / "faq").glob("*.md"):
        path.unlink()
    for question, name in LINK_NAMES.items():
        result = make("faq", f"Q={question}", f"INPUTDIR={content}")
        assert result.returncode == 0, result.stderr
        text = (content / "faq" / f"{name}.md").read_text(encoding="utf-8")
        assert text.splitlines()[:2] == [f"Title: {question}", f"Slug: {name}"]


def test_a_question_starting_like_another_gets_more_of_its_words(tmp_path):
    content = content_copy(tmp_path)
    # The practice's own "What should I bring to a medicine session?" is what-should-i-bring.
    assert (content / "faq" / "what-should-i-bring.md").exists()
    result = make("faq", "Q=What should I bring to my intake?", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stderr
    assert "Slug: what-should-i-bring-to-my-intake\n" in (
        content / "faq" / "what-should-i-bring-to-my-intake.md"
    ).read_text(encoding="utf-8")
    # Even the whole question's name taken (here by an old link name kept as an alias): a number.
    (content / "faq" / "what-should-i-bring.md").write_text(
        (content / "faq" / "what-should-i-bring.md")
        .read_text(encoding="utf-8")
        .replace(
            "Slug: what-should-i-bring\n", "Slug: what-should-i-bring\nAliases: what-should-i-wear-there\n"
        ),
        encoding="utf-8",
    )
    result = make("faq", "Q=What should I wear there?", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stderr
    assert (content / "faq" / "what-should-i-wear-there-2.md").exists()


def test_new_question_goes_after_the_last_one_of_the_real_content(tmp_path):
    content = content_copy(tmp_path)
    result = make("faq", "Q=What should I wear?", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stderr
    text = (content / "faq" / "what-should-i-wear.md").read_text(encoding="utf-8")
    expected_order = 1 + max(
        [0]
        + [
            int(line.split(":", 1)[1])
            for p in (content / "faq").glob("*.md")
            if p.name != "what-should-i-wear.md"
            for line in p.read_text(encoding="utf-8").splitlines()
            if line.startswith("Order:")
        ]
    )
    assert f"Order: {expected_order}\n" in text


# Questions make could expand, or a shell could run: each must be kept as typed.
AS_TYPED = [
    "Is it $150 per hour?",
    "Do I pay $$ or $1 up front?",
    "What does `date` show on my bill?",
    "Can I write $(whoami) or $(shell touch MARKER) here?",
    "What if I type 'single' and \"double\" quotes?",
    "Is 100% of the $(HOME) cost covered; or ${PATH}?",
]


@pytest.mark.parametrize("question", AS_TYPED, ids=range(len(AS_TYPED)))
def test_make_faq_keeps_the_question_exactly_as_typed(question, tmp_path):
    content = content_copy(tmp_path)
    marker = tmp_path / "ran"
    question = question.replace("MARKER", str(marker))
    before = set((content / "faq").iterdir())
    result = make("faq", f"Q={question}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stderr
    [entry] = set((content / "faq").iterdir()) - before
    assert entry.read_text(encoding="utf-8").splitlines()[0] == f"Title: {question}"
    assert not marker.exists(), "make or the shell ran a command from the question"


def test_make_faq_takes_the_question_from_the_environment_too(tmp_path):
    content = content_copy(tmp_path)
    result = make("faq", f"INPUTDIR={content}", env={"Q": "Is it $150 per `hour`?"})
    assert result.returncode == 0, result.stderr
    entry = content / "faq" / "is-it-150-per-hour.md"
    assert entry.read_text(encoding="utf-8").startswith(
        "Title: Is it $150 per `hour`?\nSlug: is-it-150-per-hour\n"
    )


def test_a_very_long_question_gets_a_short_file_name(tmp_path):
    content = content_copy(tmp_path)
    question = "Can I " + "really " * 60 + "eat before my session?"
    result = make("faq", f"Q={question}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    [entry] = [p for p in (content / "faq").iterdir() if p.name.startswith("can-i-really")]
    assert len(entry.name) <= 84 and not entry.stem.endswith("-")
    header = entry.read_text(encoding="utf-8").split("\n\n")[0].splitlines()
    assert header[0] == f"Title: {question}"
    assert header[1] == f"Slug: {entry.stem}"
    # The build accepts it: the question's anchor is its file name.
    entry.write_text(entry.read_text(encoding="utf-8").replace("PLACEHOLDER:", "Yes."), encoding="utf-8")
    built = build_site(tmp_path / "out", content=content)
    assert built.returncode == 0, built.stderr
    assert f'id="{entry.stem}"' in (tmp_path / "out" / "faq.html").read_text(encoding="utf-8")


def test_a_faq_file_that_is_not_utf8_is_named(tmp_path):
    content = content_copy(tmp_path)
    broken = content / "faq" / "saved-as-latin1.md"
    broken.write_bytes("Title: Caf\u00e9 or tea before?\nOrder: 5\n\nEither.\n".encode("latin-1"))
    before = snapshot(content)
    result = make("faq", f"Q={QUESTION}", f"INPUTDIR={content}")
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "content/faq/saved-as-latin1.md is not saved as UTF-8 text" in result.stderr
    assert snapshot(content) == before
    # The build names it too.
    message = failed_build(content, tmp_path)
    assert "content/faq/saved-as-latin1.md: This question's file is not saved as UTF-8 text" in message
