"""The `exercise` helper the browser gates use: it opens, presses and fills what a page offers."""

from __future__ import annotations

from exercise import exercise

SAMPLE = """<!doctype html><html lang="en"><title>sample</title>
<main>
  <button type="button" aria-expanded="false" id="all">Show all</button>
  <button type="button" aria-pressed="true" id="on">Already on</button>
  <details id="outer"><summary>Outer</summary>
    <details id="inner"><summary>Inner</summary>x</details></details>
  <details id="hidden" hidden><summary>Hidden</summary>y</details>
  <form id="calc">
    <input type="number" name="sessions" min="0" max="10" step="3">
    <input type="number" name="free">
    <input type="range" name="hours" min="1" max="5">
    <input type="checkbox" name="screen">
    <input type="radio" name="plan" value="a"><input type="radio" name="plan" value="b">
    <select name="pay"><option value="card">Card</option><option value="cash">Cash</option></select>
    <input type="hidden" name="token" value="keep">
    <input type="number" name="off" disabled>
    <button>Calculate</button>
    <output id="out"></output>
  </form>
</main>
<script>
  window.events = [];
  document.getElementById('all').addEventListener('click', e => {
    e.target.setAttribute('aria-expanded', 'true'); window.events.push('show all');
  });
  document.getElementById('on').addEventListener('click', () => window.events.push('pressed again'));
  const form = document.getElementById('calc');
  form.addEventListener('input', e => window.events.push('input ' + e.target.name));
  form.addEventListener('change', e => window.events.push('change ' + e.target.name));
  form.addEventListener('submit', e => { e.preventDefault(); window.events.push('submitted'); });
</script>"""


def test_exercise_opens_presses_fills_and_submits(page):
    page.set_content(SAMPLE)
    steps = exercise(page)
    state = page.evaluate(
        """() => ({
      open: [...document.querySelectorAll('details')].map(d => d.open),
      values: Object.fromEntries([...new FormData(document.getElementById('calc'))]),
      events: window.events,
    })"""
    )
    assert state["open"] == [True, True, True]
    assert state["values"] == {
        "sessions": "9",
        "free": "1",
        "hours": "5",
        "screen": "on",
        "plan": "b",
        "pay": "cash",
        "token": "keep",
    }
    for event in ("show all", "input sessions", "change screen", "change pay", "change hours", "submitted"):
        assert event in state["events"], (event, state["events"])
    assert "pressed again" not in state["events"]
    assert "clicked button 'Show all'" in steps and "opened 3 <details>" in steps
