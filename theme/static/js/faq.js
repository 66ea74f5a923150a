/* FAQ accordion enhancements (the accordion works without this script). The controls
   are in the page's HTML (components/faq/accordion.html), shown only where scripts run,
   so nothing moves when they come to life; this script gives them their behaviour:
   - a filter box that narrows the questions as the visitor types (question and
     answer text, ignoring case and accents), hides topics left empty, and
     announces how many questions match (a polite live region);
   - a "Show all answers / Hide all answers" button whose state (aria-expanded)
     screen readers announce;
   - a link to faq.html#question opens that answer and scrolls to it, on load
     and when the hash changes on the page;
   - printing prints every answer (browsers without details::details-content
     cannot show closed answers with CSS alone), then restores what was open. */
(() => {
  "use strict";

  const root = document.querySelector("[data-faq]");
  const entries = root ? [...root.querySelectorAll("details.faq__entry")] : [];
  // The controls are in the page (hidden by faq.css where scripts do not run); showing
  // them here too covers browsers that do not know the `scripting` media feature.
  const controls = root && root.querySelector("[data-faq-controls]");
  if (!entries.length || !controls) {
    return;
  }
  controls.classList.add("faq__controls--ready");
  const button = controls.querySelector(".faq__toggle-all");
  const input = controls.querySelector("#faq-filter");
  const count = controls.querySelector("#faq-filter-count");
  const allOpen = () => entries.every((entry) => entry.open);
  const openAll = (open) => entries.forEach((entry) => (entry.open = open));

  // Show all / hide all: one button, its label and aria-expanded follow the entries.
  button.setAttribute("aria-controls", entries.map((entry) => entry.id).join(" "));
  const updateButton = () => {
    const open = allOpen();
    button.setAttribute("aria-expanded", open);
    button.textContent = `${open ? "Hide" : "Show"} all answers`;
  };
  button.addEventListener("click", () => {
    openAll(!allOpen());
    updateButton();
  });
  entries.forEach((entry) => entry.addEventListener("toggle", updateButton));
  updateButton();

  // Lower case without accents, so "etre" finds "être" and "Ketamine" finds "ketamine".
  const folded = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const texts = entries.map((entry) => folded(entry.textContent.replace(/\s+/g, " ")));
  const topics = root.querySelectorAll(".faq__topic");
  let countTimer;

  const applyFilter = () => {
    const words = folded(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    entries.forEach((entry, index) => {
      entry.hidden = !words.every((word) => texts[index].includes(word));
      shown += !entry.hidden;
    });
    for (const topic of topics) {
      topic.hidden = !topic.querySelector("details.faq__entry:not([hidden])");
      const link = document.querySelector(`.faq__topics a[href="#${topic.id}"]`);
      if (link) {
        link.parentElement.hidden = topic.hidden;
      }
    }
    // Announced once the visitor pauses, not at every key press.
    clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      count.textContent = !words.length
        ? ""
        : shown
          ? `${shown} of ${entries.length} questions ${shown === 1 ? "matches" : "match"}.`
          : "No question matches. Try another word.";
    }, 400);
  };
  input.addEventListener("input", applyFilter);

  // Deep links: open the linked answer and bring its question into view.
  const openFromHash = () => {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return; // a malformed link: leave the page as it is
    }
    const entry = id && document.getElementById(id)?.closest("details.faq__entry");
    if (!entry || !root.contains(entry)) {
      return;
    }
    if (entry.hidden) {
      input.value = ""; // the linked question was filtered out: show every question again
      applyFilter();
    }
    entry.open = true;
    entry.scrollIntoView({ block: "start" });
  };
  addEventListener("hashchange", openFromHash);
  openFromHash();

  // Printing: open every answer for the printout, then put things back.
  let closedBeforePrint = [];
  addEventListener("beforeprint", () => {
    closedBeforePrint = entries.filter((entry) => !entry.open);
    closedBeforePrint.forEach((entry) => (entry.open = true));
  });
  addEventListener("afterprint", () => {
    closedBeforePrint.forEach((entry) => (entry.open = false));
    closedBeforePrint = [];
  });
})();
