using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Formats;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Raises a worksheet in M3PP/Assure from the case and stores its reference in the chosen Reference.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Create a Worksheet in M3PP/Assure from the case; its reference is stored in the chosen Reference on the case.", DisplayName = "Create Worksheet")]
public sealed class CreateWorksheet(M3ppServices services) : M3IntegrationActivity<CreateWorksheetInput, CreateWorksheetRequest>(services)
{
    protected override string Operation => "CreateWorksheet";

    protected override DryRunRequest DryRunOf(CreateWorksheetRequest request) => DryRunRequest.For(request);

    protected override CallResult? Shortcut(IntegrationScope scope, CreateWorksheetInput input) => CreatedReference.Existing(scope, input.Reference);

    protected override async ValueTask<CreateWorksheetRequest> PrepareAsync(IntegrationScope scope, CreateWorksheetInput input, M3ppSettings settings, CancellationToken cancellationToken) =>
        await BuildAsync(scope, input, settings, cancellationToken);

    protected override async Task<CallResult> AttemptAsync(IntegrationScope scope, CreateWorksheetInput input, CreateWorksheetRequest request, M3ppSettings settings, CancellationToken cancellationToken)
    {
        var created = await Services.M3.CreateWorksheetAsync(request, CreatedReference.KeyFor(scope, input.Reference!), cancellationToken);
        if (created.IsSuccess)
            return await CreatedReference.StoreAsync(Services.Cxm, scope, input.Reference!, created.Value.Reference, created.Value, created, alreadyExisted: false, cancellationToken);
        // Another rule already raised an open worksheet of this task for the case: adopt it instead of failing.
        if (created.Error is { Category: ElsaM3.M3pp.Errors.M3ErrorCategory.Conflict, ExistingReference: { } existing })
            return await CreatedReference.StoreAsync(Services.Cxm, scope, input.Reference!, existing, null, created, alreadyExisted: true, cancellationToken);
        return Failure(created, "creating the worksheet");
    }

    private static async ValueTask<CreateWorksheetRequest> BuildAsync(IntegrationScope scope, CreateWorksheetInput input, M3ppSettings settings, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Reference)) scope.Problem("mandatory mapping 'Reference' is empty: choose the Reference that stores the worksheet reference.");
        var uprn = await scope.RequiredAsync(input.SubjectUprn, "Subject UPRN", ct);
        if (uprn is not null && !Uprn.TryParse(uprn, out _, out var uprnError)) scope.Problem($"mapping 'Subject UPRN': UPRN {uprnError}.");
        var department = scope.Code(await scope.RequiredAsync(input.DepartmentCode, "Department code", ct), "Department code");
        var application = scope.Code(await scope.RequiredAsync(input.ApplicationCode, "Application code", ct), "Application code");
        var taskGroup = scope.Code(await scope.RequiredAsync(input.TaskGroupCode, "Task Group code", ct), "Task Group code");
        var task = scope.Code(await scope.RequiredAsync(input.TaskCode, "Task code", ct), "Task code");
        var receivedText = await scope.RequiredAsync(input.ReceivedDateTime, "Date and time received", ct);
        string? received = null;
        if (receivedText is not null)
        {
            if (M3DateTime.TryParse(receivedText, out var at, out var error)) received = M3DateTime.Format(at);
            else scope.Problem($"mapping 'Date and time received': the value {error}.");
        }
        var surname = await scope.RenderAsync(input.ComplainantSurname, "Complainant surname", ct);
        var complainant = surname is null && input.ComplainantForename is null && input.ComplainantEmail is null ? null : new Complainant
        {
            Title = await scope.RenderAsync(input.ComplainantTitle, "Complainant title", ct),
            Forename = await scope.RenderAsync(input.ComplainantForename, "Complainant forename", ct),
            Surname = surname,
            Email = await scope.RenderAsync(input.ComplainantEmail, "Complainant email", ct),
            Telephone = await scope.RenderAsync(input.ComplainantTelephone, "Complainant telephone", ct),
            Address = input.ComplainantAddressFromPerson ? PersonAddress(scope) : null,
        };
        var additional = new Dictionary<string, string>();
        foreach (var (field, template) in input.AdditionalFields ?? [])
            if (await scope.RenderTemplateAsync(template, $"Worksheet field {field}", ct) is { } value) additional[field.Trim()] = value;
        return new CreateWorksheetRequest
        {
            DepartmentCode = department, ApplicationCode = application, TaskGroupCode = taskGroup, TaskCode = task,
            ReceivedDateTime = received,
            Subject = new WorksheetSubject { Uprn = uprn is not null && Uprn.TryParse(uprn, out var canonical, out _) ? canonical.Value.ToString() : uprn },
            Complainant = complainant,
            Description = await scope.RenderAsync(input.Description, "Description", ct),
            ReceivedMethod = await scope.RenderAsync(input.ReceivedMethod, "Received method", ct),
            ExternalReference = new ExternalReference(settings.ExternalReferenceField, scope.CaseReference),
            AdditionalFields = additional.Count > 0 ? additional : null,
        };
    }

    private static ComplainantAddress? PersonAddress(IntegrationScope scope)
    {
        if (scope.Case?.TryGetValue("person", out var p) != true || p is not IDictionary<string, object?> person) return null;
        if (!person.TryGetValue("address", out var a) || a is not IDictionary<string, object?> address) return null;
        string? Part(string name) => address.TryGetValue(name, out var v) && v?.ToString() is { Length: > 0 } text ? text : null;
        return new ComplainantAddress { Uprn = Part("uprn"), Saon = Part("saon"), Paon = Part("paon"), Street = Part("street"), Town = Part("town"), Postcode = Part("postcode") };
    }
}

public sealed class CreateWorksheetInput
{
    [Input(DisplayName = "Subject UPRN", Description = "Mandatory. The UPRN of the property the worksheet is about, e.g. {{ address.uprn }}.", DefaultSyntax = "Scriban", Order = 1)]
    public DeferredExpression? SubjectUprn { get; set; }

    [Input(DisplayName = "Department code", Description = "Mandatory; choose from M3's list or switch to a template. The M3 department, e.g. EH.", Order = 2, RefreshOptions = true)]
    public DeferredExpression? DepartmentCode { get; set; }

    [Input(DisplayName = "Application code", Description = "Mandatory; choose from M3's list or switch to a template. The M3 application, e.g. CEH.", Order = 3, RefreshOptions = true)]
    public DeferredExpression? ApplicationCode { get; set; }

    [Input(DisplayName = "Task Group code", Description = "Mandatory; choose from M3's list or switch to a template. The task group, e.g. EPENQ.", Order = 4, RefreshOptions = true)]
    public DeferredExpression? TaskGroupCode { get; set; }

    [Input(DisplayName = "Task code", Description = "Mandatory; choose from M3's list or switch to a template. The task (worksheet type), e.g. NOISE.", Order = 5, RefreshOptions = true)]
    public DeferredExpression? TaskCode { get; set; }

    [Input(DisplayName = "Date and time received", Description = "Mandatory. ISO 8601; without an offset it is Europe/London time, e.g. {{ dates.created }}.", DefaultSyntax = "Scriban", Order = 6)]
    public DeferredExpression? ReceivedDateTime { get; set; }

    [Input(DisplayName = "Complainant title", Description = "Optional, e.g. {{ person.title }}.", DefaultSyntax = "Scriban", Category = "Complainant", Order = 7)]
    public DeferredExpression? ComplainantTitle { get; set; }

    [Input(DisplayName = "Complainant forename", Description = "Optional, e.g. {{ person.forename }}.", DefaultSyntax = "Scriban", Category = "Complainant", Order = 8)]
    public DeferredExpression? ComplainantForename { get; set; }

    [Input(DisplayName = "Complainant surname", Description = "Needed for a named complainant, e.g. {{ person.surname }}; leave empty for an anonymous complaint.", DefaultSyntax = "Scriban", Category = "Complainant", Order = 9)]
    public DeferredExpression? ComplainantSurname { get; set; }

    [Input(DisplayName = "Complainant email", Description = "Optional, e.g. {{ person.email }}.", DefaultSyntax = "Scriban", Category = "Complainant", Order = 10)]
    public DeferredExpression? ComplainantEmail { get; set; }

    [Input(DisplayName = "Complainant telephone", Description = "Optional, e.g. {{ person.telephone }}.", DefaultSyntax = "Scriban", Category = "Complainant", Order = 11)]
    public DeferredExpression? ComplainantTelephone { get; set; }

    [Input(DisplayName = "Complainant address from linked person", Description = "Send the linked person's address as the complainant's address.", Category = "Complainant", Order = 12)]
    public bool ComplainantAddressFromPerson { get; set; } = true;

    [Input(Description = "Optional. The complaint, e.g. {{ fields[\"noise-description\"] }}.", DefaultSyntax = "Scriban", UIHint = "multiline", Order = 13)]
    public DeferredExpression? Description { get; set; }

    [Input(DisplayName = "Received method", Description = "Optional: how the complaint came in.", UIHint = "dropdown", Options = ["WEB", "PHONE", "EMAIL", "LETTER", "VISIT", "OTHER"], Order = 14)]
    public DeferredExpression? ReceivedMethod { get; set; }

    [Input(DisplayName = "Additional worksheet fields", Description = "Worksheet field code → template, e.g. {\"NOISETYPE\": \"{{ fields[\\\"noise-type\\\"] }}\"}.", UIHint = "json-editor", Order = 15)]
    public Dictionary<string, string>? AdditionalFields { get; set; }

    [Input(Description = "Mandatory. The Reference (e.g. m3-worksheet) that stores the new worksheet's reference on the case.", Order = 16)]
    public string? Reference { get; set; }
}
