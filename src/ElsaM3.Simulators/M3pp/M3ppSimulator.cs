using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Formats;
using ElsaM3.Simulators.Storage;
using Microsoft.Extensions.Options;

namespace ElsaM3.Simulators.M3pp;

/// <summary>
/// M3PP behind HUBis, as the contract describes it (§6): seed data, every validation rule, idempotent creates
/// and duplicate detection. Records are journalled to the data folder and replayed at start.
/// </summary>
public sealed partial class M3ppSimulator : IDisposable
{
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);
    private readonly object _gate = new();
    private readonly Dictionary<long, Worksheet> _worksheets = [];
    // Lookups by reference and by external reference, so a create or a read costs the same with a million worksheets.
    private readonly Dictionary<string, long> _worksheetByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _worksheetsByExternalReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdempotentAnswer> _idempotency = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _sequenceByYear = [];
    private readonly JsonLinesJournal _journal;
    private readonly TimeProvider _time;
    private long _nextWorksheetId = M3ppSeed.FirstWorksheetId;
    private int _nextAssetNumber = M3ppSeed.FirstAssetNumber;

    public M3ppSimulator(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        _time = time;
        foreach (var asset in M3ppSeed.ExistingAssets()) _assets[asset.AssetKey] = asset;
        foreach (var worksheet in M3ppSeed.ExistingWorksheets()) Track(worksheet);
        var directory = options.Value.DataDirectory;
        _journal = new JsonLinesJournal(directory is null ? null : Path.Combine(directory, "simulators", "m3pp.jsonl"));
        foreach (var record in _journal.ReadAll()) Replay(record);
    }

    public IReadOnlyList<Worksheet> Worksheets { get { lock (_gate) return _worksheets.Values.ToList(); } }

    public IReadOnlyList<Asset> Assets { get { lock (_gate) return _assets.Values.ToList(); } }

    public Worksheet? FindWorksheet(long id) { lock (_gate) return _worksheets.GetValueOrDefault(id); }

    public Asset? FindAsset(string key) { lock (_gate) return _assets.GetValueOrDefault(key.Trim()); }

    public IReadOnlyList<Worksheet> FindWorksheets(string? reference, string? externalReference)
    {
        lock (_gate)
            return Candidates(reference?.Trim(), externalReference?.Trim())
                .Where(w => reference is null || w.Reference == reference.Trim())
                .Where(w => externalReference is null || w.ExternalReference?.Value == externalReference.Trim())
                .OrderBy(w => w.WorksheetId).ToList();
    }

    private IEnumerable<Worksheet> Candidates(string? reference, string? externalReference)
    {
        if (reference is not null)
            return _worksheetByReference.TryGetValue(reference, out var id) ? [_worksheets[id]] : [];
        if (externalReference is not null)
            return _worksheetsByExternalReference.TryGetValue(externalReference, out var ids) ? ids.Select(i => _worksheets[i]) : [];
        return _worksheets.Values;
    }

    public IReadOnlyList<Asset> FindAssets(string? uprn, string? assetType)
    {
        var canonical = ElsaM3.M3pp.Identifiers.Uprn.TryParse(uprn, out var parsed, out _) ? parsed.Value.ToString() : uprn;
        lock (_gate)
            return _assets.Values
                .Where(a => uprn is null || a.Location?.Uprn == canonical)
                .Where(a => assetType is null || a.AssetType == assetType.Trim())
                .OrderBy(a => a.AssetKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs a create under its idempotency key: a repeat with the same body gets the original answer.</summary>
    public SimAnswer Idempotent(string? key, string bodyHash, Func<SimAnswer> create)
    {
        if (string.IsNullOrEmpty(key)) { lock (_gate) return create(); }
        if (key.Length > 200) return SimAnswer.Invalid([new ErrorItem("INVALID_FORMAT", "Idempotency-Key", "Idempotency-Key is longer than 200 characters.")]);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_idempotency.TryGetValue(key, out var earlier) && now - earlier.At < IdempotencyWindow)
            {
                if (earlier.BodyHash != bodyHash)
                    return SimAnswer.Conflict("IDEMPOTENCY_KEY_REUSED", $"Idempotency-Key '{key}' was used before with a different body.");
                return earlier.Answer with { Replayed = true };
            }
            var answer = create();
            if (answer.Status < 500)
            {
                var stored = new IdempotentAnswer(bodyHash, answer, now);
                _idempotency[key] = stored;
                _journal.Append(new JsonObject
                {
                    ["idempotency"] = key, ["hash"] = bodyHash, ["at"] = now,
                    ["answer"] = JsonSerializer.SerializeToNode(answer, SimulatorApi.JsonOptions),
                });
            }
            return answer;
        }
    }

    /// <summary>
    /// Creates a worksheet (§6.4). Call inside <see cref="Idempotent"/>. A dry run validates the same way and answers
    /// 200 with the would-be worksheet, storing nothing.
    /// </summary>
    public SimAnswer CreateWorksheet(CreateWorksheetRequest request, bool dryRun = false)
    {
        var now = _time.GetUtcNow();
        var v = new M3ppValidation();
        var department = v.Code(request.DepartmentCode, "departmentCode", "Department code");
        if (department is not null && !M3ppSeed.Departments.Any(d => d.Code == department && d.Active))
            v.Add("UNKNOWN_DEPARTMENT", "departmentCode", $"Department '{department}' does not exist or is inactive.");
        var application = v.Code(request.ApplicationCode, "applicationCode", "Application code");
        var app = M3ppSeed.Applications.FirstOrDefault(a => a.Code == application);
        if (application is not null && app is null) v.Add("UNKNOWN_APPLICATION", "applicationCode", $"Application '{application}' does not exist.");
        else if (app is not null && department is not null && !app.Departments.Contains(department))
            v.Add("APPLICATION_NOT_IN_DEPARTMENT", "applicationCode", $"Application '{application}' is not assigned to department '{department}'.");
        var taskGroupCode = v.Code(request.TaskGroupCode, "taskGroupCode", "Task group code");
        var taskGroup = M3ppSeed.TaskGroups.FirstOrDefault(g => g.Code == taskGroupCode);
        if (taskGroupCode is not null && taskGroup is null) v.Add("UNKNOWN_TASK_GROUP", "taskGroupCode", $"Task group '{taskGroupCode}' does not exist.");
        else if (taskGroup is not null && application is not null && taskGroup.Application != application)
            v.Add("TASK_GROUP_NOT_IN_APPLICATION", "taskGroupCode", $"Task group '{taskGroupCode}' is not in application '{application}'.");
        var taskCode = v.Code(request.TaskCode, "taskCode", "Task code");
        var task = M3ppSeed.Tasks.FirstOrDefault(t => t.Code == taskCode);
        if (taskCode is not null && task is null)
        {
            if (taskGroupCode is not null && taskGroup is not null) v.Add("TASK_NOT_IN_TASK_GROUP", "taskCode", $"Task '{taskCode}' is not in task group '{taskGroupCode}'.");
            else v.Add("UNKNOWN_TASK", "taskCode", $"Task '{taskCode}' does not exist.");
        }
        else if (task is not null && taskGroupCode is not null && task.TaskGroup != taskGroupCode)
            v.Add("TASK_NOT_IN_TASK_GROUP", "taskCode", $"Task '{taskCode}' is not in task group '{taskGroupCode}'.");
        else if (task is { Active: false }) v.Add("TASK_INACTIVE", "taskCode", $"Task '{taskCode}' is inactive.");

        DateTimeOffset received = default;
        if (!M3DateTime.TryParse(request.ReceivedDateTime, out received, out var dateError))
            v.Add("INVALID_DATETIME", "receivedDateTime", $"Date and time received {dateError}.");
        else if (received > now.AddMinutes(5)) v.Add("DATE_IN_FUTURE", "receivedDateTime", "Date and time received is in the future.");
        else if (received < new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)) v.Add("DATE_TOO_OLD", "receivedDateTime", "Date and time received is before 1990-01-01.");

        M3ppSeed.Property? property = null;
        if (request.Subject?.Uprn is null) v.Add("INVALID_UPRN", "subject.uprn", "Subject UPRN is required.");
        else if (v.Uprn(request.Subject.Uprn, "subject.uprn", "Subject UPRN", out var subjectUprn))
        {
            property = M3ppSeed.Properties.FirstOrDefault(p => p.Uprn == subjectUprn);
            if (property is null) v.Add("UPRN_NOT_FOUND", "subject.uprn", $"UPRN {subjectUprn} is not in the gazetteer.");
        }
        ValidateComplainant(request.Complainant, v);
        v.MaxLength(request.Description, 4000, "description", "Description");
        if (request.ReceivedMethod is { } method && !M3ppSeed.ReceivedMethods.Contains(method.Trim()))
            v.Add("INVALID_VALUE", "receivedMethod", $"Received method '{method}' must be one of {string.Join(", ", M3ppSeed.ReceivedMethods)}.");
        if (request.ExternalReference is { } external)
        {
            if (string.IsNullOrWhiteSpace(external.FieldName) || !M3ppSeed.WorksheetFields.Any(f => f.Name == external.FieldName.Trim()))
                v.Add("UNKNOWN_WORKSHEET_FIELD", "externalReference.fieldName", $"Worksheet field '{external.FieldName}' does not exist.");
            if (external.Value is null || !M3ppValidation.IsExternalReference(external.Value.Trim()))
                v.Add("INVALID_FORMAT", "externalReference.value", "External reference must be 1-50 of A-Z, a-z, 0-9, '/', '_' and '-'.");
        }
        foreach (var (field, value) in request.AdditionalFields ?? [])
        {
            var known = M3ppSeed.WorksheetFields.FirstOrDefault(f => f.Name == field.Trim());
            if (known.Name is null) v.Add("UNKNOWN_WORKSHEET_FIELD", $"additionalFields.{field}", $"Worksheet field '{field}' does not exist.");
            else v.MaxLength(value, Math.Min(255, known.MaxLength), $"additionalFields.{field}", $"Worksheet field {field}");
        }
        if (!v.IsValid) return SimAnswer.Invalid(v.Errors);

        var externalValue = request.ExternalReference?.Value?.Trim();
        if (externalValue is not null
            && Candidates(null, externalValue).FirstOrDefault(w => w.Status == "OPEN" && w.TaskCode == taskCode && w.ExternalReference?.Value == externalValue) is { } duplicate)
            return SimAnswer.Conflict("DUPLICATE_WORKSHEET", $"An open {taskCode} worksheet for '{externalValue}' already exists: {duplicate.Reference}.", duplicate.Reference);

        var receivedDate = M3DateTime.LondonDate(received);
        var officer = M3ppSeed.Officers.First(o => o.Area == property!.Area);
        var area = M3ppSeed.Areas.First(a => a.Code == property!.Area);
        var sequence = _sequenceByYear.TryGetValue(receivedDate.Year, out var last) ? last + 1 : M3ppSeed.FirstWorksheetSequence;
        var worksheet = new Worksheet
        {
            WorksheetId = _nextWorksheetId,
            Reference = $"WK/{receivedDate.Year:D4}{sequence:D6}",
            DepartmentCode = department, ApplicationCode = application, TaskGroupCode = taskGroupCode, TaskCode = taskCode,
            TaskDescription = task!.Description,
            ReceivedDateTime = M3DateTime.Format(received),
            CreatedDateTime = M3DateTime.Format(now),
            TargetDate = M3DateTime.FormatDate(AddWorkingDays(receivedDate, task.TargetWorkingDays)),
            Officer = new CodeName(officer.Code, officer.Name),
            Area = new CodeDescription(area.Code, area.Description),
            Subject = new WorksheetSubject { Uprn = property!.Uprn, SingleLineAddress = property.Address, Usrn = property.Usrn, Ward = property.Ward },
            Complainant = request.Complainant,
            Description = request.Description,
            ReceivedMethod = request.ReceivedMethod?.Trim(),
            ExternalReference = request.ExternalReference is { } e ? new ExternalReference(e.FieldName!.Trim(), e.Value!.Trim()) : null,
            AdditionalFields = request.AdditionalFields,
        };
        if (dryRun) return new SimAnswer(200, WouldBe(worksheet, "worksheetId", "reference"));
        Store(worksheet);
        AddChange("worksheet", worksheet.Reference, "created", null, worksheet);
        return new SimAnswer(201, worksheet, $"/api/v1/worksheets/{worksheet.WorksheetId}");
    }

    /// <summary>Creates an asset (§6.5). Call inside <see cref="Idempotent"/>. A dry run stores nothing and answers 200.</summary>
    public SimAnswer CreateAsset(CreateAssetRequest request, bool dryRun = false)
    {
        var now = _time.GetUtcNow();
        var v = new M3ppValidation();
        var typeCode = v.Code(request.AssetType, "assetType", "Asset type");
        var type = M3ppSeed.AssetTypes.FirstOrDefault(t => t.Code == typeCode && t.Active);
        if (typeCode is not null && type is null) v.Add("UNKNOWN_ASSET_TYPE", "assetType", $"Asset type '{typeCode}' does not exist or is inactive.");
        var section = v.Code(request.SectionCode, "sectionCode", "Section");
        if (section is not null && !M3ppSeed.Sections.Any(s => s.Code == section)) v.Add("UNKNOWN_SECTION", "sectionCode", $"Section '{section}' does not exist.");
        else if (section is not null && type is not null && !type.AllowedSections.Contains(section))
            v.Add("SECTION_NOT_ALLOWED_FOR_ASSET_TYPE", "sectionCode", $"Section '{section}' is not allowed for asset type '{typeCode}' (allowed: {string.Join(", ", type.AllowedSections)}).");

        var location = ValidateLocation(request.Location, type, v);
        var attributes = ValidateAttributes(request.Attributes, type, v, requireMandatory: true, "attributes");
        v.MaxLength(request.Description, 255, "description", "Description");
        if (request.StartDate is { } start && (!M3DateTime.TryParseDate(start, out var startDate) || startDate > M3DateTime.LondonDate(now).AddYears(1)))
            v.Add("INVALID_DATE", "startDate", $"Start date '{start}' must be a date (YYYY-MM-DD) at most a year ahead.");
        if (!v.IsValid) return SimAnswer.Invalid(v.Errors);

        while (_assets.ContainsKey(AssetKeyOf(_nextAssetNumber))) _nextAssetNumber++;
        var asset = new Asset
        {
            AssetKey = AssetKeyOf(_nextAssetNumber),
            AssetType = typeCode!,
            SectionCode = section,
            Location = location,
            Description = request.Description,
            StartDate = request.StartDate?.Trim(),
            ExternalReference = request.ExternalReference,
            Attributes = attributes,
            CreatedDateTime = M3DateTime.Format(now),
        };
        if (dryRun) return new SimAnswer(200, WouldBe(asset, "assetKey"));
        Store(asset);
        AddChange("asset", asset.AssetKey, "created", null, asset);
        return new SimAnswer(201, asset, $"/api/v1/assets/{asset.AssetKey}");
    }

    /// <summary>Updates attributes of every asset of a type at a property, or of listed assets; all or nothing (§6.6).</summary>
    public SimAnswer UpdateAttributes(AttributeUpdateRequest request, bool dryRun = false)
    {
        lock (_gate)
        {
            var v = new M3ppValidation();
            List<Asset> targets = [];
            IReadOnlyList<string>? missing = null;
            switch (request.Mode)
            {
                case AttributeUpdateRequest.PropertyAssetTypeMode:
                    var type = v.Code(request.AssetType, "assetType", "Asset type");
                    if (request.Uprn is null) v.Add("REQUIRED", "uprn", "UPRN is required.");
                    else if (v.Uprn(request.Uprn, "uprn", "UPRN", out var uprn) && type is not null)
                    {
                        targets = _assets.Values.Where(a => a.Location?.Uprn == uprn && a.AssetType == type).OrderBy(a => a.AssetKey, StringComparer.Ordinal).ToList();
                        if (targets.Count == 0) v.Add("NO_MATCHING_ASSETS", "uprn", $"There are no {type} assets at UPRN {uprn}.");
                    }
                    break;
                case AttributeUpdateRequest.AssetKeysMode:
                    var keys = (request.AssetKeys ?? []).Select(k => k?.Trim() ?? "").ToList();
                    if (keys.Count is 0 or > 50) v.Add(keys.Count == 0 ? "REQUIRED" : "INVALID_VALUE", "assetKeys", "Between 1 and 50 asset keys are required.");
                    foreach (var key in keys.Where(k => !M3ppValidation.IsAssetKey(k)))
                        v.Add("INVALID_FORMAT", "assetKeys", $"Asset key '{key}' is not in the form AS00012345.");
                    var absent = keys.Where(k => M3ppValidation.IsAssetKey(k) && !_assets.ContainsKey(k)).ToList();
                    if (absent.Count > 0)
                    {
                        v.Add("ASSET_NOT_FOUND", "assetKeys", $"Assets not found: {string.Join(", ", absent)}.");
                        missing = absent;
                    }
                    targets = keys.Distinct().Where(_assets.ContainsKey).Select(k => _assets[k]).ToList();
                    break;
                case null:
                    v.Add("REQUIRED", "mode", "Mode is required (propertyAssetType or assetKeys).");
                    break;
                default:
                    v.Add("INVALID_VALUE", "mode", $"Mode '{request.Mode}' must be propertyAssetType or assetKeys.");
                    break;
            }
            if (request.Attributes is not { Count: > 0 }) v.Add("REQUIRED", "attributes", "At least one attribute is required.");
            foreach (var group in targets.GroupBy(t => t.AssetType))
                ValidateAttributes(request.Attributes, M3ppSeed.AssetTypes.First(t => t.Code == group.Key), v, requireMandatory: false, "attributes");
            if (!v.IsValid) return SimAnswer.Invalid(v.Errors, missing);

            var updated = new List<UpdatedAsset>();
            foreach (var asset in targets)
            {
                var attributes = asset.Attributes.ToList();
                foreach (var change in request.Attributes!)
                {
                    attributes.RemoveAll(a => a.Code == change.Code!.Trim());
                    attributes.Add(new AttributeValue(change.Code!.Trim(), change.Value?.Trim()));
                }
                if (!dryRun)
                {
                    Store(asset with { Attributes = attributes });
                    var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
                    foreach (var change in request.Attributes!)
                        fields[change.Code!.Trim()] = new FieldChange(asset.Attributes.FirstOrDefault(x => x.Code == change.Code!.Trim())?.Value, change.Value?.Trim());
                    AddChange("asset", asset.AssetKey, "updated", fields, asset with { Attributes = attributes });
                }
                updated.Add(new UpdatedAsset(asset.AssetKey, asset.AssetType, request.Attributes!.Select(a => a.Code!.Trim()).ToList()));
            }
            return new SimAnswer(200, new AttributeUpdateResult(request.Mode!, targets.Count, updated));
        }
    }

    /// <summary>A dry run's record: as it would be created, without the identity only a real create assigns.</summary>
    private static System.Text.Json.Nodes.JsonObject WouldBe(object record, params string[] unassigned)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(record, SimulatorApi.JsonOptions)!.AsObject();
        foreach (var name in unassigned) json[name] = null;
        return json;
    }

    private AssetLocation? ValidateLocation(AssetLocation? location, M3ppSeed.AssetType? type, M3ppValidation v)
    {
        var given = new[] { ("uprn", location?.Uprn), ("ukey", location?.Ukey), ("siteKey", location?.SiteKey) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).ToList();
        if (given.Count == 0)
        {
            v.Add("LOCATION_REQUIRED", "location", "Exactly one of location.uprn, location.ukey or location.siteKey is required.");
            return null;
        }
        if (given.Count > 1)
        {
            v.Add("LOCATION_AMBIGUOUS", "location", $"Only one location may be given, not {string.Join(" and ", given.Select(g => g.Item1))}.");
            return null;
        }
        var (kind, value) = given[0];
        if (type is not null && !type.LocationKinds.Contains(kind))
            v.Add("LOCATION_KIND_NOT_ALLOWED", $"location.{kind}", $"Asset type '{type.Code}' cannot be located by {kind} (allowed: {string.Join(", ", type.LocationKinds)}).");
        switch (kind)
        {
            case "uprn":
                if (!v.Uprn(value, "location.uprn", "Location UPRN", out var uprn)) return null;
                var property = M3ppSeed.Properties.FirstOrDefault(p => p.Uprn == uprn);
                if (property is null) { v.Add("UPRN_NOT_FOUND", "location.uprn", $"UPRN {uprn} is not in the gazetteer."); return null; }
                return new AssetLocation { Uprn = uprn, Description = property.Address, Usrn = property.Usrn };
            case "ukey":
                if (!M3ppValidation.IsAssetKey(value)) { v.Add("INVALID_FORMAT", "location.ukey", $"Asset UKey '{value}' is not in the form AS00012345."); return null; }
                if (!_assets.TryGetValue(value!.Trim(), out var parent)) { v.Add("UKEY_NOT_FOUND", "location.ukey", $"Asset '{value}' does not exist."); return null; }
                return new AssetLocation { Ukey = parent.AssetKey, Description = parent.Location?.Description, Usrn = parent.Location?.Usrn };
            default:
                if (!M3ppValidation.IsSiteKey(value)) { v.Add("INVALID_FORMAT", "location.siteKey", $"Site key '{value}' is not in the form ST00004512."); return null; }
                var site = M3ppSeed.Sites.FirstOrDefault(s => s.SiteKey == value!.Trim());
                if (site is null) { v.Add("SITE_NOT_FOUND", "location.siteKey", $"Site '{value!.Trim()}' does not exist."); return null; }
                return new AssetLocation { SiteKey = site.SiteKey, Description = site.Description, Usrn = site.Usrn };
        }
    }

    private List<AttributeValue> ValidateAttributes(List<AttributeValue>? attributes, M3ppSeed.AssetType? type, M3ppValidation v, bool requireMandatory, string field)
    {
        var result = new List<AttributeValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var today = M3DateTime.LondonDate(_time.GetUtcNow());
        foreach (var attribute in attributes ?? [])
        {
            var code = attribute.Code?.Trim() ?? "";
            if (!seen.Add(code)) { v.Add("DUPLICATE_ATTRIBUTE", $"{field}.{code}", $"Attribute {code} is given more than once."); continue; }
            if (type is null) continue;
            var definition = type.Attributes.FirstOrDefault(a => a.Code == code);
            if (definition is null) { v.Add("UNKNOWN_ATTRIBUTE", $"{field}.{code}", $"Attribute '{code}' is not defined for asset type '{type.Code}'."); continue; }
            v.AttributeValue(definition, attribute.Value, $"{field}.{code}", today);
            result.Add(new AttributeValue(code, attribute.Value?.Trim()));
        }
        if (requireMandatory && type is not null)
            foreach (var required in type.Attributes.Where(a => a.Required && !seen.Contains(a.Code)))
                v.Add("MISSING_REQUIRED_ATTRIBUTE", $"{field}.{required.Code}", $"Attribute {required.Code} is required for asset type '{type.Code}'.");
        return result;
    }

    private static void ValidateComplainant(Complainant? complainant, M3ppValidation v)
    {
        if (complainant is null) return;
        if (string.IsNullOrWhiteSpace(complainant.Surname)) v.Add("INVALID_FORMAT", "complainant.surname", "Complainant surname is required when a complainant is given.");
        v.MaxLength(complainant.Surname, 50, "complainant.surname", "Complainant surname");
        v.MaxLength(complainant.Forename, 50, "complainant.forename", "Complainant forename");
        v.MaxLength(complainant.Title, 20, "complainant.title", "Complainant title");
        if (!string.IsNullOrEmpty(complainant.Email))
        {
            v.MaxLength(complainant.Email, 254, "complainant.email", "Complainant email");
            if (!M3ppValidation.IsEmail(complainant.Email)) v.Add("INVALID_FORMAT", "complainant.email", $"Complainant email '{complainant.Email}' is not an email address.");
        }
        if (!string.IsNullOrEmpty(complainant.Telephone) && !M3ppValidation.IsTelephone(complainant.Telephone))
            v.Add(complainant.Telephone.Length > 20 ? "TOO_LONG" : "INVALID_FORMAT", "complainant.telephone", "Complainant telephone must be at most 20 of 0-9, space, +, (, ) and -.");
        if (complainant.Address?.Uprn is { Length: > 0 } uprn) v.Uprn(uprn, "complainant.address.uprn", "Complainant address UPRN", out _);
    }

    private void Store(Worksheet worksheet)
    {
        Track(worksheet);
        _journal.Append(new JsonObject { ["worksheet"] = JsonSerializer.SerializeToNode(worksheet, SimulatorApi.JsonOptions) });
    }

    private void Store(Asset asset)
    {
        _assets[asset.AssetKey] = asset;
        _journal.Append(new JsonObject { ["asset"] = JsonSerializer.SerializeToNode(asset, SimulatorApi.JsonOptions) });
    }

    private void Track(Worksheet worksheet)
    {
        _worksheets[worksheet.WorksheetId] = worksheet;
        _worksheetByReference[worksheet.Reference] = worksheet.WorksheetId;
        if (worksheet.ExternalReference?.Value?.Trim() is { } external)
        {
            if (!_worksheetsByExternalReference.TryGetValue(external, out var ids)) _worksheetsByExternalReference[external] = ids = [];
            if (!ids.Contains(worksheet.WorksheetId)) ids.Add(worksheet.WorksheetId);
        }
        _nextWorksheetId = Math.Max(_nextWorksheetId, worksheet.WorksheetId + 1);
        var year = int.Parse(worksheet.Reference.AsSpan(3, 4), CultureInfo.InvariantCulture);
        var sequence = int.Parse(worksheet.Reference.AsSpan(7), CultureInfo.InvariantCulture);
        _sequenceByYear[year] = Math.Max(_sequenceByYear.GetValueOrDefault(year), sequence);
    }

    private void Replay(JsonObject record)
    {
        if (record["worksheet"] is { } worksheet) Track(worksheet.Deserialize<Worksheet>(SimulatorApi.JsonOptions)!);
        else if (record["change"] is { } change) ReplayChange(change);
        else if (record["deletedWorksheet"] is { } deleted) ReplayDeletion(deleted);
        else if (record["asset"] is { } asset)
        {
            var parsed = asset.Deserialize<Asset>(SimulatorApi.JsonOptions)!;
            _assets[parsed.AssetKey] = parsed;
        }
        else if (record["idempotency"] is { } key)
        {
            var answer = record["answer"]!.Deserialize<SimAnswer>(SimulatorApi.JsonOptions)!;
            _idempotency[key.GetValue<string>()] = new IdempotentAnswer(record["hash"]!.GetValue<string>(), answer, record["at"]!.GetValue<DateTimeOffset>());
        }
    }

    private static DateOnly AddWorkingDays(DateOnly date, int days)
    {
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return date;
    }

    private static string AssetKeyOf(int number) => $"AS{number:D8}";

    public void Dispose() => _journal.Dispose();

    private sealed record IdempotentAnswer(string BodyHash, SimAnswer Answer, DateTimeOffset At);
}
