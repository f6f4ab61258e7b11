// The composer's caption generator: "Use this" puts a variant into the post's text (and lets composer.js count it),
// and the platform follows the account last ticked.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var use = event.target.closest && event.target.closest("[data-use-caption]");
    if (!use) {
      return;
    }
    var variant = use.closest("[data-caption-variant]");
    var body = document.querySelector("[data-body]");
    if (!variant || !body) {
      return;
    }
    body.value = variant.querySelector("[data-caption-text]").textContent;
    body.dispatchEvent(new Event("input", { bubbles: true }));
    body.focus();
    use.textContent = "Used";
  });

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-account-box]") || !box.checked) {
      return;
    }
    var platform = box.closest("[data-platform]");
    var select = document.querySelector("[data-caption-platform]");
    if (platform && select) {
      select.value = platform.getAttribute("data-platform-id");
    }
  });
})();
