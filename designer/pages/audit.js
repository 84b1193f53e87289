// The admin's audit trail: who did what, when and from where, filtered and paged, newest first.
(function () {
    const session = window.elsam3;
    const pageSize = 25;
    let page = 0;

    function cell(row, text) {
        const td = document.createElement('td');
        td.textContent = text ?? '';
        row.appendChild(td);
    }

    function query() {
        const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
        for (const [id, name] of [['filter-actor', 'actor'], ['filter-action', 'action'], ['filter-target', 'target']]) {
            const value = document.getElementById(id).value.trim();
            if (value) params.set(name, value);
        }
        for (const [id, name] of [['filter-from', 'from'], ['filter-to', 'to']]) {
            const value = document.getElementById(id).value;
            if (value) params.set(name, new Date(value).toISOString());
        }
        return params;
    }

    async function load() {
        const status = document.getElementById('audit-status');
        status.textContent = 'Loading…';
        const token = await session.accessToken();
        if (!token) { session.signIn(); return; }
        const response = await fetch('/api/audit?' + query(), { headers: { Authorization: 'Bearer ' + token } });
        if (response.status === 403) { status.textContent = 'Only admins can see the audit trail.'; return; }
        if (!response.ok) { status.textContent = 'The audit trail could not be read: ' + (await response.text()); return; }
        const body = await response.json();
        const tbody = document.querySelector('#audit tbody');
        tbody.replaceChildren();
        for (const entry of body.items) {
            const row = document.createElement('tr');
            row.className = 'audit-' + entry.action.toLowerCase();
            cell(row, new Date(entry.timestamp).toLocaleString('en-GB'));
            cell(row, entry.actor);
            cell(row, entry.actorKind);
            cell(row, entry.action);
            cell(row, entry.target);
            cell(row, entry.detail);
            cell(row, entry.clientAddress);
            tbody.appendChild(row);
        }
        const pages = Math.max(1, Math.ceil(body.totalCount / pageSize));
        document.getElementById('page-info').textContent = `Page ${page + 1} of ${pages} (${body.totalCount} entries)`;
        document.getElementById('previous').disabled = page === 0;
        document.getElementById('next').disabled = page + 1 >= pages;
        status.textContent = body.totalCount === 0 ? 'No entries match.' : '';
    }

    session.bar();
    document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); page = 0; load(); });
    document.getElementById('previous').addEventListener('click', () => { page--; load(); });
    document.getElementById('next').addEventListener('click', () => { page++; load(); });
    load();
})();
