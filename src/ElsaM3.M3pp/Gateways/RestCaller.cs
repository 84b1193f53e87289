using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ElsaM3.M3pp.Errors;
using RestSharp;
using RestSharp.Serializers.Json;

namespace ElsaM3.M3pp.Gateways;

/// <summary>
/// The RestSharp plumbing both gateways share: base URL, API key and timeout from the current connection,
/// correlation and idempotency headers, and every failure classified (§6.7) instead of thrown.
/// </summary>
public sealed class RestCaller(IHttpMessageHandlerFactory handlers)
{
    // A client is reused for as long as IHttpClientFactory keeps a handler (two minutes), then made again so DNS
    // changes are picked up; building one per call cost more than the call's own JSON.
    private static readonly TimeSpan ClientLifetime = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<(string Name, Uri BaseUrl), (RestClient Client, long MadeAt)> _clients = new();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<GatewayResult<T>> SendAsync<T>(string clientName, GatewayConnection connection, RestRequest request, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid().ToString();
        request.AddHeader("X-Api-Key", connection.ApiKey);
        request.AddHeader("X-Correlation-Id", correlationId);
        if (key is { } idempotencyKey) request.AddHeader("Idempotency-Key", idempotencyKey.Value);
        request.Timeout = connection.Timeout;

        var client = ClientFor(clientName, connection.BaseUrl);
        RestResponse response;
        try
        {
            response = await client.ExecuteAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return GatewayResult<T>.Failure(M3ErrorClassifier.FromException(e)) with { CorrelationId = correlationId };
        }
        cancellationToken.ThrowIfCancellationRequested();

        var status = (int)response.StatusCode;
        if (response.ResponseStatus == ResponseStatus.TimedOut || (response.ResponseStatus != ResponseStatus.Completed && status == 0))
        {
            var error = response.ResponseStatus == ResponseStatus.TimedOut
                ? new M3Error(M3ErrorCategory.Transient, null, [new M3ErrorDetail("TIMEOUT", null, $"timeout after {connection.Timeout.TotalSeconds:0.#} s")])
                : M3ErrorClassifier.FromException(response.ErrorException ?? new HttpRequestException(response.ErrorMessage ?? "The connection failed."));
            return GatewayResult<T>.Failure(error) with { CorrelationId = correlationId };
        }
        var answeredCorrelation = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "X-Correlation-Id", StringComparison.OrdinalIgnoreCase))?.Value?.ToString() ?? correlationId;
        if (response.StatusCode is >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous)
        {
            try
            {
                var value = JsonSerializer.Deserialize<T>(response.Content ?? "null", Json);
                if (value is null) throw new JsonException("The answer was empty.");
                var replayed = response.Headers?.Any(h => string.Equals(h.Name, "Idempotent-Replay", StringComparison.OrdinalIgnoreCase) && string.Equals(h.Value?.ToString(), "true", StringComparison.OrdinalIgnoreCase)) == true;
                return GatewayResult<T>.Success(value) with { HttpStatus = status, CorrelationId = answeredCorrelation, Replayed = replayed };
            }
            catch (JsonException e)
            {
                return GatewayResult<T>.Failure(new M3Error(M3ErrorCategory.Transient, status, [new M3ErrorDetail("UNREADABLE_RESPONSE", null, $"The answer could not be read: {e.Message}")]))
                    with { CorrelationId = answeredCorrelation };
            }
        }
        var retryAfter = RetryAfter(response);
        return GatewayResult<T>.Failure(M3ErrorClassifier.FromResponse(status, response.Content, retryAfter)) with { CorrelationId = answeredCorrelation };
    }

    private RestClient ClientFor(string name, Uri baseUrl)
    {
        var now = Environment.TickCount64;
        if (_clients.TryGetValue((name, baseUrl), out var cached) && now - cached.MadeAt < (long)ClientLifetime.TotalMilliseconds) return cached.Client;
        // The replaced client is left to the collector, not disposed: calls still under way on it finish normally.
        var client = new RestClient(handlers.CreateHandler(name), disposeHandler: false,
            options => options.BaseUrl = baseUrl,
            configureSerialization: s => s.UseSystemTextJson(Json));
        _clients[(name, baseUrl)] = (client, now);
        return client;
    }

    private static TimeSpan? RetryAfter(RestResponse response)
    {
        var header = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
        if (header is null) return null;
        if (int.TryParse(header, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(header, out var at) ? at - DateTimeOffset.UtcNow : null;
    }
}
