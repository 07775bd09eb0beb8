// Draw the KPI chart from the JSON spec in the page. No inline script (CSP: script-src 'self'),
// and vega's AST interpreter instead of `new Function` (no 'unsafe-eval').
(function () {
  "use strict";
  function draw() {
    var holder = document.getElementById("kpi-chart");
    var specNode = document.getElementById("kpi-spec");
    if (!holder || !specNode || typeof vegaEmbed === "undefined") return;
    var spec = JSON.parse(specNode.textContent);
    vegaEmbed(holder, spec, { renderer: "svg", actions: false, ast: true, defaultStyle: false })
      .then(function () { holder.setAttribute("data-rendered", "true"); })
      .catch(function (err) {
        holder.setAttribute("data-rendered", "error");
        holder.textContent = "The chart could not be drawn: " + err;
      });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
