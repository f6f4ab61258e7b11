// The asset library's drop zone and grid: each dropped or chosen file is uploaded on its own request, with a progress
// bar; the grid counts the selection. No build step: plain browser JavaScript.
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  function uploadOne(zone, list, file) {
    return new Promise(function (resolve) {
      var item = document.createElement("li");
      item.setAttribute("data-upload", file.name);
      var name = document.createElement("span");
      name.textContent = file.name;
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", "Upload of " + file.name);
      item.appendChild(name);
      item.appendChild(bar);
      list.appendChild(item);

      var form = new FormData();
      form.append("folder", zone.getAttribute("data-folder"));
      form.append("file", file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", zone.getAttribute("data-upload-url"));
      var c = csrf();
      if (c) { xhr.setRequestHeader(c.header, c.token); }
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { bar.value = Math.round((e.loaded / e.total) * 100); }
      });
      xhr.addEventListener("load", function () {
        if (xhr.status === 201) {
          bar.value = 100;
          item.classList.add("upload-done");
          item.setAttribute("data-state", "done");
          resolve(true);
          return;
        }
        var message = "Upload failed (" + xhr.status + ").";
        try { message = JSON.parse(xhr.responseText).detail || message; } catch (ignored) { /* not JSON */ }
        var error = document.createElement("span");
        error.className = "upload-error";
        error.setAttribute("role", "alert");
        error.textContent = message;
        item.appendChild(error);
        item.setAttribute("data-state", "failed");
        resolve(false);
      });
      xhr.addEventListener("error", function () {
        item.setAttribute("data-state", "failed");
        var error = document.createElement("span");
        error.className = "upload-error";
        error.textContent = file.name + ": the connection failed. Try again.";
        item.appendChild(error);
        resolve(false);
      });
      xhr.send(form);
    });
  }

  function uploadAll(zone, files) {
    var list = zone.querySelector("[data-upload-list]");
    var uploads = [];
    for (var i = 0; i < files.length; i++) { uploads.push(uploadOne(zone, list, files[i])); }
    Promise.all(uploads).then(function (results) {
      zone.setAttribute("data-uploads-finished", String(results.length));
      if (results.every(function (ok) { return ok; })) {
        window.location.reload();
      }
    });
  }

  function setUpZone(zone) {
    var input = zone.querySelector("[data-file-input]");
    input.addEventListener("change", function () {
      if (input.files.length) { uploadAll(zone, input.files); }
    });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { uploadAll(zone, e.dataTransfer.files); }
    });
    zone.setAttribute("data-ready", "true");
  }

  function setUpGrid(grid) {
    var counter = grid.querySelector("[data-selection-count]");
    grid.addEventListener("change", function () {
      var n = grid.querySelectorAll('input[name="ids"]:checked').length;
      if (counter) { counter.textContent = n + " selected"; }
    });
    grid.addEventListener("click", function (e) {
      var button = e.target.closest("[data-confirm-click]");
      if (button && !window.confirm(button.getAttribute("data-confirm-click"))) { e.preventDefault(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-drop-zone]").forEach(setUpZone);
    document.querySelectorAll("[data-asset-grid]").forEach(setUpGrid);
  });
})();
