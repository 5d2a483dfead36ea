// Lists of a console page that follow the live stream (live.js) without reloading the page. An element
// with an id and data-refresh-on="prefix ..." is fetched again (from data-refresh, else this page's
// address) when a live value whose key starts with one of the prefixes changes; with
// data-refresh-keys="prefix ..." only when such a key comes or goes (its value is shown by
// data-live). The element is then drawn again from the fresh page, except where the officer is
// filling in a form: the rows of its tables (matched by data-row) are replaced one by one, a row in use
// only in its cells around the form; anything else in use waits for the next change.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser) {
    return;
  }

  // the CSRF token is masked afresh on every render: compare elements without it
  function plain(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll('input[name="_csrf"]').forEach(function (input) { input.remove(); });
    return copy.innerHTML;
  }

  function changed(field) {
    if (field.type === 'hidden') {
      return false;
    }
    if (field.tagName === 'SELECT') {
      return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return field.value !== field.defaultValue;
  }

  function inUse(element) {
    return element.contains(document.activeElement)
      || Array.prototype.some.call(element.querySelectorAll('input, select, textarea'), changed);
  }

  function rows(table) {
    return table && table.tBodies[0] ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  }

  function rowKey(row) {
    return row.getAttribute('data-row');
  }

  // the cells of a row in use that changed and are not in use themselves
  function cells(row, newRow) {
    Array.prototype.slice.call(newRow.attributes).forEach(function (a) { row.setAttribute(a.name, a.value); });
    var oldCells = Array.prototype.slice.call(row.cells);
    var newCells = Array.prototype.slice.call(newRow.cells);
    oldCells.forEach(function (cell, j) {
      if (newCells[j] && plain(cell) !== plain(newCells[j]) && !inUse(cell)) {
        row.replaceChild(document.importNode(newCells[j], true), cell);
      }
    });
  }

  // rows matched by data-row: a row in use stays where it is (its cells updated around the form), every
  // other row is the fresh one; rows gone go unless in use. Rows in use are never moved (that would
  // take the focus from the field being typed in).
  function mergeRows(oldTable, newTable) {
    var oldRows = rows(oldTable);
    var newRows = rows(newTable);
    var keyed = function (row) { return rowKey(row) !== null; };
    if (!oldTable.tBodies[0] || !newTable.tBodies[0] || !oldRows.every(keyed) || !newRows.every(keyed)) {
      return;
    }
    if (oldTable.caption && newTable.caption && plain(oldTable.caption) !== plain(newTable.caption)) {
      oldTable.replaceChild(document.importNode(newTable.caption, true), oldTable.caption);
    }
    var body = oldTable.tBodies[0];
    var byKey = {};
    oldRows.forEach(function (row) { byKey[rowKey(row)] = row; });
    var wanted = newRows.map(function (newRow) {
      var old = byKey[rowKey(newRow)];
      delete byKey[rowKey(newRow)];
      if (old && inUse(old)) {
        cells(old, newRow);
        return old;
      }
      if (old && plain(old) === plain(newRow)) {
        return old;
      }
      return document.importNode(newRow, true);
    });
    oldRows.forEach(function (row) {
      if (wanted.indexOf(row) < 0 && !inUse(row)) {
        body.removeChild(row);
      }
    });
    var next = null;
    for (var i = wanted.length - 1; i >= 0; i--) {
      if (wanted[i].parentNode !== body) {
        body.insertBefore(wanted[i], next);
      }
      next = wanted[i];
    }
  }

  function update(element, fresh) {
    if (plain(element) === plain(fresh)) {
      return;
    }
    if (!inUse(element)) {
      element.parentNode.replaceChild(document.importNode(fresh, true), element);
      return;
    }
    var oldTables = element.tagName === 'TABLE' ? [element] : Array.prototype.slice.call(element.querySelectorAll('table'));
    var newTables = fresh.tagName === 'TABLE' ? [fresh] : Array.prototype.slice.call(fresh.querySelectorAll('table'));
    if (oldTables.length === newTables.length) {
      oldTables.forEach(function (table, i) { mergeRows(table, newTables[i]); });
    }
  }

  function follow(id) {
    var fetching = false;
    var again = false;

    function refresh() {
      var element = document.getElementById(id);
      if (!element) {
        return;
      }
      if (fetching) {
        again = true;
        return;
      }
      fetching = true;
      fetch(element.getAttribute('data-refresh') || window.location.href, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'Accept': 'text/html' }
      })
        .then(function (response) {
          if (response.redirected && response.url.indexOf('/login') >= 0) {
            window.location.reload(); // signed out meanwhile: show the login page
            throw new Error('signed out');
          }
          if (!response.ok) {
            throw new Error('refresh answered ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(id);
          var now = document.getElementById(id);
          if (fresh && now) {
            update(now, fresh);
          }
        })
        .catch(function () { /* the next change tries again */ })
        .then(function () {
          fetching = false;
          if (again) {
            again = false;
            refresh();
          }
        });
    }
    return refresh;
  }

  function prefixes(element, attribute) {
    return (element.getAttribute(attribute) || '').split(/\s+/).filter(function (p) { return p.length > 0; });
  }

  var followed = Array.prototype.slice.call(document.querySelectorAll('[data-refresh-on], [data-refresh-keys]'))
    .filter(function (element) { return element.id; })
    .map(function (element) {
      return {
        on: prefixes(element, 'data-refresh-on'),
        keys: prefixes(element, 'data-refresh-keys'),
        refresh: follow(element.id),
        last: null
      };
    });
  if (followed.length === 0) {
    return;
  }

  function starts(key, list) {
    return list.some(function (prefix) { return key.indexOf(prefix) === 0; });
  }

  document.addEventListener('cetak:live', function (event) {
    var values = event.detail.values || {};
    var states = event.detail.states || {};
    var keys = Object.keys(values).concat(Object.keys(states)).sort();
    followed.forEach(function (f) {
      var signature = keys
        .filter(function (key) { return starts(key, f.on) || starts(key, f.keys); })
        .map(function (key) { return starts(key, f.on) ? key + '=' + values[key] + '/' + states[key] : key; })
        .join('\n');
      // the first view may already differ from the page as it was drawn
      if (signature !== f.last) {
        f.refresh();
      }
      f.last = signature;
    });
  });
})();
