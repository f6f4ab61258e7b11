// The Connections page opens a platform's consent in a popup; the callback page reports back to it with
// postMessage (to Herald's exact origin only) and closes. When the popup is blocked, the consent runs in the
// whole window and the callback page returns to the Connections page. No inline script: the CSP forbids it.
(function () {
  "use strict";

  var MESSAGE = "herald:connect";

  function csrfHeaders() {
    var headers = { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  function notice(ok, message) {
    var box = document.querySelector("[data-connect-notice]");
    if (!box) { return; }
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "flash " + (ok ? "success" : "error");
    p.setAttribute("role", ok ? "status" : "alert");
    p.setAttribute("data-test", "connect-outcome");
    p.textContent = message;
    box.appendChild(p);
  }

  function refreshList() {
    var page = document.querySelector("[data-connections]");
    var list = document.querySelector("[data-connections-list]");
    if (!page || !list) { return; }
    fetch(page.getAttribute("data-list-url"), { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-connections-list]");
        if (fresh) { list.replaceWith(fresh); }
      });
  }

  // The Connections page.
  var page = document.querySelector("[data-connections]");
  if (page) {
    var popup = null;
    var watcher = null;

    window.addEventListener("message", function (event) {
      if (event.origin !== window.location.origin || !event.data || event.data.type !== MESSAGE) { return; }
      notice(event.data.ok === true, String(event.data.message || ""));
      refreshList();
    });

    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.matches || !form.matches("form[data-connect]")) { return; }
      event.preventDefault();
      // Opened now, inside the click, so popup blockers let it through; it is pointed at the platform below.
      popup = window.open("", "herald-connect", "popup,width=560,height=760");
      fetch(form.action, {
        method: "POST",
        headers: csrfHeaders(),
        body: new URLSearchParams(new FormData(form)).toString(),
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (!answer.ok) {
          if (popup) { popup.close(); }
          notice(false, answer.body.error || "Could not start the connection.");
          return;
        }
        if (!popup || popup.closed) {
          window.location.assign(answer.body.authorizationUrl);
          return;
        }
        popup.location.href = answer.body.authorizationUrl;
        clearInterval(watcher);
        watcher = setInterval(function () {
          if (popup.closed) { clearInterval(watcher); refreshList(); }
        }, 700);
      }).catch(function () {
        if (popup) { popup.close(); }
        notice(false, "Could not start the connection. Check your network and try again.");
      });
    });
    page.setAttribute("data-ready", "true");
  }

  // The callback page.
  var result = document.querySelector("[data-connect-result]");
  if (result && result.getAttribute("data-flow") === "ui") {
    var origin = result.getAttribute("data-origin");
    var message = {
      type: MESSAGE,
      ok: result.getAttribute("data-ok") === "true",
      message: result.getAttribute("data-message")
    };
    var opener = null;
    try { opener = window.opener && !window.opener.closed ? window.opener : null; } catch (e) { opener = null; }
    if (opener) {
      opener.postMessage(message, origin);
      window.close();
    } else if (result.getAttribute("data-return")) {
      window.location.replace(result.getAttribute("data-return"));
    }
  }
})();
