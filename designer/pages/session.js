// The signed-in session shared by ElsaM3's host pages: the token in session storage, refreshed before it expires.
window.elsam3 = (function () {
    const base = '/studio/';
    const api = location.origin + '/elsa/api';
    const key = 'elsam3.auth';
    // Says only that this browser signed in (so a new tab may ask for a token with the refresh cookie); no token.
    const signedInKey = 'elsam3.signed-in';

    function auth() { try { return JSON.parse(sessionStorage.getItem(key)); } catch { return null; } }
    function claims(jwt) { try { return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch { return {}; } }
    function expiresAt(jwt) { return (claims(jwt).exp || 0) * 1000; }
    function signIn() { location.replace(base + 'sign-in?returnUrl=' + encodeURIComponent(location.pathname + location.search)); }
    const nameClaim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';

    // Returns a valid access token, refreshing it when it is about to expire (or, in a new tab, getting one) through the
    // HttpOnly refresh cookie; null when the session is over. One refresh at a time, across this origin's tabs where the
    // browser allows, since a refresh token used twice ends the whole session.
    let refreshing = null;
    async function accessToken() {
        const current = auth();
        if (current && expiresAt(current.accessToken) - Date.now() > 60000) return current.accessToken;
        refreshing ??= (navigator.locks ? navigator.locks.request('elsam3-refresh', refresh) : refresh()).finally(() => { refreshing = null; });
        return refreshing;
    }

    async function refresh() {
        const current = auth();
        // Another tab may have refreshed meanwhile: its token is not this tab's, but this tab may now need none.
        if (current && expiresAt(current.accessToken) - Date.now() > 60000) return current.accessToken;
        // Only a browser that signed in holds a refresh cookie (it cannot be seen from here): the others go to sign-in.
        if (!localStorage.getItem(signedInKey)) return null;
        const response = await fetch(api + '/identity/refresh-token', {
            method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}'
        });
        if (!response.ok) { sessionStorage.removeItem(key); localStorage.removeItem(signedInKey); return null; }
        const body = await response.json();
        sessionStorage.setItem(key, JSON.stringify({ user: claims(body.accessToken)[nameClaim] || current?.user || '', accessToken: body.accessToken }));
        return body.accessToken;
    }

    async function signOut() {
        const current = auth();
        sessionStorage.removeItem(key);
        localStorage.removeItem(signedInKey);
        await fetch(api + '/identity/logout', {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', ...(current ? { Authorization: 'Bearer ' + current.accessToken } : {}) }, body: '{}'
        }).catch(() => { });
        location.href = base + 'sign-in';
    }

    // The shared top bar: who is signed in, sign-out, and a badge when the embedded simulators stand in for M3 and CXM.
    function bar() {
        const user = auth();
        if (user) document.getElementById('signed-in-user').textContent = user.user;
        document.getElementById('sign-out').addEventListener('click', signOut);
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

    return { base, api, auth, accessToken, signIn, signOut, bar, call, cell, filterQuery, showPaging, formatTime };
})();
