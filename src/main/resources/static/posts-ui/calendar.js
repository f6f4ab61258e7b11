// Drag a scheduled post to another day: POSTs the day and moves the entry; a refusal is said in words. Without a
// mouse, each movable post's Move link opens a dialog with a date-time field (a plain form post; the page comes back
// with the outcome). Without script, Move leads to the post's own page, which has the same field.
(function () {
  'use strict';
  var root = document.querySelector('[data-calendar]');
  if (!root) { return; }
  var notice = root.querySelector('[data-calendar-notice]');
  var dragged = null;

  function say(text, error) {
    notice.textContent = '';
    var p = document.createElement('p');
    p.className = error ? 'flash error' : 'flash success';
    p.setAttribute('role', error ? 'alert' : 'status');
    p.dataset.test = 'calendar-outcome';
    p.textContent = text;
    notice.appendChild(p);
  }

  function csrfHeaders() {
    var headers = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  root.querySelectorAll('[data-entry][draggable="true"]').forEach(function (entry) {
    entry.addEventListener('dragstart', function (e) {
      dragged = entry;
      e.dataTransfer.setData('text/plain', entry.dataset.entry);
      e.dataTransfer.effectAllowed = 'move';
    });
  });

  root.querySelectorAll('[data-day]').forEach(function (day) {
    day.addEventListener('dragover', function (e) {
      if (dragged) { e.preventDefault(); day.classList.add('drop-target'); }
    });
    day.addEventListener('dragleave', function () { day.classList.remove('drop-target'); });
    day.addEventListener('drop', function (e) {
      e.preventDefault();
      day.classList.remove('drop-target');
      var id = e.dataTransfer.getData('text/plain') || (dragged && dragged.dataset.entry);
      var entry = dragged;
      dragged = null;
      if (!id || (entry && entry.closest('[data-day]') === day)) { return; }
      fetch(root.dataset.moveUrl + id + '/move', {
        method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
        body: 'date=' + encodeURIComponent(day.dataset.date)
      })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
        .then(function (answer) {
          if (answer.ok && entry) {
            var item = entry.closest('[data-item]') || entry;
            day.appendChild(item);
            // The Move dialog must offer the new day next time, at the same time of day.
            var move = item.querySelector('[data-entry-move]');
            if (move && move.dataset.at) { move.dataset.at = day.dataset.date + move.dataset.at.slice(10); }
          }
          say(answer.json.message, !answer.ok);
        })
        .catch(function () { say('The post could not be moved. Try again.', true); });
    });
  });
  var dialog = root.querySelector('[data-move-dialog]');
  var opener = null;
  if (dialog && typeof dialog.showModal === 'function') {
    root.querySelectorAll('[data-entry-move]').forEach(function (link) {
      link.setAttribute('role', 'button');
      link.setAttribute('aria-haspopup', 'dialog');
      link.addEventListener('click', function (e) {
        e.preventDefault();
        opener = link;
        dialog.querySelector('[data-move-post]').value = link.dataset.post;
        dialog.querySelector('[data-move-at]').value = link.dataset.at;
        dialog.querySelector('[data-move-what]').textContent = link.dataset.what;
        dialog.showModal();
        dialog.querySelector('[data-move-at]').focus();
      });
      link.addEventListener('keydown', function (e) {
        if (e.key === ' ') { e.preventDefault(); link.click(); }
      });
    });
    dialog.querySelector('[data-move-close]').addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('close', function () { if (opener) { opener.focus(); } });
  }
  root.dataset.ready = 'true';
})();
