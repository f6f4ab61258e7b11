// The composer: live per-platform counters and rule warnings, per-account previews, and a quick upload into the asset
// library. Counters first count in the browser (from the rules rendered as data attributes on each platform), then a
// debounced check on the server (compose/check) replaces them with each platform's own count (X weighs characters and
// links in a way a browser cannot match) and its problems, and, when links are tagged, each preview's text and link
// with the UTM parameters that account's platform gets (its first comment's too). Saving checks everything again.
// Leaving with unsaved changes asks first.
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

  // The first comment an account gets: none when it is ticked off, else its own, else the post's; null without one.
  function commentFor(account) {
    var off = form.querySelector('[data-no-comment][name="nocomment-' + account + '"]');
    if (off && off.checked) { return null; }
    var own = form.querySelector('[data-comment-override][id="comment-' + account + '"]');
    if (own && own.value.trim() !== '') { return own.value.trim(); }
    var post = form.querySelector('[data-first-comment]');
    return post && post.value.trim() !== '' ? post.value.trim() : null;
  }

  // The thread's parts after the post's text, as typed with their ticked media, those with neither left out.
  function threadParts() {
    return Array.from(form.querySelectorAll('[data-thread-part]'))
      .map(function (field) {
        var item = field.closest('li');
        return {
          text: field.value.trim(),
          media: Array.from(item.querySelectorAll('[data-part-media-box]:checked'))
        };
      })
      .filter(function (part) { return part.text !== '' || part.media.length > 0; });
  }

  // The chosen media as the platform shows them: a grid of up to four, the first alone when it is one.
  function mediaGrid(media) {
    var grid = document.createElement('div');
    grid.className = 'preview-media-grid count-' + Math.min(media.length, 4);
    media.forEach(function (m) {
      var img = m.parentElement.querySelector('img');
      var copy;
      if (img) {
        copy = document.createElement('img');
        copy.src = img.src;
        copy.alt = img.alt;
      } else {
        copy = document.createElement('span');
        copy.textContent = m.parentElement.textContent.trim();
      }
      copy.className = 'preview-media';
      grid.appendChild(copy);
    });
    return grid;
  }

  // Whether the account gets the post as a story (its one medium alone, no text to count).
  function isStory(account) {
    var format = form.querySelector('[data-format][data-account="' + account + '"]');
    return !!format && format.value === 'story';
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
    // The counters keep their height until the server's check comes back: a click that leaves a field (its change
    // event re-counts here) must not see the button under the pointer move between mousedown and mouseup.
    var held = counters.offsetHeight;
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
      var story = isStory(box.value);
      var problems = story ? [] : warnings(platform, text);
      blocked = blocked || problems.length > 0;
      var li = document.createElement('li');
      li.className = problems.length ? 'counter over' : 'counter';
      li.dataset.counter = box.value;
      li.dataset.source = 'browser';
      // A platform that counts its own way (X) shows no guess, only the server's figure when it comes.
      var counted = story ? 'a story'
        : platform.dataset.counting === 'platform' ? 'counting…' : length(text) + ' / ' + max;
      li.textContent = platform.dataset.platformName + ' ' + handle + ': ' + counted +
        (problems.length ? ' — ' + problems.join(', ') : '');
      counters.appendChild(li);

      previews.appendChild(preview(box, platform, text, max));
    });
    body.setAttribute('aria-invalid', blocked ? 'true' : 'false');
    counters.style.minHeight = chosen.length > 0 && root.dataset.checkUrl ? held + 'px' : '';
    scheduleCheck(chosen.length > 0);
  }

  // The server's check, at most one in flight; an answer to an older form is dropped.
  // How the post looks on one account: its avatar and name, the text (what is past the platform's limit marked, where
  // the browser can count as the platform does), the link as a card, and the media.
  function preview(box, platform, text, max) {
    var card = document.createElement('article');
    card.className = 'preview preview-' + platform.dataset.platformId;
    card.dataset.preview = box.value;
    var head = document.createElement('div');
    head.className = 'preview-head';
    var avatar = box.parentElement.querySelector('.account-avatar');
    if (avatar) { head.appendChild(avatar.cloneNode(true)); }
    var who = document.createElement('p');
    who.className = 'preview-who';
    var name = document.createElement('strong');
    name.textContent = box.dataset.displayName || box.dataset.handle;
    var meta = document.createElement('span');
    meta.className = 'muted';
    meta.textContent = ' ' + box.dataset.handle + ' · ' + platform.dataset.platformName;
    who.appendChild(name);
    who.appendChild(meta);
    head.appendChild(who);
    card.appendChild(head);

    // A story is its one medium alone, full height: no text, link or first comment goes with it.
    if (isStory(box.value)) {
      card.classList.add('preview-story');
      meta.textContent += ' · Story';
      var media = pickedMedia();
      if (media.length) {
        card.appendChild(mediaGrid(media.slice(0, 1)));
      } else {
        var none = document.createElement('p');
        none.className = 'muted';
        none.textContent = 'Choose one image or video for the story.';
        card.appendChild(none);
      }
      return card;
    }

    var p = document.createElement('p');
    p.className = 'preview-text';
    var chars = Array.from(text);
    if (platform.dataset.counting !== 'platform' && chars.length > max) {
      p.appendChild(document.createTextNode(chars.slice(0, max).join('')));
      var over = document.createElement('mark');
      over.className = 'preview-over';
      over.title = 'Past the ' + max + '-character limit';
      over.textContent = chars.slice(max).join('');
      p.appendChild(over);
    } else {
      p.textContent = text;
    }
    card.appendChild(p);

    var url = link.value.trim();
    if (url !== '') {
      var a = document.createElement('div');
      a.className = 'preview-link';
      var host = document.createElement('strong');
      try { host.textContent = new URL(url).host; } catch (e) { host.textContent = url; }
      var full = document.createElement('span');
      full.textContent = url;
      a.appendChild(host);
      a.appendChild(full);
      fillCard(a, url);
      card.appendChild(a);
    }
    var media = pickedMedia();
    if (media.length) {
      card.appendChild(mediaGrid(media));
    }
    // A platform with threads shows the thread's parts under the post, each as the reply it becomes; there it takes no
    // first comment.
    var parts = platform.dataset.threads === 'true' ? threadParts() : [];
    if (parts.length) {
      var list = document.createElement('ol');
      list.className = 'preview-thread';
      list.start = 2;
      parts.forEach(function (part) {
        var item = document.createElement('li');
        item.className = 'preview-thread-part';
        item.textContent = part.text;
        if (part.media.length) {
          item.appendChild(mediaGrid(part.media));
        }
        list.appendChild(item);
      });
      card.appendChild(list);
    }
    var comment = parts.length ? null : commentFor(box.value);
    if (comment) {
      var c = document.createElement('p');
      c.className = 'preview-comment';
      var label = document.createElement('span');
      label.className = 'muted';
      label.textContent = 'First comment: ';
      var said = document.createElement('span');
      said.className = 'preview-comment-text';
      said.textContent = comment;
      c.appendChild(label);
      c.appendChild(said);
      card.appendChild(c);
    }
    return card;
  }

  // The link's card: its page's own title and description, as the server read them (once per link). The preview shows
  // them as the platforms will; until they come (or when the page names none) it shows the host and the address.
  var cards = {};
  var cardTimer = null;
  function fillCard(a, url) {
    var known = cards[url];
    if (known === undefined) {
      clearTimeout(cardTimer);
      cardTimer = setTimeout(function () { loadCard(url); }, 600);
      return;
    }
    if (!known) { return; }
    a.dataset.card = 'true';
    if (known.siteName) { a.querySelector('strong').textContent = known.siteName; }
    [['preview-card-title', known.title], ['preview-card-description', known.description]].forEach(function (part) {
      if (!part[1]) { return; }
      var line = document.createElement(part[0] === 'preview-card-title' ? 'b' : 'small');
      line.className = part[0];
      line.textContent = part[1];
      a.insertBefore(line, a.lastChild);
    });
  }

  function loadCard(url) {
    if (!root.dataset.linkCardUrl || cards[url] !== undefined) { return; }
    cards[url] = null;
    fetch(root.dataset.linkCardUrl + '?url=' + encodeURIComponent(url), {
      headers: { Accept: 'application/json' }, credentials: 'same-origin'
    })
      .then(function (r) { return r.status === 200 ? r.json() : null; })
      .then(function (card) {
        cards[url] = card;
        if (!card) { return; }
        previews.querySelectorAll('.preview-link').forEach(function (a) {
          if (link.value.trim() === url && !a.dataset.card) { fillCard(a, url); }
        });
      })
      .catch(function () { cards[url] = null; });
  }

  var checkTimer = null;
  var checkSeq = 0;
  function scheduleCheck(any) {
    clearTimeout(checkTimer);
    if (!any || !root.dataset.checkUrl) { return; }
    checkTimer = setTimeout(runCheck, 300);
  }

  function runCheck() {
    var seq = ++checkSeq;
    var data = new URLSearchParams(new FormData(form));
    data.delete('action');
    var headers = csrfHeaders();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    fetch(root.dataset.checkUrl, { method: 'POST', body: data.toString(), headers: headers, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (!answer || seq !== checkSeq) { return; }
        showCheck(answer);
      })
      .catch(function () { counters.style.minHeight = ''; /* the browser's count stays; saving checks again */ });
  }

  function showCheck(answer) {
    counters.style.minHeight = '';
    var blocked = answer.problems.length > 0;
    answer.targets.forEach(function (t) {
      var li = counters.querySelector('[data-counter="' + t.connectionId + '"]');
      if (!li) { return; }
      li.dataset.source = 'server';
      li.className = t.problems.length ? 'counter over' : 'counter';
      li.textContent = t.account + ': ' + (isStory(t.connectionId) ? 'a story' : t.length + ' / ' + t.limit) +
        (t.problems.length ? ' — ' + t.problems.join(' ') : '');
      blocked = blocked || t.problems.length > 0;
      showTagged(t);
    });
    var general = counters.querySelector('[data-counter="post"]');
    if (general) { general.remove(); }
    if (answer.problems.length) {
      var li = document.createElement('li');
      li.className = 'counter over';
      li.dataset.counter = 'post';
      li.dataset.source = 'server';
      li.textContent = answer.problems.join(' ');
      counters.appendChild(li);
    }
    body.setAttribute('aria-invalid', blocked ? 'true' : 'false');
    counters.dataset.checked = String(checkSeq);
  }

  // The tagged text and link as the server made them for one account (the platform and handle differ per account).
  function showTagged(t) {
    var card = previews.querySelector('[data-preview="' + t.connectionId + '"]');
    if (!card || t.taggedText == null) { return; }
    card.dataset.tagged = 'true';
    var p = card.querySelector('.preview-text');
    if (p && !p.querySelector('.preview-over')) { p.textContent = t.taggedText; }
    var full = card.querySelector('.preview-link span');
    if (full && t.taggedLink) { full.textContent = t.taggedLink; }
    var comment = card.querySelector('.preview-comment-text');
    if (comment && t.taggedFirstComment) { comment.textContent = t.taggedFirstComment; }
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
  // A snippet goes in where the cursor is (at the end when the text was never focused), on a line of its own.
  var snippet = form.querySelector('[data-snippet-insert]');
  if (snippet) {
    snippet.addEventListener('change', function () {
      var text = snippet.value;
      if (!text) { return; }
      var at = body.selectionStart == null ? body.value.length : body.selectionStart;
      var end = body.selectionEnd == null ? at : body.selectionEnd;
      var before = body.value.slice(0, at);
      var gap = before && !/\s$/.test(before) ? '\n' : '';
      body.value = before + gap + text + body.value.slice(end);
      var cursor = (before + gap + text).length;
      body.focus();
      body.setSelectionRange(cursor, cursor);
      snippet.value = '';
      body.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  // The thread: a field per part after the post's text, numbered from 2; "Add a part" adds one (at most 24), "Remove"
  // takes one out. Without script the page has one empty part to fill, and empty parts are left out when it is saved.
  var thread = form.querySelector('[data-thread-list]');
  var addPart = form.querySelector('[data-thread-add]');
  function renumber() {
    var items = Array.from(thread.children);
    items.forEach(function (item, i) {
      item.querySelector('.thread-number').textContent = (i + 2) + '.';
      item.querySelector('textarea').setAttribute('aria-label', 'Part ' + (i + 2) + ' of the thread');
      item.querySelector('[data-thread-remove]').setAttribute('aria-label', 'Remove part ' + (i + 2));
      // Each medium's box says which part it belongs to: <part>:<asset>, the part counted from 0.
      item.querySelectorAll('[data-part-media-box]').forEach(function (box) {
        box.value = i + ':' + box.dataset.asset;
      });
      var label = item.querySelector('[data-part-media-label]');
      if (label) { label.textContent = 'Media of part ' + (i + 2); }
      var count = item.querySelector('[data-part-media-count]');
      if (count) {
        var n = item.querySelectorAll('[data-part-media-box]:checked').length;
        count.textContent = n ? '(' + n + ')' : '';
      }
    });
    addPart.hidden = items.length >= 24;
  }
  if (thread && addPart) {
    addPart.hidden = false;
    addPart.addEventListener('click', function () {
      var item = thread.lastElementChild.cloneNode(true);
      item.querySelector('textarea').value = '';
      item.querySelectorAll('[data-part-media-box]').forEach(function (box) { box.checked = false; });
      var picker = item.querySelector('.part-media');
      if (picker) { picker.open = false; }
      thread.appendChild(item);
      renumber();
      item.querySelector('textarea').focus();
    });
    thread.addEventListener('click', function (event) {
      var remove = event.target.closest('[data-thread-remove]');
      if (!remove) { return; }
      var item = remove.closest('li');
      if (thread.children.length > 1) {
        item.remove();
      } else {
        item.querySelector('textarea').value = '';
        item.querySelectorAll('[data-part-media-box]').forEach(function (box) { box.checked = false; });
      }
      renumber();
      changed = true;
      update();
    });
    thread.addEventListener('change', function (event) {
      if (event.target.matches('[data-part-media-box]')) { renumber(); }
    });
    renumber();
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);

  // Leaving with changes not saved asks first (the browser's own "Leave site?"), as Buffer's composer does: a caption
  // written for ten minutes is not lost to a stray click. Saving, publishing or scheduling leaves without asking.
  var changed = false;
  form.addEventListener('input', function () { changed = true; });
  form.addEventListener('submit', function () { changed = false; });
  window.addEventListener('beforeunload', function (event) {
    if (changed) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  update();
  root.dataset.ready = 'true';
})();
