/* FAQ accordion enhancements (the accordion works without this script):
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

  // Show all / hide all: one button, its label and aria-expanded follow the entries.
  var button = document.createElement("button");
  button.type = "button";
  button.className = "faq__toggle-all";
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
  var controls = document.createElement("div");
  controls.className = "faq__controls";
  controls.appendChild(button);
  root.insertBefore(controls, root.firstChild);

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
