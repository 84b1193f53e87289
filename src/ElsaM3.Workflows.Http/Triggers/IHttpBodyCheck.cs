namespace ElsaM3.Workflows.Http.Triggers;

/// <summary>
/// A trigger that checks a request body before a workflow instance exists for it: any problem answers 400 with the
/// problems listed, and nothing is started or stored.
/// </summary>
public interface IHttpBodyCheck
{
    IReadOnlyList<string> CheckBody(object? body);
}
