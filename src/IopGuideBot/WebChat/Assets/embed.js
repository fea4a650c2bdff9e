// The clinic's chat as a corner widget on another web site. Paste on any page:
//   <script src="https://CHAT-HOST/embed.js" async></script>
// The chat itself runs in a frame from CHAT-HOST (that site must be listed in DirectLine:AllowedOrigins), so the host
// page needs no other code and never sees the conversation.
(function () {
  'use strict';

  if (window.__iopGuideBotWidget) {
    return;
  }
  window.__iopGuideBotWidget = true;

  var config = /*CONFIG*/{};
  var script = document.currentScript;
  var origin = new URL(script ? script.src : config.fallbackUrl, window.location.href).origin;
  var panelId = 'iopguidebot-chat-panel';

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.textContent = config.openChat;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', panelId);
  launcher.setAttribute('data-iopguidebot', 'launcher');
  style(launcher, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000', padding: '0.75rem 1.25rem',
    minHeight: '44px', border: '2px solid ' + config.accentColor, borderRadius: '999px', background: config.accentColor,
    color: '#ffffff', font: '600 16px system-ui, sans-serif', cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,0.3)'
  });

  var panel = document.createElement('div');
  panel.id = panelId;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', config.title);
  panel.hidden = true;
  style(panel, {
    position: 'fixed', right: '1rem', bottom: '5rem', zIndex: '2147483000', width: 'min(400px, calc(100vw - 2rem))',
    height: 'min(640px, calc(100vh - 7rem))', display: 'none', flexDirection: 'column', background: '#ffffff',
    border: '1px solid #767676', borderRadius: '8px', boxShadow: '0 4px 16px rgba(0,0,0,0.3)', overflow: 'hidden'
  });

  var close = document.createElement('button');
  close.type = 'button';
  close.textContent = config.closeChat;
  close.setAttribute('data-iopguidebot', 'close');
  style(close, {
    alignSelf: 'flex-end', margin: '0.25rem', padding: '0.25rem 0.75rem', minHeight: '44px', border: '2px solid ' + config.accentColor,
    borderRadius: '4px', background: '#ffffff', color: config.accentColor, font: '600 15px system-ui, sans-serif', cursor: 'pointer'
  });
  panel.appendChild(close);

  var frame = null;

  function open() {
    if (!frame) {
      // Created on first open, so no chat starts for visitors who never open it.
      frame = document.createElement('iframe');
      frame.src = origin + '/?embed=1';
      frame.title = config.title;
      style(frame, { flex: '1 1 auto', width: '100%', border: '0' });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    panel.style.display = 'flex';
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  function hide() {
    panel.hidden = true;
    panel.style.display = 'none';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) {
      open();
    } else {
      hide();
    }
  });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      hide();
    }
  });
  window.addEventListener('message', function (event) {
    if (event.origin === origin && event.data && event.data.type === 'iopguidebot:close' && !panel.hidden) {
      hide();
    }
  });

  function style(element, values) {
    Object.keys(values).forEach(function (key) {
      element.style[key] = values[key];
    });
  }

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
