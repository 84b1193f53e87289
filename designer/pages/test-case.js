// The case Studio's Test tab runs an activity against: a sample from workflows/cases, or one the analyst pastes.
(function () {
    const session = window.elsam3;
    const select = document.getElementById('test-case');
    const dialog = document.getElementById('test-case-dialog');
    const pasted = document.getElementById('test-case-json');
    const error = document.getElementById('test-case-error');
    const pasteOption = '__paste__';

    async function load() {
        const response = await session.call('/api/test-cases');
        if (!response || !response.ok) return;
        const body = await response.json();
        select.replaceChildren();
        for (const sample of body.samples) select.add(new Option(`${sample.name} (${sample.reference})`, sample.name));
        if (body.current && body.current.name === 'pasted') select.add(new Option(`pasted (${body.current.reference})`, 'pasted'));
        select.add(new Option('Paste a case…', pasteOption));
        select.value = body.current ? body.current.name : '';
        select.dataset.current = select.value;
    }

    async function choose(body) {
        const response = await session.call('/api/test-cases/current', {
            method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
        });
        if (!response) return false;
        if (response.ok) { await load(); return true; }
        const problem = await response.json().catch(() => null);
        error.textContent = problem && problem.errors ? Object.values(problem.errors).flat().join(' ') : 'The case was refused (' + response.status + ').';
        return false;
    }

    select.addEventListener('change', async () => {
        if (select.value === pasteOption) {
            error.textContent = '';
            dialog.showModal();
            return;
        }
        if (select.value !== 'pasted') await choose({ sample: select.value });
    });
    document.getElementById('test-case-cancel').addEventListener('click', () => { dialog.close(); select.value = select.dataset.current; });
    document.getElementById('test-case-use').addEventListener('click', async () => {
        let json;
        try { json = JSON.parse(pasted.value); } catch (e) { error.textContent = 'That is not JSON: ' + e.message; return; }
        if (await choose({ case: json })) dialog.close();
    });
    session.accessToken().then(token => { if (token) load(); });
})();
