/*
 * Live preview, for development builds only (`make devserver`, `make html`).
 *
 * Every second this script asks the preview server for dev-build.json, a small
 * file written after each build. When the file names a new build, the page
 * reloads itself; when the last build failed, the problems are shown at the top
 * of the page until the next good build. The request goes to the same origin,
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

  function hideProblems() {
    if (panel) {
      panel.remove();
      panel = null;
    }
  }

  // Styles are set through the CSSOM (allowed by the CSP, unlike style="" attributes),
  // so that the live site's stylesheet carries nothing for development.
  function showProblems(problems) {
    hideProblems();
    panel = document.createElement("div");
    panel.setAttribute("role", "alert");
    panel.className = "dev-build-problems";
    panel.style.background = "#fff4f4";
    panel.style.color = "#5a0000";
    panel.style.border = "4px solid #b10e1e";
    panel.style.padding = "1rem";
    panel.style.margin = "0";
    panel.style.fontSize = "1rem";
    var heading = document.createElement("h2");
    heading.textContent = "The site could not be rebuilt: this page shows the last good version.";
    panel.appendChild(heading);
    var list = document.createElement("ol");
    // Each problem is data from the build: file, line, what is wrong, how to fix it.
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var where = document.createElement("strong");
      where.textContent = problem.file + (problem.line ? ", line " + problem.line : "") + ":";
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + problem.what + " How to fix it: " + problem.fix));
      list.appendChild(item);
    });
    panel.appendChild(list);
    var hint = document.createElement("p");
    hint.textContent = "Fix the problems and save: the page will update by itself.";
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
          showProblems(stamp.problems || []);
        } else {
          hideProblems();
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
