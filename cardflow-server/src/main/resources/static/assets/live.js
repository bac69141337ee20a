/*
 * Keeps a page current while something on it is pending. A page marks its <main id="main"> with data-live while it
 * waits for something (a card being issued, a top-up settling); every 2 seconds this fetches the same address again
 * and swaps in the new <main> when it changed, until the new one is no longer marked. It never swaps while the person
 * is in a form: a field with focus, or one holding something they typed, waits for them. A notice the page showed once (after a form
 * was sent) is kept. Without JavaScript nothing of this runs and the person reloads the page themselves.
 */
(function () {
  'use strict';
  var EVERY_MS = 2000;
  var served = document.getElementById('main');
  // What the server sent last: a page that came back the same is not swapped in again (focus and scroll stay put).
  var last = served === null ? '' : served.outerHTML;

  function current() {
    return document.getElementById('main');
  }

  function pending(main) {
    return main !== null && main.hasAttribute('data-live');
  }

  function changed(field) {
    if (field.type === 'hidden' || field.type === 'submit' || field.type === 'button') {
      return false;
    }
    if (field.type === 'checkbox' || field.type === 'radio') {
      return field.checked !== field.defaultChecked;
    }
    if (field.tagName === 'SELECT') {
      return Array.prototype.some.call(field.options, function (option) {
        return option.selected !== option.defaultSelected;
      });
    }
    return field.value !== field.defaultValue;
  }

  function busy(main) {
    var active = document.activeElement;
    if (active && main.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
      return true;
    }
    return Array.prototype.some.call(main.querySelectorAll('input, textarea, select'), changed);
  }

  function schedule() {
    if (pending(current())) {
      window.setTimeout(refresh, EVERY_MS);
    }
  }

  function swap(fresh) {
    var main = current();
    var notice = main.querySelector('#notice');
    var focusedId = main.contains(document.activeElement) ? document.activeElement.id : '';
    var replacement = document.importNode(fresh, true);
    main.replaceWith(replacement);
    var heading = replacement.querySelector('h1');
    if (notice && !replacement.querySelector('#notice') && heading) {
      heading.after(notice);
    }
    var again = focusedId ? document.getElementById(focusedId) : null;
    if (again) {
      again.focus();
    }
  }

  function refresh() {
    var main = current();
    if (!pending(main)) {
      return;
    }
    if (busy(main) || document.hidden) {
      schedule();
      return;
    }
    window.fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        // Logged out meanwhile (a redirect to the login page) or a failure: stop, the person reloads.
        if (!response.ok || response.redirected) {
          throw new Error('not refreshed: ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('main');
        if (fresh === null) {
          return;
        }
        if (fresh.outerHTML !== last && !busy(current())) {
          last = fresh.outerHTML;
          swap(fresh);
        }
        schedule();
      })
      .catch(function () {
        // Nothing to do: the page stays as it is.
      });
  }

  schedule();
}());
