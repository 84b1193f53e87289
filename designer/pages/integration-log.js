// The admin's integration log: every integration action with its outcome and reasons, filtered and paged,
// with a link to the instance in Studio and a retry for failed ones.
(function () {
    const session = window.elsam3;
    const pageSize = 25;
    let page = 0;

    const { cell, call } = session;

    function query() {
        return session.filterQuery(page, pageSize,
            [['filter-case', 'caseReference'], ['filter-outcome', 'outcome'], ['filter-operation', 'operation']], [['filter-from', 'from'], ['filter-to', 'to']]);
    }

    async function retry(entry, button) {
        button.disabled = true;
        const response = await call(session.api + '/alterations/workflows/retry', {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ workflowInstanceIds: [entry.workflowInstanceId] })
        });
        const status = document.getElementById('log-status');
        if (!response || !response.ok) { status.textContent = 'Retry failed: ' + (response ? response.status : 'signed out'); button.disabled = false; return; }
        const result = (await response.json()).results[0];
        status.textContent = result.succeeded
            ? `Instance ${entry.workflowInstanceId} retried: it is now ${result.subStatus}.`
            : `Instance ${entry.workflowInstanceId} was not retried: ${result.message}`;
    }

    async function load() {
        const status = document.getElementById('log-status');
        status.textContent = 'Loading…';
        const response = await call('/api/integration-log?' + query());
        if (!response) return;
        if (response.status === 403) { status.textContent = 'Only admins can see the integration log.'; return; }
        if (!response.ok) { status.textContent = 'The log could not be read: ' + (await response.text()); return; }
        const body = await response.json();
        const tbody = document.querySelector('#log tbody');
        tbody.replaceChildren();
        for (const entry of body.items) {
            const row = document.createElement('tr');
            row.className = 'outcome-' + entry.outcome.toLowerCase();
            cell(row, new Date(entry.timestamp).toLocaleString('en-GB'));
            cell(row, entry.caseReference);
            cell(row, `${entry.workflowDefinitionId} / ${entry.activityName ?? entry.activityId}`);
            cell(row, entry.operation);
            cell(row, entry.outcome);
            cell(row, String(entry.attempts));
            cell(row, entry.externalReference);
            cell(row, entry.httpStatus == null ? '' : String(entry.httpStatus));
            cell(row, entry.errorCategory);
            cell(row, entry.messages.join('\n')).className = 'messages';
            cell(row, entry.durationMs + ' ms');
            cell(row, entry.correlationId);
            const actions = cell(row, '');
            const open = document.createElement('a');
            open.href = session.base + 'workflows/instances/' + encodeURIComponent(entry.workflowInstanceId) + '/view';
            open.textContent = 'Open instance';
            actions.appendChild(open);
            if (entry.outcome === 'Failed') {
                const button = document.createElement('button');
                button.type = 'button';
                button.textContent = 'Retry';
                button.addEventListener('click', () => retry(entry, button));
                actions.appendChild(button);
            }
            tbody.appendChild(row);
        }
        session.showPaging(page, pageSize, body.totalCount);
        status.textContent = body.totalCount === 0 ? 'No entries match.' : '';
    }

    document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); page = 0; load(); });
    document.getElementById('previous').addEventListener('click', () => { page--; load(); });
    document.getElementById('next').addEventListener('click', () => { page++; load(); });
    session.bar();
    if (!session.auth()) { session.signIn(); return; }
    const initialCase = new URLSearchParams(location.search).get('caseReference');
    if (initialCase) document.getElementById('filter-case').value = initialCase;
    load();
})();
