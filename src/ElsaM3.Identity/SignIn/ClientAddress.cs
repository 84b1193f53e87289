using Microsoft.AspNetCore.Http;

namespace ElsaM3.Identity.SignIn;

/// <summary>The caller's address as the connection reports it (behind a proxy, configure forwarded headers first).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
