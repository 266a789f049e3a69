// Agent desktop: live queues and the agent's own state from the server-sent events of the switchboard.
(() => {
  const rows = document.getElementById('queue-rows');
  if (!rows || !window.EventSource) {
    return;
  }
  const names = document.getElementById('state-names').dataset;
  const stateName = (state) => names[state.toLowerCase()] || state;
  const panel = document.querySelector('[data-agent-id]');
  const live = document.getElementById('live-status');
  const source = new EventSource('/api/v1/telephony/stream');

  source.addEventListener('telephony', (event) => {
    const snapshot = JSON.parse(event.data);
    snapshot.queues.forEach((queue) => {
      const row = rows.querySelector(`[data-queue-id="${queue.id}"]`);
      if (row) {
        row.querySelector('.waiting').textContent = queue.waiting;
        row.querySelector('.longest').textContent = queue.longestWaitSeconds;
        row.querySelector('.available').textContent = queue.agentsAvailable;
      }
    });
    snapshot.agents.forEach((agent) => {
      const text = stateName(agent.state) + (agent.reason ? ` (${agent.reason})` : '');
      if (panel && panel.dataset.agentId === agent.id) {
        const badge = document.getElementById('agent-state');
        badge.textContent = stateName(agent.state);
        badge.classList.toggle('ok', agent.state === 'AVAILABLE');
        document.getElementById('agent-reason').textContent = agent.reason || '';
      }
      const row = document.querySelector(`[data-agent-row="${agent.id}"] .state`);
      if (row) {
        row.textContent = text;
      }
    });
    live.classList.remove('offline');
  });
  source.addEventListener('error', () => {
    live.textContent = live.dataset.offline;
  });
})();
