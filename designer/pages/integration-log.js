// The admin's integration log: every integration action with its outcome and reasons, filtered and paged,
// with a link to the instance in Studio and a retry for failed ones.
(function () {
    const session = window.elsam3;
    const pageSize = 25;
    let page = 0;

    const { cell, call } = session;

    let workflowNames = null;

    function query() {
        return session.filterQuery(page, pageSize,
            [['filter-case', 'caseReference'], ['filter-instance', 'workflowInstanceId'], ['filter-outcome', 'outcome'], ['filter-direction', 'direction'], ['filter-operation', 'operation']],
            [['filter-from', 'from'], ['filter-to', 'to']]);
    }

    // Workflow names by definition id, read once (the log stores ids, which mean nothing to a reader).
    async function names() {
        if (workflowNames) return workflowNames;
        workflowNames = {};
        const response = await call(session.api + '/workflow-definitions?versionOptions=Latest&pageSize=1000');
        if (response && response.ok) for (const d of (await response.json()).items) workflowNames[d.definitionId] = d.name || d.definitionId;
        return workflowNames;
    }

    // Retrying re-runs the instance's faulted activities: the first click asks, the second does it.
    async function retry(entry, button) {
        if (button.dataset.confirming !== 'true') {
            button.dataset.confirming = 'true';
            button.textContent = 'Confirm retry';
            return;
        }
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
        // The retry runs in the background: show the entries it adds.
        setTimeout(() => load(true), 1500);
    }

    async function load(keepStatus) {
        const status = document.getElementById('log-status');
        if (!keepStatus) status.textContent = 'Loading…';
        const workflows = await names();
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
            cell(row, session.formatTime(entry.timestamp));
            cell(row, entry.caseReference);
            cell(row, `${workflows[entry.workflowDefinitionId] ?? entry.workflowDefinitionId} / ${entry.activityName ?? entry.activityId}`);
            cell(row, entry.operation);
            cell(row, entry.outcome);
            cell(row, String(entry.attempts));
            cell(row, entry.direction).className = 'direction';
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
        if (!keepStatus) status.textContent = body.totalCount === 0 ? 'No entries match.' : '';
    }

    document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); page = 0; load(); });
    document.getElementById('previous').addEventListener('click', () => { page--; load(); });
    document.getElementById('next').addEventListener('click', () => { page++; load(); });
    session.bar();

    const initial = new URLSearchParams(location.search);
    if (initial.get('caseReference')) document.getElementById('filter-case').value = initial.get('caseReference');
    if (initial.get('workflowInstanceId')) document.getElementById('filter-instance').value = initial.get('workflowInstanceId');
    load();
})();
