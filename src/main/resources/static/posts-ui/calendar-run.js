// A calendar run's page: follows the run's Server-Sent Events (progress, then succeeded or failed) and updates the
// progress bar, the count, the log and the link to the calendar. Without script the page shows where the run stood.
(function () {
  const main = document.querySelector('[data-calendar-run]');
  if (!main || !window.EventSource) return;
  const status = main.dataset.status;
  if (status === 'succeeded' || status === 'failed' || status === 'cancelled') return;
  const bar = main.querySelector('[data-run-bar]');
  const percent = main.querySelector('[data-run-percent]');
  const count = main.querySelector('[data-run-count]');
  const state = main.querySelector('[data-run-status]');
  const log = main.querySelector('[data-run-log]');
  const error = main.querySelector('[data-run-error]');
  const done = main.querySelector('[data-run-done]');
  const doneText = main.querySelector('[data-run-done-text]');
  const cancel = main.querySelector('[data-run-cancel]');
  const seen = new Set(Array.from(log.querySelectorAll('[data-seq]')).map(li => li.dataset.seq));
  const events = new EventSource(main.dataset.eventsUrl);

  function show(doneCount, total) {
    const p = total ? Math.floor(doneCount * 100 / total) : 0;
    bar.value = p;
    bar.textContent = p + '%';
    percent.textContent = p + '%';
    count.textContent = doneCount + ' of ' + total + ' captions written';
  }

  events.addEventListener('progress', e => {
    const data = JSON.parse(e.data);
    state.textContent = 'running';
    show(data.done, data.total);
    if (e.lastEventId && seen.has(e.lastEventId)) return;
    seen.add(e.lastEventId);
    const li = document.createElement('li');
    li.className = 'log-' + (data.level || 'info');
    li.dataset.seq = e.lastEventId;
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    li.append(time, ' ', data.message);
    log.append(li);
  });
  events.addEventListener('succeeded', e => {
    const data = JSON.parse(e.data);
    events.close();
    state.textContent = 'succeeded';
    bar.value = 100;
    percent.textContent = '100%';
    doneText.textContent = data.postIds.length + ' drafts are on the calendar.';
    done.hidden = false;
    if (cancel) cancel.hidden = true;
  });
  events.addEventListener('failed', e => {
    const data = JSON.parse(e.data);
    events.close();
    state.textContent = data.status || 'failed';
    error.textContent = data.error;
    error.hidden = false;
    if (cancel) cancel.hidden = true;
  });
})();
