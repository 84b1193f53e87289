// Signs in against /elsa/api/identity/login. The refresh token stays in an HttpOnly cookie the server sets (no script can
// read it); the page keeps only the short-lived access token Studio needs.
(function () {
    const fallback = '/studio/workflows';

    // Where to go after signing in: a page of Studio's own, never anywhere else. The link is decoded until it stops changing
    // (so %2e%2e and %252e%252e are seen for what they are), then refused when it climbs out (..), leaves the origin (//, \),
    // or carries control characters; what is left is resolved and must still lie under /studio/.
    function safeReturnUrl(raw) {
        if (!raw || !raw.startsWith('/studio/')) return fallback;
        let decoded = raw;
        for (let i = 0; i < 5; i++) {
            let next;
            try { next = decodeURIComponent(decoded); } catch { return fallback; }
            if (next === decoded) break;
            decoded = next;
        }
        if (/(^|[\/\\])\.\.?([\/\\?#]|$)/.test(decoded) || decoded.includes('//') || decoded.includes('\\') || /[\u0000-\u001f\u007f]/.test(decoded)) return fallback;
        const url = new URL(raw, location.origin);
        if (url.origin !== location.origin || !url.pathname.startsWith('/studio/')) return fallback;
        return url.pathname + url.search + url.hash;
    }
    window.elsam3SafeReturnUrl = safeReturnUrl;

    document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const error = document.getElementById('sign-in-error');
        error.textContent = '';
        const username = document.getElementById('username').value.trim();
        const response = await fetch('/elsa/api/identity/login?useCookie=true', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username, password: document.getElementById('password').value })
        });
        if (!response.ok) {
            error.textContent = response.status === 401 ? 'The user name or password is wrong.' : `Sign-in failed (${response.status}).`;
            return;
        }
        const body = await response.json();
        sessionStorage.setItem('elsam3.auth', JSON.stringify({ user: username, accessToken: body.accessToken }));
        localStorage.setItem('elsam3.signed-in', '1');
        location.href = safeReturnUrl(new URLSearchParams(location.search).get('returnUrl'));
    });
})();
