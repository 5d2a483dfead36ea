// Live updates of a console page from the server's event stream (/live): every element with
// data-live="key" shows the value of that key, data-state carries its state word, and the alerts
// list is drawn again. Nothing else on the page is touched, so a form being filled in stays as it is.
// Other scripts of the page hear each view as the document event "cetak:live".
(function () {
  'use strict';
  var root = document.querySelector('[data-live-source]');
  if (!root || !window.EventSource) {
    return;
  }
  var status = document.getElementById('live-status');
  var source = new EventSource(root.getAttribute('data-live-source'));

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function alerts(lines) {
    var list = document.getElementById('alerts');
    if (!list) {
      return;
    }
    var fresh = document.createElement('ul');
    lines.forEach(function (line) {
      var item = document.createElement('li');
      item.className = line.level;
      item.setAttribute('data-kind', line.kind);
      var link = document.createElement('a');
      link.href = line.link;
      link.textContent = line.text;
      item.appendChild(link);
      fresh.appendChild(item);
    });
    if (fresh.innerHTML !== list.innerHTML) {
      list.innerHTML = fresh.innerHTML;
    }
    var none = document.getElementById('no-alerts');
    if (none) {
      none.hidden = lines.length > 0;
    }
  }

  function apply(view) {
    document.querySelectorAll('[data-live]').forEach(function (element) {
      var key = element.getAttribute('data-live');
      if (Object.prototype.hasOwnProperty.call(view.values, key) && element.textContent !== view.values[key]) {
        element.textContent = view.values[key];
      }
      if (Object.prototype.hasOwnProperty.call(view.states, key)) {
        element.setAttribute('data-state', view.states[key]);
      }
    });
    alerts(view.alerts || []);
    document.dispatchEvent(new CustomEvent('cetak:live', { detail: view }));
  }

  source.addEventListener('state', function (event) {
    say('');
    apply(JSON.parse(event.data));
  });
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      // refused or signed out: the stream is not opened again by itself
      say(root.getAttribute('data-live-closed') || '');
    }
  });
})();
