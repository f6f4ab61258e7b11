// The composer: live per-platform counters and rule warnings (from the rules rendered as data attributes on each
// platform), per-account previews, and a quick upload into the asset library. The server checks everything again.
(function () {
  'use strict';
  var root = document.querySelector('[data-composer]');
  if (!root) { return; }
  var form = root.querySelector('form.composer');
  if (!form) { return; }
  var body = form.querySelector('[data-body]');
  var link = form.querySelector('[data-link]');
  var counters = form.querySelector('[data-counters]');
  var previews = form.querySelector('[data-previews]');
  var empty = form.querySelector('[data-preview-empty]');

  function length(text) { return Array.from(text).length; }

  function platformOf(box) { return box.closest('[data-platform]'); }

  function overrideFor(account) {
    var field = form.querySelector('[data-override-field][data-account="' + account + '"] textarea');
    return field && field.value.trim() !== '' ? field.value : null;
  }

  function pickedMedia() {
    return Array.from(form.querySelectorAll('[data-media-box]:checked'));
  }

  function warnings(platform, text) {
    var out = [];
    var max = Number(platform.dataset.maxLength);
    var media = pickedMedia();
    var over = length(text) - max;
    if (over > 0) { out.push(over + (over === 1 ? ' character' : ' characters') + ' too long'); }
    if (text.trim() === '' && media.length === 0) { out.push('needs text or media'); }
    if (link.value.trim() !== '' && platform.dataset.linkAllowed !== 'true') { out.push('cannot carry a link'); }
    if (media.length > Number(platform.dataset.maxMedia)) { out.push('at most ' + platform.dataset.maxMedia + ' media'); }
    var kinds = (platform.dataset.mediaKinds || '').split(' ');
    media.forEach(function (m) {
      if (kinds.indexOf(m.dataset.kind) < 0) { out.push('does not take ' + m.dataset.kind + 's'); }
      else if (Number(m.dataset.size) > Number(platform.dataset.maxMediaBytes)) { out.push('a medium is too large'); }
    });
    return out;
  }

  function update() {
    counters.textContent = '';
    previews.textContent = '';
    var chosen = Array.from(form.querySelectorAll('[data-account-box]:checked'));
    empty.hidden = chosen.length > 0;
    var blocked = false;
    chosen.forEach(function (box) {
      var platform = platformOf(box);
      var handle = box.closest('li').querySelector('.muted').textContent;
      var text = overrideFor(box.value) || body.value;
      var max = Number(platform.dataset.maxLength);
      var problems = warnings(platform, text);
      blocked = blocked || problems.length > 0;
      var li = document.createElement('li');
      li.className = problems.length ? 'counter over' : 'counter';
      li.dataset.counter = box.value;
      li.textContent = platform.dataset.platformName + ' ' + handle + ': ' + length(text) + ' / ' + max +
        (problems.length ? ' — ' + problems.join(', ') : '');
      counters.appendChild(li);

      var card = document.createElement('article');
      card.className = 'preview';
      card.dataset.preview = box.value;
      var head = document.createElement('p');
      head.className = 'preview-head';
      head.textContent = platform.dataset.platformName + ' ' + handle;
      var p = document.createElement('p');
      p.className = 'preview-text';
      p.textContent = text;
      card.appendChild(head);
      card.appendChild(p);
      if (link.value.trim() !== '') {
        var a = document.createElement('p');
        a.className = 'preview-link';
        a.textContent = link.value.trim();
        card.appendChild(a);
      }
      pickedMedia().forEach(function (m) {
        var img = m.parentElement.querySelector('img');
        if (img) {
          var copy = document.createElement('img');
          copy.src = img.src;
          copy.alt = img.alt;
          copy.className = 'preview-media';
          card.appendChild(copy);
        }
      });
      previews.appendChild(card);
    });
    body.setAttribute('aria-invalid', blocked ? 'true' : 'false');
  }

  function csrfHeaders() {
    var headers = {};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    headers.Accept = 'application/json';
    return headers;
  }

  var upload = form.querySelector('[data-upload]');
  if (upload) {
    var status = form.querySelector('[data-upload-status]');
    upload.addEventListener('change', function () {
      var file = upload.files[0];
      if (!file) { return; }
      var data = new FormData();
      data.append('file', file);
      data.append('folder', form.querySelector('[data-upload-folder]').value);
      status.textContent = 'Uploading ' + file.name + '…';
      fetch(root.dataset.uploadUrl, { method: 'POST', body: data, headers: csrfHeaders(), credentials: 'same-origin' })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
        .then(function (answer) {
          if (!answer.ok) { status.textContent = answer.json.detail || 'The upload failed.'; return; }
          var li = document.createElement('li');
          var label = document.createElement('label');
          label.className = 'media-choice';
          var box = document.createElement('input');
          box.type = 'checkbox';
          box.name = 'media';
          box.value = answer.json.id;
          box.checked = true;
          box.dataset.mediaBox = '';
          box.dataset.kind = file.type.indexOf('video') === 0 ? 'video' : 'image';
          box.dataset.size = String(file.size);
          var name = document.createElement('span');
          name.className = 'media-name';
          name.textContent = answer.json.filename;
          label.appendChild(box);
          label.appendChild(name);
          li.appendChild(label);
          form.querySelector('[data-media-grid]').appendChild(li);
          status.textContent = 'Uploaded ' + answer.json.filename + ' and attached it.';
          upload.value = '';
          update();
        })
        .catch(function () { status.textContent = 'The upload failed. Try again.'; });
    });
  }

  var scheduledAt = form.querySelector('[data-scheduled-at]');
  scheduledAt.addEventListener('input', function () {
    form.querySelector('[data-when][value="later"]').checked = true;
  });
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
  root.dataset.ready = 'true';
})();
