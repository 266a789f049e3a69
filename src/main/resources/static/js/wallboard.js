// Wallboard: renders the server-sent "wallboard" events; the longest wait ticks every second by itself between
// events (counted up from data-since against the server's clock offset).
(function () {
    const main = document.getElementById('main');
    const tiles = document.getElementById('tiles');
    const none = tiles.dataset.none || '–';
    const status = document.getElementById('connection');
    let offset = 0; // server time − local time, ms

    function pct(value) {
        return value === null || value === undefined ? none : Math.round(value * 100) + ' %';
    }

    function render(view) {
        offset = Date.parse(view.at) - Date.now();
        view.tiles.forEach(function (t) {
            const tile = tiles.querySelector('[data-tenant="' + t.tenantId + '"]');
            if (!tile) {
                return;
            }
            tile.querySelector('.waiting').textContent = t.waiting;
            const longest = tile.querySelector('.longest');
            longest.dataset.since = t.waitingSince || '';
            longest.textContent = t.longestWaitSeconds + ' s';
            const sl = tile.querySelector('.sl');
            sl.textContent = pct(t.serviceLevelToday);
            sl.classList.toggle('good', t.serviceLevelToday !== null && t.targetPercent !== null
                && t.serviceLevelToday * 100 >= t.targetPercent);
            sl.classList.toggle('bad', t.serviceLevelToday !== null && t.targetPercent !== null
                && t.serviceLevelToday * 100 < t.targetPercent);
            tile.querySelector('.fcr').textContent = pct(t.firstContactResolutionToday);
            tile.querySelector('.available .n').textContent = t.available;
            tile.querySelector('.talking .n').textContent = t.talking;
            tile.querySelector('.wrapup .n').textContent = t.wrapUp;
            tile.querySelector('.paused .n').textContent = t.paused;
        });
    }

    function tick() {
        const now = Date.now() + offset;
        document.getElementById('clock').textContent = new Date(now).toLocaleTimeString('de-DE');
        tiles.querySelectorAll('.longest').forEach(function (el) {
            if (el.dataset.since) {
                const s = Math.max(0, Math.floor((now - Date.parse(el.dataset.since)) / 1000));
                el.textContent = s + ' s';
                el.classList.toggle('warn', s >= 20 && s < 60);
                el.classList.toggle('bad', s >= 60);
            } else {
                el.textContent = '0 s';
                el.classList.remove('warn', 'bad');
            }
        });
    }

    const source = new EventSource(main.dataset.stream);
    source.addEventListener('wallboard', function (e) {
        status.textContent = '';
        render(JSON.parse(e.data));
    });
    source.onerror = function () {
        status.textContent = 'Verbindung unterbrochen – neuer Versuch …';
    };
    setInterval(tick, 1000);
    tick();
})();
