"""`make faq`: a new question with a placeholder answer, which the build refuses until it is written."""

from __future__ import annotations

from conftest import build_site
from support import content_copy, failed_build, make, snapshot

QUESTION = "Can I eat before my session?"


def test_make_faq_creates_the_entry_and_the_build_refuses_the_placeholder(tmp_path):
    content = content_copy(tmp_path)
    # Orders above the real entries' (the real FAQ numbers its questions 10 to 130).
    (content / "faq").mkdir(exist_ok=True)
    (content / "faq" / "first.md").write_text("Title: First?\nOrder: 503\n\nYes.\n", encoding="utf-8")
    (content / "faq" / "second.md").write_text("Title: Second?\nOrder: 511\n\nNo.\n", encoding="utf-8")
    (content / "faq" / "unordered.md").write_text("Title: Third?\n\nMaybe.\n", encoding="utf-8")

    result = make("faq", f"Q={QUESTION}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stderr
    entry = content / "faq" / "can-i-eat-before-my-session.md"
    assert "content/faq/can-i-eat-before-my-session.md" in result.stdout
    header, _, answer = entry.read_text(encoding="utf-8").partition("\n\n")
    assert header.splitlines() == [f"Title: {QUESTION}", "Order: 512"]
    assert answer.startswith("PLACEHOLDER:")

    message = failed_build(content, tmp_path)
    assert "content/faq/can-i-eat-before-my-session.md, line 4: This file still has a placeholder" in message

    answer = "A light meal a few hours before is best."
    entry.write_text(f"Title: {QUESTION}\nOrder: 512\n\n{answer}\n", encoding="utf-8")
    built = build_site(tmp_path / "out2", content=content)
    assert built.returncode == 0, built.stderr


def test_make_faq_without_a_question_says_how(tmp_path):
    content = content_copy(tmp_path)
    before = snapshot(content)
    result = make("faq", f"INPUTDIR={content}")
    assert result.returncode != 0
    assert 'make faq Q="Can I eat before my session?"' in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(content) == before


def test_make_faq_never_overwrites(tmp_path):
    content = content_copy(tmp_path)
    assert make("faq", f"Q={QUESTION}", f"INPUTDIR={content}").returncode == 0
    entry = content / "faq" / "can-i-eat-before-my-session.md"
    entry.write_text("Title: Can I eat before my session?\n\nMy own answer.\n", encoding="utf-8")
    again = make("faq", f"Q={QUESTION}", f"INPUTDIR={content}")
    assert again.returncode != 0
    assert "content/faq/can-i-eat-before-my-session.md already exists" in again.stderr
    assert entry.read_text(encoding="utf-8") == "Title: Can I eat before my session?\n\nMy own answer.\n"


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
