// The staff console's only script: live updates over Server-Sent Events. Fragments come from the server already
// HTML-encoded (Razor); nothing here builds markup from data.
(function () {
  'use strict';
  var background = { headers: { 'X-Staff-Background': '1' }, credentials: 'same-origin' };

  function toLogin() { window.location.assign('/staff/login?returnUrl=' + encodeURIComponent(window.location.pathname)); }

  function fetchFragment(url) {
    return fetch(url, background).then(function (response) {
      if (response.status === 401) { toLogin(); throw new Error('signed out'); }
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    });
  }

  function listen(url, handlers) {
    var source = new EventSource(url);
    Object.keys(handlers).forEach(function (name) { source.addEventListener(name, handlers[name]); });
    source.onerror = function () {
      // A closed stream after the session ended: check whether we are still signed in.
      if (source.readyState === EventSource.CLOSED) { fetchFragment('/staff?handler=Rows').catch(function () {}); }
    };
    return source;
  }

  function beep() {
    try {
      var AudioContext = window.AudioContext || window.webkitAudioContext;
      var context = new AudioContext();
      var tone = context.createOscillator();
      var gain = context.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.15;
      tone.connect(gain); gain.connect(context.destination);
      tone.start(); tone.stop(context.currentTime + 0.4);
    } catch (e) { /* no audio here: the visual cue remains */ }
  }

  function urgentIds(tbody) {
    return Array.prototype.map.call(tbody.querySelectorAll('tr[data-urgency="urgent"]'), function (row) { return row.getAttribute('data-id'); });
  }

  function queue(table) {
    var tbody = document.getElementById('queue-rows');
    var announcer = document.getElementById('queue-announcer');
    var sound = document.getElementById('sound-cue');
    var busy = false, again = false;
    if (sound) {
      sound.checked = window.localStorage.getItem('staff.sound') === '1';
      sound.addEventListener('change', function () { window.localStorage.setItem('staff.sound', sound.checked ? '1' : '0'); });
    }

    function refresh() {
      if (busy) { again = true; return; }
      busy = true;
      var before = urgentIds(tbody);
      fetchFragment(table.getAttribute('data-rows')).then(function (html) {
        tbody.innerHTML = html;
        var fresh = urgentIds(tbody).filter(function (id) { return before.indexOf(id) < 0; });
        fresh.forEach(function (id) {
          var row = tbody.querySelector('tr[data-id="' + id + '"]');
          if (row) { row.classList.add('new-urgent'); }
        });
        if (fresh.length > 0) {
          announcer.textContent = fresh.length === 1 ? 'New urgent handoff at the top of the queue.' : fresh.length + ' new urgent handoffs.';
          document.title = '(!) ' + document.title.replace(/^\(!\) /, '');
          if (sound && sound.checked) { beep(); }
        }
      }).catch(function () {}).then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
    }

    listen(table.getAttribute('data-events'), { queue: refresh });
    window.setInterval(refresh, 60000); // waiting times
    window.addEventListener('focus', function () { document.title = document.title.replace(/^\(!\) /, ''); });
  }

  function transcript(list) {
    var busy = false, again = false;
    function after() {
      var items = list.querySelectorAll('li[data-seq]');
      return items.length ? items[items.length - 1].getAttribute('data-seq') : list.getAttribute('data-after');
    }

    function more() {
      if (busy) { again = true; return; }
      busy = true;
      fetchFragment(list.getAttribute('data-lines') + '&after=' + encodeURIComponent(after())).then(function (html) {
        var holder = document.createElement('ol');
        holder.innerHTML = html;
        Array.prototype.forEach.call(holder.querySelectorAll('li[data-seq]'), function (item) {
          if (!list.querySelector('li[data-seq="' + item.getAttribute('data-seq') + '"]')) { list.appendChild(item); }
        });
      }).catch(function () {}).then(function () {
        busy = false;
        if (again) { again = false; more(); }
      });
    }

    listen(list.getAttribute('data-events'), {
      transcript: more,
      handoff: function () { var note = document.getElementById('handoff-changed'); if (note) { note.hidden = false; } }
    });
  }

  // The idle limit, said out loud a minute ahead (WCAG 2.2.1): staying signed in is one click, which counts as activity.
  function sessionWarning() {
    var idle = parseInt(document.body.getAttribute('data-idle-seconds') || '0', 10);
    var warning = document.getElementById('session-warning');
    var stay = document.getElementById('stay-signed-in');
    if (!(idle > 0) || !warning || !stay) { return; }
    var warnTimer, endTimer;
    function start() {
      window.clearTimeout(warnTimer); window.clearTimeout(endTimer);
      warning.hidden = true;
      warnTimer = window.setTimeout(function () { warning.hidden = false; }, Math.max(0, idle - 60) * 1000);
      endTimer = window.setTimeout(toLogin, (idle + 1) * 1000);
    }
    stay.addEventListener('click', function () {
      fetch('/staff?handler=Rows', { credentials: 'same-origin' }).then(function (response) {
        if (response.ok && !response.redirected) { start(); } else { toLogin(); }
      }).catch(toLogin);
    });
    start();
  }

  document.addEventListener('DOMContentLoaded', function () {
    sessionWarning();
    var table = document.getElementById('queue');
    if (table) { queue(table); }
    var list = document.getElementById('transcript');
    if (list) { transcript(list); }
  });
})();
