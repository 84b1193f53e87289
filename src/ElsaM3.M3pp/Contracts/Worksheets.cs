namespace ElsaM3.M3pp.Contracts;

/// <summary><c>POST /worksheets</c> (HUBis contract §6.4).</summary>
public sealed record CreateWorksheetRequest
{
    public string? DepartmentCode { get; init; }
    public string? ApplicationCode { get; init; }
    public string? TaskGroupCode { get; init; }
    public string? TaskCode { get; init; }
    public string? ReceivedDateTime { get; init; }
    public WorksheetSubject? Subject { get; init; }
    public Complainant? Complainant { get; init; }
    public string? Description { get; init; }
    public string? ReceivedMethod { get; init; }
    public ExternalReference? ExternalReference { get; init; }
    public Dictionary<string, string>? AdditionalFields { get; init; }
}

public sealed record WorksheetSubject
{
    public string? Uprn { get; init; }
    public string? SingleLineAddress { get; init; }
    public string? Usrn { get; init; }
    public string? Ward { get; init; }
}

public sealed record Complainant
{
    public string? Title { get; init; }
    public string? Forename { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? Telephone { get; init; }
    public ComplainantAddress? Address { get; init; }
}

public sealed record ComplainantAddress
{
    public string? Uprn { get; init; }
    public string? Saon { get; init; }
    public string? Paon { get; init; }
    public string? Street { get; init; }
    public string? Town { get; init; }
    public string? Postcode { get; init; }
}

public sealed record ExternalReference(string? FieldName, string? Value);

/// <summary>A worksheet as M3 returns it.</summary>
public sealed record Worksheet
{
    public long WorksheetId { get; init; }
    public required string Reference { get; init; }
    public string? DepartmentCode { get; init; }
    public string? ApplicationCode { get; init; }
    public string? TaskGroupCode { get; init; }
    public string? TaskCode { get; init; }
    public string? TaskDescription { get; init; }
    public string Status { get; init; } = "OPEN";
    public string? ReceivedDateTime { get; init; }
    public string? CreatedDateTime { get; init; }
    public string? TargetDate { get; init; }
    public CodeName? Officer { get; init; }
    public CodeDescription? Area { get; init; }
    public WorksheetSubject? Subject { get; init; }
    public Complainant? Complainant { get; init; }
    public string? Description { get; init; }
    public string? ReceivedMethod { get; init; }
    public ExternalReference? ExternalReference { get; init; }
    public Dictionary<string, string>? AdditionalFields { get; init; }

    /// <summary>What officers did on it in M3 (§6.10).</summary>
    public List<WorksheetAction>? Actions { get; init; }
    public string? ClosedDateTime { get; init; }

    /// <summary><c>ABATED</c>, <c>NO_FURTHER_ACTION</c>, <c>FORMAL_ACTION</c>, <c>DUPLICATE</c> or <c>OTHER</c>.</summary>
    public string? ClosureReason { get; init; }
    public string? ClosureNote { get; init; }
}

/// <summary>An action an officer took on a worksheet in M3.</summary>
public sealed record WorksheetAction(string Code, string? Description, string? Officer, string DoneAt);

public sealed record CodeName(string Code, string Name);

public sealed record CodeDescription(string Code, string Description);

public sealed record WorksheetField(string Name, string Label, int MaxLength);

public sealed record WorksheetFieldList(IReadOnlyList<WorksheetField> Fields);
