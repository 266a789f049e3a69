// Agent desktop: live queues and the agent's own state from the server-sent events of the switchboard.
(() => {
  const rows = document.getElementById('queue-rows');
  if (!rows) {
    return;
  }
  const names = document.getElementById('state-names').dataset;
  const stateName = (state) => names[state.toLowerCase()] || state;
  const panel = document.querySelector('[data-agent-id]');
  const phoneStatus = document.getElementById('phone-status');
  const live = document.getElementById('live-status');
  // States in which the agent's phone is offered calls (or is in one, and will be again after it).
  const receiving = ['AVAILABLE', 'RINGING', 'TALKING', 'WRAP_UP'];

  // The server's clock minus the browser's: waits are counted on the server's time, whatever the PC's clock says.
  const serverNow = document.getElementById('queues').dataset.serverNow;
  let skew = serverNow ? Date.parse(serverNow) - Date.now() : 0;

  // A snapshot arrives only when something changes; while a call just waits, nothing does. So the longest wait
  // is counted up here from when that call arrived, once a second.
  const waitSeconds = (since) => Math.max(0, Math.floor((Date.now() + skew - Date.parse(since)) / 1000));
  const tick = () => {
    rows.querySelectorAll('tr[data-waiting-since]').forEach((row) => {
      row.querySelector('.longest').textContent = waitSeconds(row.dataset.waitingSince);
    });
  };
  tick();
  window.setInterval(tick, 1000);

  const showPhone = (agent) => {
    if (!phoneStatus) {
      return;
    }
    let text = phoneStatus.dataset.missing;
    if (agent.phoneRegistered) {
      text = receiving.includes(agent.state) ? phoneStatus.dataset.receiving : phoneStatus.dataset.notReceiving;
    }
    if (phoneStatus.textContent.trim() !== text) {
      phoneStatus.textContent = text;
    }
    phoneStatus.classList.toggle('error', !agent.phoneRegistered);
    phoneStatus.classList.toggle('info', agent.phoneRegistered);
  };

  if (!window.EventSource) {
    return;
  }
  const source = new EventSource('/api/v1/telephony/stream');

  source.addEventListener('telephony', (event) => {
    const snapshot = JSON.parse(event.data);
    skew = Date.parse(snapshot.at) - Date.now();
    snapshot.queues.forEach((queue) => {
      const row = rows.querySelector(`[data-queue-id="${queue.id}"]`);
      if (row) {
        row.querySelector('.waiting').textContent = queue.waiting;
        row.querySelector('.longest').textContent = queue.longestWaitSeconds;
        row.querySelector('.available').textContent = queue.agentsAvailable;
        if (queue.waitingSince) {
          row.dataset.waitingSince = queue.waitingSince;
        } else {
          delete row.dataset.waitingSince;
        }
      }
    });
    tick();
    snapshot.agents.forEach((agent) => {
      const text = stateName(agent.state) + (agent.reason ? ` (${agent.reason})` : '');
      if (panel && panel.dataset.agentId === agent.id) {
        const badge = document.getElementById('agent-state');
        badge.textContent = stateName(agent.state);
        badge.classList.toggle('ok', agent.state === 'AVAILABLE');
        document.getElementById('agent-reason').textContent = agent.reason || '';
        showPhone(agent);
      }
      const row = document.querySelector(`[data-agent-row="${agent.id}"]`);
      if (row) {
        row.querySelector('.state').textContent = text;
        row.querySelector('.phone').textContent = agent.phoneRegistered ? names.phoneRegistered : names.phoneMissing;
      }
    });
    live.classList.remove('offline');
  });
  source.addEventListener('error', () => {
    live.textContent = live.dataset.offline;
  });
})();
