// The website chat: Microsoft's Web Chat on this service's own Direct Line endpoint.
// Kept in the browser: the conversation id and its token, in sessionStorage only (gone when the tab closes, never any
// message text), so a refresh reconnects to the same conversation and the history replays from the server.
(function () {
  'use strict';

  var STORAGE_KEY = 'iopguidebot.chat';
  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var host = document.getElementById('webchat');
  var statusPanel = document.getElementById('chat-status');
  var statusText = document.getElementById('chat-status-text');
  var endButton = document.getElementById('end-chat');
  var newButton = document.getElementById('new-chat');
  var domain = window.location.origin + config.directLinePath;
  var directLine = null;
  var ending = false;

  function saved() {
    try {
      var value = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
      return value && typeof value.conversationId === 'string' && typeof value.token === 'string' ? value : null;
    } catch (e) {
      return null;
    }
  }

  function save(conversationId, token) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ conversationId: conversationId, token: token }));
    } catch (e) {
      // Storage may be off (private modes); the chat still works, it just won't survive a refresh.
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      // nothing kept
    }
  }

  function post(url, token) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return window.fetch(url, { method: 'POST', headers: headers, credentials: 'omit', cache: 'no-store' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  // A stored conversation is resumed with a fresh token; if that fails (expired, unknown), a new chat starts.
  function session() {
    var previous = saved();
    if (previous) {
      return post(domain + '/tokens/refresh', previous.token).then(function (refreshed) {
        return { conversationId: previous.conversationId, token: refreshed.token, resume: true };
      }, function () {
        forget();
        return session();
      });
    }

    return post(config.tokenUrl).then(function (issued) {
      return { conversationId: issued.conversationId, token: issued.token, resume: false };
    });
  }

  function showStatus(message) {
    host.hidden = true;
    statusText.textContent = message;
    statusPanel.hidden = false;
    endButton.hidden = true;
  }

  function keepTokenFresh(conversationId) {
    // DirectLineJS refreshes its token every 15 minutes; keep the stored copy current for the next page load.
    var remember = function () {
      if (directLine && directLine.token) {
        save(conversationId, directLine.token);
      }
    };
    window.setInterval(remember, 60 * 1000);
    window.addEventListener('pagehide', remember);
  }

  function start() {
    ending = false;
    statusPanel.hidden = true;
    host.hidden = false;
    endButton.hidden = false;
    session().then(function (current) {
      save(current.conversationId, current.token);
      directLine = window.WebChat.createDirectLine({
        domain: domain,
        token: current.token,
        conversationId: current.resume ? current.conversationId : undefined,
        webSocket: config.transport !== 'polling'
      });
      keepTokenFresh(current.conversationId);

      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              // The bot welcomes on this event (once per conversation, so not again after a refresh).
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
            } else if ((action.type === 'DIRECT_LINE/CONNECT_REJECTED' || action.type === 'DIRECT_LINE/DISCONNECT_FULFILLED') && !ending) {
              forget();
              showStatus(config.strings.connectionFailed);
            }
            return next(action);
          };
        };
      });

      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        locale: config.locale,
        nonce: config.nonce,
        styleOptions: config.styleOptions,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: config.strings.sendBoxPlaceholder }
      }, host);
    }, function () {
      showStatus(config.strings.connectionFailed);
    });
  }

  function end() {
    ending = true;
    if (directLine) {
      directLine.end();
      directLine = null;
    }
    forget();
    // A fresh element: Web Chat's React tree goes with the old one.
    var fresh = host.cloneNode(false);
    host.parentNode.replaceChild(fresh, host);
    host = fresh;
    showStatus(config.strings.chatEnded);
    newButton.focus();
  }

  endButton.addEventListener('click', end);
  newButton.addEventListener('click', function () {
    window.location.reload();
  });

  // In the corner widget, Escape asks the host page to close the widget.
  if (config.embedded && window.parent !== window) {
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        window.parent.postMessage({ type: 'iopguidebot:close' }, '*');
      }
    });
  }

  start();
})();
