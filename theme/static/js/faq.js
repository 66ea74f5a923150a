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
(function () {
  "use strict";

  var root = document.querySelector("[data-faq]");
  if (!root) {
    return;
  }
  var entries = Array.prototype.slice.call(root.querySelectorAll("details.faq__entry"));
  if (!entries.length) {
    return;
  }

  function allOpen() {
    return entries.every(function (entry) {
      return entry.open;
    });
  }

  // The controls are in the page (hidden by faq.css where scripts do not run); showing
  // them here too covers browsers that do not know the `scripting` media feature.
  var controls = root.querySelector("[data-faq-controls]");
  if (!controls) {
    return;
  }
  controls.classList.add("faq__controls--ready");
  var button = controls.querySelector(".faq__toggle-all");
  var input = controls.querySelector("#faq-filter");
  var count = controls.querySelector("#faq-filter-count");

  // Show all / hide all: one button, its label and aria-expanded follow the entries.
  button.setAttribute(
    "aria-controls",
    entries
      .map(function (entry) {
        return entry.id;
      })
      .join(" ")
  );

  function updateButton() {
    var open = allOpen();
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? "Hide all answers" : "Show all answers";
  }

  button.addEventListener("click", function () {
    var open = !allOpen();
    entries.forEach(function (entry) {
      entry.open = open;
    });
    updateButton();
  });
  entries.forEach(function (entry) {
    entry.addEventListener("toggle", updateButton);
  });
  updateButton();

  function folded(text) {
    // Lower case without accents, so "etre" finds "être" and "Ketamine" finds "ketamine".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var texts = entries.map(function (entry) {
    return folded(entry.textContent.replace(/\s+/g, " "));
  });
  var topics = Array.prototype.slice.call(root.querySelectorAll(".faq__topic"));
  var countTimer = null;

  function applyFilter() {
    var words = folded(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (entry, index) {
      var match = words.every(function (word) {
        return texts[index].indexOf(word) !== -1;
      });
      entry.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    topics.forEach(function (topic) {
      topic.hidden = !topic.querySelector("details.faq__entry:not([hidden])");
      var link = document.querySelector('.faq__topics a[href="#' + topic.id + '"]');
      if (link) {
        link.parentElement.hidden = topic.hidden;
      }
    });
    // Announced once the visitor pauses, not at every key press.
    window.clearTimeout(countTimer);
    countTimer = window.setTimeout(function () {
      if (!words.length) {
        count.textContent = "";
      } else if (shown === 0) {
        count.textContent = "No question matches. Try another word.";
      } else {
        count.textContent =
          shown + " of " + entries.length + " questions " + (shown === 1 ? "matches." : "match.");
      }
    }, 400);
  }
  input.addEventListener("input", applyFilter);

  // Deep links: open the linked answer and bring its question into view.
  function openFromHash() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return; // a malformed link: leave the page as it is
    }
    var target = id && document.getElementById(id);
    var entry = target && target.closest("details.faq__entry");
    if (!entry || !root.contains(entry)) {
      return;
    }
    if (entry.hidden) {
      input.value = ""; // the linked question was filtered out: show every question again
      applyFilter();
    }
    entry.open = true;
    entry.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();

  // Printing: open every answer for the printout, then put things back.
  var closedBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    closedBeforePrint = entries.filter(function (entry) {
      return !entry.open;
    });
    closedBeforePrint.forEach(function (entry) {
      entry.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    closedBeforePrint.forEach(function (entry) {
      entry.open = false;
    });
    closedBeforePrint = [];
  });
})();
