// The signed-in session shared by ElsaM3's host pages: the token in session storage, refreshed before it expires.
window.elsam3 = (function () {
    const base = '/studio/';
    const api = location.origin + '/elsa/api';
    const key = 'elsam3.auth';

    function auth() { try { return JSON.parse(sessionStorage.getItem(key)); } catch { return null; } }
    function expiresAt(jwt) { try { return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000; } catch { return 0; } }
    function signIn() { location.replace(base + 'sign-in?returnUrl=' + encodeURIComponent(location.pathname + location.search)); }

    // Returns a valid access token, refreshing it when it is about to expire; null when the session is over.
    async function accessToken() {
        const current = auth();
        if (!current) return null;
        if (expiresAt(current.accessToken) - Date.now() > 60000) return current.accessToken;
        if (expiresAt(current.refreshToken) <= Date.now()) return null;
        const response = await fetch(api + '/identity/refresh-token', {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: current.refreshToken })
        });
        if (!response.ok) return null;
        const body = await response.json();
        sessionStorage.setItem(key, JSON.stringify({ ...current, accessToken: body.accessToken, refreshToken: body.refreshToken }));
        return body.accessToken;
    }

    // The shared top bar: who is signed in, sign-out, and a badge when the embedded simulators stand in for M3 and CXM.
    function bar() {
        const user = auth();
        if (user) document.getElementById('signed-in-user').textContent = user.user;
        document.getElementById('sign-out').addEventListener('click', () => { sessionStorage.removeItem(key); location.href = base + 'sign-in'; });
        fetch('/health').then(r => r.ok ? r.json() : null).then(health => {
            if (health && health.simulators) document.getElementById('simulators-badge').hidden = false;
        }).catch(() => { });
    }

    // Calls the server with the session's token; null (after sending the person to sign in) when the session is over.
    async function call(url, options) {
        const token = await accessToken();
        if (!token) { signIn(); return null; }
        return fetch(url, { ...options, headers: { ...(options?.headers ?? {}), Authorization: 'Bearer ' + token } });
    }

    // Shared by the log pages: a table cell, a query from filter inputs, the paging bar.
    function cell(row, text) {
        const td = document.createElement('td');
        td.textContent = text ?? '';
        row.appendChild(td);
        return td;
    }

    function filterQuery(page, pageSize, textInputs, dateInputs) {
        const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
        for (const [id, name] of textInputs) {
            const value = document.getElementById(id).value.trim();
            if (value) params.set(name, value);
        }
        for (const [id, name] of dateInputs) {
            const value = document.getElementById(id).value;
            if (value) params.set(name, new Date(value).toISOString());
        }
        return params;
    }

    function showPaging(page, pageSize, totalCount) {
        const pages = Math.max(1, Math.ceil(totalCount / pageSize));
        document.getElementById('page-info').textContent = `Page ${page + 1} of ${pages} (${totalCount} entries)`;
        document.getElementById('previous').disabled = page === 0;
        document.getElementById('next').disabled = page + 1 >= pages;
    }

    // Times as Studio shows them ("G" in its culture): 11/30/2026 2:59:57 PM, local time.
    function formatTime(iso) {
        if (!iso) return '';
        const d = new Date(iso);
        const two = n => String(n).padStart(2, '0');
        const hours = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
        return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${hours}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
    }

    return { base, api, auth, accessToken, signIn, bar, call, cell, filterQuery, showPaging, formatTime };
})();
