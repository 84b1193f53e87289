using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.Server.Tests.Support;

/// <summary>Calls the Elsa API the way Studio does.</summary>
public static class ApiClient
{
    public const string Api = "/elsa/api";

    public static async Task<JsonObject> PublishAsync(this HttpClient client, string definitionJson)
    {
        var response = await client.PostAsJsonAsync($"{Api}/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(definitionJson), ["publish"] = true });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonNode.Parse(body)!["workflowDefinition"]!.AsObject();
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> InstanceAsync(this HttpClient client, string id) => await client.GetJsonAsync($"{Api}/workflow-instances/{id}");

    /// <summary>Polls until the instance reaches <paramref name="subStatus"/> (the scheduler and dispatcher work in the background).</summary>
    public static async Task<JsonObject> WaitForAsync(this HttpClient client, string id, string subStatus, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var response = await client.GetAsync($"{Api}/workflow-instances/{id}");
            if (response.IsSuccessStatusCode)
            {
                var instance = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                if (instance["subStatus"]!.GetValue<string>() == subStatus) return instance;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Instance {id} is {instance["subStatus"]}, not {subStatus}: {instance.ToJsonString()}");
            }
            else if (DateTime.UtcNow > deadline) throw new TimeoutException($"Instance {id} not found.");
            await Task.Delay(50);
        }
    }

    public static string[] EventsOf(JsonObject journal) =>
        journal["items"]!.AsArray().Select(i => $"{i!["activityId"]}:{i["eventName"]}").ToArray();

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
