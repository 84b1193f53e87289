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

    return { base, api, auth, accessToken, signIn, bar };
})();
