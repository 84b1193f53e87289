namespace ElsaM3.Simulators.M3pp;

/// <summary>The fictional Anytown data of the HUBis contract §6.9.</summary>
public static class M3ppSeed
{
    public sealed record Department(string Code, string Description, bool Active = true);
    public sealed record Application(string Code, string Description, string[] Departments);
    public sealed record TaskGroup(string Code, string Description, string Application);
    public sealed record TaskType(string Code, string Description, string TaskGroup, int TargetWorkingDays, bool Active = true);
    public sealed record Property(string Uprn, string Address, string Usrn, string Area, string Ward);
    public sealed record Site(string SiteKey, string Description, string Usrn);
    public sealed record Officer(string Code, string Name, string Area);
    public sealed record Area(string Code, string Description);
    public sealed record AttributeDefinition(string Code, string Description, string DataType, bool Required = false,
        int? MaxLength = null, decimal? Min = null, decimal? Max = null, string[]? AllowedValues = null);
    public sealed record AssetType(string Code, string Description, string[] AllowedSections, string[] LocationKinds, AttributeDefinition[] Attributes, bool Active = true);

    public static readonly Department[] Departments =
    [
        new("EH", "Environmental Health"),
        new("ENV", "Environmental Services"),
        new("LIC", "Licensing"),
    ];

    public static readonly Application[] Applications =
    [
        new("CEH", "Complaints - EH", ["EH", "ENV"]),
        new("LIC", "Licensing", ["LIC"]),
    ];

    public static readonly TaskGroup[] TaskGroups =
    [
        new("EPENQ", "Enquiries - EP", "CEH"),
        new("FSENQ", "Enquiries - Food & Safety", "CEH"),
        new("PESTENQ", "Enquiries - Pests", "CEH"),
        new("STENQ", "Enquiries - Street scene", "CEH"),
        new("LICPREM", "Premises licences", "LIC"),
    ];

    public static readonly TaskType[] Tasks =
    [
        new("NOISE", "Noise - domestic", "EPENQ", 5),
        new("NOISEC", "Noise - commercial", "EPENQ", 5),
        new("ODOUR", "Odour", "EPENQ", 5),
        new("BONFIRE", "Smoke/bonfire", "EPENQ", 5),
        new("FOODCMP", "Food complaint", "FSENQ", 3),
        new("FOODPOIS", "Suspected food poisoning", "FSENQ", 1),
        new("HSACC", "Workplace accident", "FSENQ", 3),
        new("RATS", "Rats", "PESTENQ", 1),
        new("MICE", "Mice", "PESTENQ", 5),
        new("WASPS", "Wasps", "PESTENQ", 2),
        new("BEDBUG", "Bedbugs", "PESTENQ", 5),
        new("FLYTIP", "Fly-tipping", "STENQ", 2),
        new("LITTER", "Litter", "STENQ", 5),
        new("LAPRE", "Premises licence application", "LICPREM", 28),
    ];

    public static readonly (string Name, string Label, int MaxLength)[] WorksheetFields =
    [
        ("EXTREF", "External reference", 50),
        ("NOISETYPE", "Noise type", 255),
        ("ONGOING", "Ongoing", 255),
        ("PESTTYPE", "Pest type", 255),
        ("BUSNAME", "Business name", 255),
        ("WASTETYPE", "Waste type", 255),
        ("TIPSIZE", "Fly-tip size", 255),
    ];

    public static readonly string[] ReceivedMethods = ["WEB", "PHONE", "EMAIL", "LETTER", "VISIT", "OTHER"];

    public static readonly (string Code, string Description)[] Sections =
    [
        ("WASTE", "Waste & recycling"),
        ("STCLEAN", "Street cleansing"),
        ("FOOD", "Food safety"),
    ];

    public static readonly AssetType[] AssetTypes =
    [
        new("WBIN", "Wheeled bin", ["WASTE"], ["uprn", "ukey"],
        [
            new("STREAM", "Waste stream", "CODE", Required: true, AllowedValues: ["REFUSE", "RECYC", "GARDEN", "FOOD"]),
            new("BINSIZE", "Bin size (litres)", "CODE", Required: true, AllowedValues: ["140", "240", "360", "660", "770", "1100"]),
            new("BINCOL", "Bin colour", "CODE", AllowedValues: ["BLACK", "BLUE", "GREEN", "BROWN"]),
            new("ASSIST", "Assisted collection", "BOOLEAN"),
            new("COLLPT", "Collection point", "TEXT", MaxLength: 100),
            new("COLLDAY", "Collection day", "CODE", AllowedValues: ["MON", "TUE", "WED", "THU", "FRI"]),
            new("DELDATE", "Delivery date", "DATE"),
        ]),
        new("LBIN", "Litter bin", ["STCLEAN"], ["siteKey", "uprn"],
        [
            new("CAPACITY", "Capacity (litres)", "NUMBER", Required: true, Min: 30, Max: 1100),
            new("MOUNT", "Mounting", "CODE", Required: true, AllowedValues: ["POST", "WALL", "FREE"]),
            new("EMPTYFREQ", "Emptying frequency", "CODE", AllowedValues: ["DAILY", "ALTDAY", "WEEKLY"]),
            new("INSTDATE", "Installation date", "DATE"),
        ]),
        new("DBIN", "Dog waste bin", ["STCLEAN"], ["siteKey", "uprn"],
        [
            new("CAPACITY", "Capacity (litres)", "NUMBER"),
            new("MOUNT", "Mounting", "CODE", AllowedValues: ["POST", "WALL", "FREE"]),
        ]),
        new("FOODPREM", "Food premises", ["FOOD"], ["uprn"],
        [
            new("FHRS", "Food hygiene rating", "CODE", AllowedValues: ["0", "1", "2", "3", "4", "5", "AWAIT"]),
            new("RISKCAT", "Risk category", "CODE", AllowedValues: ["A", "B", "C", "D", "E"]),
        ]),
    ];

    public static readonly Property[] Properties =
    [
        new("100091234567", "Flat 2, 14 Orchard Way, Anytown, AN1 2BD", "29100456", "NORTH", "Orchard"),
        new("100091234568", "12 Orchard Way, Anytown, AN1 2BD", "29100456", "NORTH", "Orchard"),
        new("100091234570", "3 Mill Lane, Anytown, AN2 4DE", "29100512", "SOUTH", "Millbrook"),
        new("100091234571", "14 High Street, Anytown, AN1 1AA", "29100789", "CENTRAL", "Market"),
    ];

    public static readonly Area[] Areas =
    [
        new("NORTH", "North area"),
        new("SOUTH", "South area"),
        new("CENTRAL", "Central area"),
    ];

    public static readonly Site[] Sites = [new("ST00004512", "High Street (north side), Anytown", "29100789")];

    public static readonly Officer[] Officers =
    [
        new("JSMITH", "Jo Smith", "NORTH"),
        new("AKHAN", "Ali Khan", "SOUTH"),
        new("RLEE", "Rosa Lee", "CENTRAL"),
    ];

    public static IEnumerable<ElsaM3.M3pp.Contracts.Asset> ExistingAssets() =>
    [
        new() { AssetKey = "AS00012345", AssetType = "WBIN", SectionCode = "WASTE", Location = new() { Uprn = "100091234570", Description = "3 Mill Lane, Anytown, AN2 4DE", Usrn = "29100512" },
            Attributes = [new("STREAM", "REFUSE"), new("BINSIZE", "240"), new("BINCOL", "BLACK")], CreatedDateTime = "2020-01-06T09:00:00+00:00" },
        new() { AssetKey = "AS00012347", AssetType = "WBIN", SectionCode = "WASTE", Location = new() { Uprn = "100091234570", Description = "3 Mill Lane, Anytown, AN2 4DE", Usrn = "29100512" },
            Attributes = [new("STREAM", "RECYC"), new("BINSIZE", "240"), new("BINCOL", "BLUE")], CreatedDateTime = "2020-01-06T09:00:00+00:00" },
    ];

    /// <summary>
    /// Worksheets officers have already worked (2024, so the 2025 numbering is untouched): allocated, in progress with an
    /// action, and closed, for the two-way samples and the simulator's officer controls.
    /// </summary>
    public static IEnumerable<ElsaM3.M3pp.Contracts.Worksheet> ExistingWorksheets() =>
    [
        new() { WorksheetId = 884101, Reference = "WK/2024000011", DepartmentCode = "EH", ApplicationCode = "CEH", TaskGroupCode = "EPENQ", TaskCode = "NOISE",
            TaskDescription = "Noise nuisance", Status = "ALLOCATED", ReceivedDateTime = "2024-11-04T18:20:00+00:00", CreatedDateTime = "2024-11-04T18:21:03+00:00",
            TargetDate = "2024-11-11", Officer = new("JSMITH", "Jo Smith"), Description = "Dog barking through the night.",
            ExternalReference = new("EXTREF", "101004500011") },
        new() { WorksheetId = 884102, Reference = "WK/2024000012", DepartmentCode = "EH", ApplicationCode = "CEH", TaskGroupCode = "EPENQ", TaskCode = "NOISE",
            TaskDescription = "Noise nuisance", Status = "IN_PROGRESS", ReceivedDateTime = "2024-11-05T09:00:00+00:00", CreatedDateTime = "2024-11-05T09:00:41+00:00",
            TargetDate = "2024-11-12", Officer = new("AKHAN", "Ali Khan"), Description = "Building work before 8am.",
            ExternalReference = new("EXTREF", "101004500012"),
            Actions = [new("VISIT", "Visited the site", "AKHAN", "2024-11-06T10:15:00+00:00")] },
        new() { WorksheetId = 884103, Reference = "WK/2024000013", DepartmentCode = "EH", ApplicationCode = "CEH", TaskGroupCode = "EPENQ", TaskCode = "NOISE",
            TaskDescription = "Noise nuisance", Status = "CLOSED", ReceivedDateTime = "2024-10-01T21:00:00+00:00", CreatedDateTime = "2024-10-01T21:00:12+00:00",
            TargetDate = "2024-10-08", Officer = new("RLEE", "Rosa Lee"), Description = "Loud music from a garden party.",
            ExternalReference = new("EXTREF", "101004500013"), ClosedDateTime = "2024-10-09T12:00:00+00:00", ClosureReason = "ABATED",
            ClosureNote = "The party ended; no further complaints." },
    ];

    /// <summary>The first worksheet sequence number of a year (so the first 2025 worksheet is <c>WK/2025000123</c>).</summary>
    public const int FirstWorksheetSequence = 123;
    public const long FirstWorksheetId = 884213;
    public const int FirstAssetNumber = 12346;
}
