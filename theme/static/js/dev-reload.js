/*
 * Live preview, for development builds only (`make devserver`, `make html`).
 *
 * Every second this script asks the preview server for dev-build.json, a small
 * file written after each build. When the file names a new build, the page
 * reloads itself; when the last build failed, the problems are shown at the top
 * of the page until the next good build, and a good build's notes (what it took
 * out of an answer) are shown there too, more calmly. The request goes to the same origin,
 * so the site's Content-Security-Policy (connect-src 'self') allows it.
 *
 * publishconf.py turns DEV_RELOAD off: the live site has neither this file nor
 * any reference to it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  var stampUrl = new URL(script.getAttribute("data-build-stamp"), document.baseURI).href;
  var shownBuild = null;
  var panel = null;
  var panelShows = ""; // what the panel shows, so that a live region is not rebuilt every second

  function hidePanel() {
    if (panel) {
      panel.remove();
      panel = null;
      panelShows = "";
    }
  }

  // Failed builds show an alert in red; a good build's notes (what was taken out of an
  // answer: the build went on) a calm status in amber, so that the editor sees them in
  // the preview, not only in the terminal.
  var KINDS = {
    problems: {
      role: "alert",
      colours: ["#fff4f4", "#5a0000", "#b10e1e"],
      heading: "The site could not be rebuilt: this page shows the last good version.",
      fixLabel: " How to fix it: ",
      hint: "Fix the problems and save: the page will update by itself.",
    },
    notes: {
      role: "status",
      colours: ["#fff8e5", "#3d2a00", "#8a5a00"],
      heading: "The site was rebuilt, with these notes:",
      fixLabel: " ",
      hint: "These do not stop the site from being published.",
    },
  };

  // Styles are set through the CSSOM (allowed by the CSP, unlike style="" attributes),
  // so that the live site's stylesheet carries nothing for development.
  function showPanel(kind, items) {
    var look = KINDS[kind];
    var shows = kind + JSON.stringify(items);
    if (panel && shows === panelShows) {
      return;
    }
    hidePanel();
    panelShows = shows;
    panel = document.createElement("div");
    panel.setAttribute("role", look.role);
    panel.className = "dev-build-" + kind;
    panel.style.background = look.colours[0];
    panel.style.color = look.colours[1];
    panel.style.border = "4px solid " + look.colours[2];
    panel.style.padding = "1rem";
    panel.style.margin = "0";
    panel.style.fontSize = "1rem";
    var heading = document.createElement("h2");
    heading.textContent = look.heading;
    panel.appendChild(heading);
    var list = document.createElement("ol");
    // Each item is data from the build: file, line, what is wrong, how to fix it.
    items.forEach(function (item) {
      var entry = document.createElement("li");
      var where = document.createElement("strong");
      where.textContent = item.file + (item.line ? ", line " + item.line : "") + ":";
      entry.appendChild(where);
      entry.appendChild(document.createTextNode(" " + item.what + look.fixLabel + item.fix));
      list.appendChild(entry);
    });
    panel.appendChild(list);
    var hint = document.createElement("p");
    hint.textContent = look.hint;
    panel.appendChild(hint);
    document.body.insertBefore(panel, document.body.firstChild);
  }

  function check() {
    fetch(stampUrl, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (stamp) {
        if (!stamp) {
          return;
        }
        if (shownBuild === null) {
          shownBuild = stamp.build;
        } else if (stamp.build !== shownBuild) {
          window.location.reload();
          return;
        }
        if (stamp.status === "failed") {
          showPanel("problems", stamp.problems || []);
        } else if (stamp.notes && stamp.notes.length) {
          showPanel("notes", stamp.notes);
        } else {
          hidePanel();
        }
      })
      .catch(function () {
        // The preview server is restarting or stopped: try again later.
      })
      .then(function () {
        window.setTimeout(check, 1000);
      });
  }

  check();
})();
