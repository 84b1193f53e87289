// Signs in against /elsa/api/identity/login and keeps the tokens for the Studio pages.
document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = document.getElementById('sign-in-error');
    error.textContent = '';
    const username = document.getElementById('username').value.trim();
    const response = await fetch('/elsa/api/identity/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: document.getElementById('password').value })
    });
    if (!response.ok) {
        error.textContent = response.status === 401 ? 'The user name or password is wrong.' : `Sign-in failed (${response.status}).`;
        return;
    }
    const body = await response.json();
    sessionStorage.setItem('elsam3.auth', JSON.stringify({ user: username, accessToken: body.accessToken, refreshToken: body.refreshToken }));
    const returnUrl = new URLSearchParams(location.search).get('returnUrl');
    location.href = returnUrl && returnUrl.startsWith('/studio/') ? returnUrl : '/studio/workflows';
});
