// Herald's small progressive enhancements. Every page works without them; none is inline, so the
// Content-Security-Policy can forbid inline script.
(function () {
  "use strict";

  // htmx requests carry the CSRF token from the page's <meta> tags.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A session that ended answers htmx with the sign-in page: go there instead of swapping it in.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === "/sign-in") {
      event.detail.shouldSwap = false;
      window.location.assign("/sign-in?continue=" + encodeURIComponent(window.location.pathname));
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    toast(status === 403 ? "You are not allowed to do that." :
      status === 404 ? "That no longer exists. Reload the page." :
        "That did not work (error " + status + "). Reload the page and try again.");
  });

  function toast(message) {
    var box = document.querySelector("[data-toast]");
    if (!box) { return; }
    box.textContent = message;
    box.hidden = false;
    clearTimeout(box.timer);
    box.timer = setTimeout(function () { box.hidden = true; }, 6000);
  }

  // Forms that destroy something ask first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute("data-confirm") && !form.hasAttribute("hx-post")) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    }
  });

  // Copy buttons for one-time secrets and links.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) { return; }
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) { return; }
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    function done(ok) {
      button.textContent = ok ? "Copied" : "Press Ctrl+C to copy";
      toast(ok ? "Copied to the clipboard." : "Select the text and copy it with Ctrl+C or ⌘C.");
      setTimeout(function () { button.textContent = original; }, 2500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { fallback(); });
    } else {
      fallback();
    }
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      done(ok);
    }
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-select-on-focus")) {
      event.target.select();
    }
  });

  // "Print or save as PDF" (the monthly report): the browser's own print dialog.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) { window.print(); }
  });

  // Menus (<details>) close on Escape and on a click elsewhere; one open at a time.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.removeAttribute("open"); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary && menu.contains(document.activeElement)) { summary.focus(); }
    });
  });
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.matches || !menu.matches("details[data-menu]") || !menu.open) { return; }
    var filter = menu.querySelector("[data-switcher-filter]");
    if (filter) { filter.focus(); }
  }, true);

  // The workspace switcher's filter, for people in many workspaces.
  document.addEventListener("input", function (event) {
    if (!event.target.matches("[data-switcher-filter]")) { return; }
    var query = event.target.value.trim().toLowerCase();
    var panel = event.target.closest(".switcher-panel");
    var shown = 0;
    panel.querySelectorAll("[data-switcher-list] > li").forEach(function (item) {
      var match = item.getAttribute("data-name").indexOf(query) !== -1;
      item.hidden = !match;
      if (match) { shown++; }
    });
    panel.querySelector("[data-switcher-empty]").hidden = shown !== 0;
  });
  // Enter in the filter opens the first match.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches("[data-switcher-filter]")) { return; }
    event.preventDefault();
    var first = event.target.closest(".switcher-panel").querySelector("[data-switcher-list] > li:not([hidden]) a");
    if (first) { first.click(); }
  });

  // A fresh form's timezone starts at the browser's own zone.
  function browserZone() {
    document.querySelectorAll("select[data-browser-timezone]").forEach(function (select) {
      var zone;
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
      if (zone && select.querySelector('option[value="' + zone.replace(/"/g, "") + '"]')) {
        select.value = zone;
      }
    });
  }
  // The navigation scrolls on its own when it does not fit: sideways in its one row on a phone, down the side on a
  // short screen. Bring the current page's link into view.
  function currentSection() {
    var list = document.querySelector(".sidenav > ul");
    var current = list && list.querySelector('a[aria-current="page"]');
    if (!current) { return; }
    var box = list.getBoundingClientRect();
    var link = current.getBoundingClientRect();
    if (list.scrollWidth > list.clientWidth) {
      list.scrollLeft += link.left - box.left - (list.clientWidth - link.width) / 2;
    }
    if (list.scrollHeight > list.clientHeight && link.bottom > box.bottom) {
      list.scrollTop += link.bottom - box.bottom + link.height;
    }
  }

  function ready() {
    browserZone();
    currentSection();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
