// The admin's audit trail: who did what, when and from where, filtered and paged, newest first.
(function () {
    const session = window.elsam3;
    const pageSize = 25;
    let page = 0;

    const { cell } = session;

    function query() {
        return session.filterQuery(page, pageSize,
            [['filter-actor', 'actor'], ['filter-action', 'action'], ['filter-target', 'target']], [['filter-from', 'from'], ['filter-to', 'to']]);
    }

    async function load() {
        const status = document.getElementById('audit-status');
        status.textContent = 'Loading…';
        const response = await session.call('/api/audit?' + query());
        if (!response) return;
        if (response.status === 403) { status.textContent = 'Only admins can see the audit trail.'; return; }
        if (!response.ok) { status.textContent = 'The audit trail could not be read: ' + (await response.text()); return; }
        const body = await response.json();
        const tbody = document.querySelector('#audit tbody');
        tbody.replaceChildren();
        for (const entry of body.items) {
            const row = document.createElement('tr');
            row.className = 'audit-' + entry.action.toLowerCase();
            cell(row, session.formatTime(entry.timestamp));
            cell(row, entry.actor);
            cell(row, entry.actorKind);
            cell(row, entry.action);
            cell(row, entry.target);
            cell(row, entry.detail);
            cell(row, entry.clientAddress);
            tbody.appendChild(row);
        }
        session.showPaging(page, pageSize, body.totalCount);
        status.textContent = body.totalCount === 0 ? 'No entries match.' : '';
    }

    session.bar();
    document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); page = 0; load(); });
    document.getElementById('previous').addEventListener('click', () => { page--; load(); });
    document.getElementById('next').addEventListener('click', () => { page++; load(); });
    load();
})();
