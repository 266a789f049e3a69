// Agent's desk: screen pop from the desk's server-sent events, knowledge panel by keyboard, documentation form.
(() => {
  const panel = document.getElementById('desk-contact');
  if (!panel) {
    return;
  }
  const status = document.getElementById('call-status');
  const tenantSelect = document.getElementById('knowledge-tenant');
  const query = document.getElementById('q');
  let chosen = null; // a service taken as concern before the form was there (while the phone rang)

  const say = (key) => {
    if (status.dataset[key]) {
      status.textContent = status.dataset[key];
    }
  };

  const load = (url) => window.htmx.ajax('GET', url, { target: '#desk-contact', swap: 'innerHTML' });

  // The pop names the municipality dialled: the knowledge panel searches its catalogue.
  const followTenant = () => {
    const pop = document.getElementById('pop');
    if (pop && tenantSelect && pop.dataset.tenant && tenantSelect.value !== pop.dataset.tenant) {
      tenantSelect.value = pop.dataset.tenant;
      if (query.value.trim()) {
        window.htmx.trigger('#knowledge-search', 'submit');
      }
    }
  };

  const form = () => document.getElementById('documentation');

  const takeConcern = (button) => {
    chosen = { id: button.dataset.serviceId, title: button.dataset.title, department: button.dataset.department };
    applyConcern();
  };

  const applyConcern = () => {
    const f = form();
    if (!f || !chosen) {
      return;
    }
    f.querySelector('#serviceId').value = chosen.id;
    f.querySelector('#serviceTitle').value = chosen.title;
    document.getElementById('concern-title').textContent = chosen.title;
    f.querySelector('#category').value = '';
    const department = f.querySelector('#department');
    if (chosen.department && !department.value) {
      department.value = chosen.department;
    }
    chosen = null;
    showOutcomeFields();
    const first = f.querySelector('input[name="outcome"]');
    if (first) {
      first.focus();
    }
  };

  // "Weiterverbinden" shows the department's extension; the hand-off fields only matter for a hand-off.
  const showOutcomeFields = () => {
    const f = form();
    if (!f) {
      return;
    }
    const outcome = (f.querySelector('input[name="outcome"]:checked') || {}).value;
    const handOff = f.querySelector('#handoff');
    handOff.hidden = outcome !== 'HANDED_OFF';
    const hint = f.querySelector('#transfer-hint');
    const option = f.querySelector('#department').selectedOptions[0];
    const extension = option && option.dataset.extension;
    hint.hidden = !(outcome === 'TRANSFERRED' && extension);
    if (!hint.hidden) {
      hint.textContent = hint.dataset.text.replace('{0}', `${option.textContent.trim()}`);
    }
  };

  document.addEventListener('change', (event) => {
    if (event.target.closest('#documentation')) {
      showOutcomeFields();
    }
  });

  document.addEventListener('click', (event) => {
    const button = event.target.closest('#take-concern');
    if (button) {
      takeConcern(button);
    }
  });

  document.body.addEventListener('htmx:afterSwap', (event) => {
    if (event.detail.target.id === 'desk-contact') {
      followTenant();
      applyConcern();
      showOutcomeFields();
    }
    if (event.detail.target.id === 'answer') {
      const answer = document.getElementById('answer');
      answer.focus();
    }
  });

  // Keyboard: arrow down from the search into the hits, arrows between hits, Escape back to the search.
  document.addEventListener('keydown', (event) => {
    const hits = Array.from(document.querySelectorAll('#hits .hit'));
    if (event.target === query && event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      hits[0].focus();
      return;
    }
    const index = hits.indexOf(event.target);
    if (index >= 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const next = hits[index + (event.key === 'ArrowDown' ? 1 : -1)];
      (next || query).focus();
    } else if (event.key === 'Escape' && event.target.closest('#knowledge-panel')) {
      query.focus();
    }
  });

  followTenant();
  showOutcomeFields();

  if (!window.EventSource) {
    return;
  }
  const source = new EventSource(document.querySelector('main').dataset.stream || '/desk/stream');
  source.addEventListener('hello', () => {
    document.body.dataset.deskLive = 'true';
  });
  // The ring comes from the live state, possibly a few milliseconds before the call's events are stored:
  // a pop not found yet is asked for again shortly.
  const pop = (callId) => {
    const shown = document.getElementById('pop');
    if (form() || (shown && shown.dataset.callId === callId)) {
      return;
    }
    load(`/desk/pop?callId=${encodeURIComponent(callId)}`);
  };
  document.body.addEventListener('htmx:responseError', (event) => {
    const path = event.detail.pathInfo && event.detail.pathInfo.requestPath;
    const match = path && /^\/desk\/pop\?callId=(.*)$/.exec(path);
    if (match && event.detail.xhr.status === 404) {
      const callId = decodeURIComponent(match[1]);
      const attempt = Number(document.body.dataset.popAttempt || 0);
      if (attempt < 3) {
        document.body.dataset.popAttempt = String(attempt + 1);
        window.setTimeout(() => pop(callId), 200);
      }
    }
  });
  source.addEventListener('ringing', (event) => {
    const call = JSON.parse(event.data);
    if (form()) {
      return; // a contact is still being documented: it stays until it is saved
    }
    say('ringing');
    document.body.dataset.popAttempt = '0';
    pop(call.callId);
  });
  source.addEventListener('answered', (event) => {
    const call = JSON.parse(event.data);
    say('answered');
    const open = document.querySelector('[data-contact-id]');
    if (!call.contactId) {
      pop(call.callId); // answered before the live state showed the ring: the pop, the contact follows
      return;
    }
    if (open && open.dataset.contactId === call.contactId) {
      return;
    }
    if (!form()) {
      load(`/desk/contacts/${encodeURIComponent(call.contactId)}`);
    }
  });
  source.addEventListener('ended', () => say('ended'));
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      say('offline');
    }
  };
})();
