// The brief's General tab: enable the integration, name the external reference field, point at HUBis and CXM.
// API keys are write-only: the page says whether one is set, and a blank field keeps it.
(function () {
    const session = window.elsam3;
    const status = document.getElementById('settings-status');
    const field = id => document.getElementById(id);

    async function call(method, body) {
        const token = await session.accessToken();
        if (!token) { session.signIn(); return null; }
        return fetch('/api/settings/m3pp', {
            method,
            headers: { Authorization: 'Bearer ' + token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
        });
    }

    function show(settings) {
        field('enabled').checked = settings.enabled;
        field('externalReferenceField').value = settings.externalReferenceField;
        field('hubisBaseUrl').value = settings.hubisBaseUrl ?? '';
        field('cxmBaseUrl').value = settings.cxmBaseUrl ?? '';
        field('timeoutSeconds').value = settings.timeoutSeconds;
        field('changeStrategy').value = settings.changeStrategy;
        field('pollIntervalSeconds').value = settings.pollIntervalSeconds;
        for (const [id, set] of [['hubisApiKey', settings.hubisApiKeySet], ['cxmApiKey', settings.cxmApiKeySet]]) {
            field(id).value = '';
            field(id).placeholder = set ? 'set – leave blank to keep it' : 'not set';
        }
    }

    async function load() {
        const response = await call('GET');
        if (!response) return;
        if (response.status === 403) { status.textContent = 'Only admins can change the integration settings.'; field('save').disabled = true; return; }
        show(await response.json());
    }

    field('settings').addEventListener('submit', async e => {
        e.preventDefault();
        status.className = '';
        status.textContent = 'Saving…';
        const response = await call('PUT', {
            enabled: field('enabled').checked,
            externalReferenceField: field('externalReferenceField').value,
            hubisBaseUrl: field('hubisBaseUrl').value,
            hubisApiKey: field('hubisApiKey').value || null,
            cxmBaseUrl: field('cxmBaseUrl').value,
            cxmApiKey: field('cxmApiKey').value || null,
            timeoutSeconds: Number(field('timeoutSeconds').value),
            changeStrategy: field('changeStrategy').value,
            pollIntervalSeconds: Number(field('pollIntervalSeconds').value),
        });
        if (!response) return;
        if (response.ok) { show(await response.json()); status.textContent = 'Saved.'; return; }
        const problem = await response.json().catch(() => ({}));
        status.className = 'elsam3-error';
        status.textContent = `Not saved: ${problem.detail ?? problem.title ?? response.status}`;
    });

    session.bar();

    load();
})();
