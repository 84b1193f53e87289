// Mounts the Elsa Studio custom element for the current page and hands it the signed-in user's token.
(function () {
    const { base, api, auth, accessToken, signIn } = window.elsam3;

    function route(path) {
        const rest = path.startsWith(base) ? path.substring(base.length).replace(/\/$/, '') : '';
        let m;
        if ((m = rest.match(/^workflows\/definitions\/([^/]+)\/edit$/))) return { kind: 'editor', tag: 'elsa-workflow-definition-editor', attrs: { 'definition-id': decodeURIComponent(m[1]) } };
        if ((m = rest.match(/^workflows\/instances\/([^/]+)\/view$/))) return { kind: 'viewer', tag: 'elsa-workflow-instance-viewer', attrs: { 'instance-id': decodeURIComponent(m[1]) } };
        if (rest === 'workflows/instances') return { kind: 'instances', tag: 'elsa-workflow-instance-list', attrs: {} };
        return { kind: 'definitions', tag: 'elsa-workflow-definition-list', attrs: {} };
    }

    const page = route(location.pathname);

    // Studio moves between its own routes with pushState; reload so the matching host page mounts the right element.
    const pushState = history.pushState.bind(history);
    history.pushState = function (state, title, url) {
        pushState(state, title, url);
        const next = route(new URL(url, location.href).pathname);
        if (next.kind !== page.kind || JSON.stringify(next.attrs) !== JSON.stringify(page.attrs)) location.reload();
    };

    async function mount() {
        const token = await accessToken();
        if (!token) { signIn(); return; }
        document.getElementById('nav-' + (page.kind === 'instances' || page.kind === 'viewer' ? 'instances' : 'workflows')).classList.add('active');
        const element = document.createElement(page.tag);
        element.setAttribute('remote-endpoint', api);
        element.setAttribute('access-token', token);
        for (const [name, value] of Object.entries(page.attrs)) element.setAttribute(name, value);
        document.getElementById('studio-host').appendChild(element);
        const goToEditor = id => { location.href = base + 'workflows/definitions/' + encodeURIComponent(id) + '/edit'; };
        customElements.whenDefined(page.tag).then(() => {
            if (page.kind === 'definitions' || page.kind === 'viewer') element.editWorkflowDefinition = goToEditor;
            if (page.kind === 'instances') element.viewWorkflowInstance = id => { location.href = base + 'workflows/instances/' + encodeURIComponent(id) + '/view'; };
        });
        // Keep the token fresh for long editing sessions; an expired session goes back to sign-in.
        setInterval(async () => {
            const fresh = await accessToken();
            if (!fresh) { signIn(); return; }
            element.setAttribute('access-token', fresh);
        }, 30000);
    }

    // Studio swallows some refusals (the New workflow dialog's 400) and never shows ElsaM3's publish warnings:
    // both are shown here, from the answers Studio itself received.
    const toast = document.getElementById('elsam3-toast');
    toast.addEventListener('click', () => { toast.hidden = true; });
    function show(text, warning) {
        toast.textContent = text;
        toast.classList.toggle('warning', !!warning);
        toast.hidden = false;
        clearTimeout(show.timer);
        show.timer = setTimeout(() => { toast.hidden = true; }, 15000);
    }
    // Warnings are shown when the analyst publishes, not on every auto-save.
    function isPublish(url, init) {
        const path = url.split('?')[0];
        if (/\/workflow-definitions\/[^/]+\/publish$/.test(path)) return true;
        if (!/\/workflow-definitions$/.test(path)) return false;
        const body = init && init.body;
        const text = typeof body === 'string' ? body
            : body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? new TextDecoder().decode(body) : '';
        return /"publish"\s*:\s*true/.test(text);
    }
    const originalFetch = window.fetch.bind(window);
    window.fetch = async function (input, init) {
        const response = await originalFetch(input, init);
        const url = typeof input === 'string' ? input : input.url;
        const method = ((init && init.method) || (typeof input === 'string' ? 'GET' : input.method) || 'GET').toUpperCase();
        if (!url.startsWith(api) || method === 'GET') return response;
        if (response.status >= 400 && response.status < 500 && response.status !== 401) {
            response.clone().json().then(problem => {
                const reasons = problem && problem.errors ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`) : [];
                show('Refused (' + response.status + '): ' + (reasons.length ? reasons.join('\n') : (problem && (problem.detail || problem.title)) || ''));
            }).catch(() => show('Refused (' + response.status + ').'));
        } else if (response.ok && isPublish(url, init)) {
            response.clone().json().then(body => {
                if (body && body.warnings && body.warnings.length) show('Saved, with warnings:\n' + body.warnings.join('\n'), true);
            }).catch(() => { });
        }
        return response;
    };

    window.elsam3.bar();
    mount();
})();
