namespace ElsaM3.Identity.Secrets;

/// <summary>Files only the server's own user may read: folders 700, files 600 (on Unix; Windows keeps its ACLs).</summary>
public static class SecretFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateFolder(string directory)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyFolder);
            File.SetUnixFileMode(directory, OwnerOnlyFolder);
        }
    }

    /// <summary>Writes <paramref name="text"/> to a new file that is owner-only from its first byte.</summary>
    public static void Write(string path, string text)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(text);
    }

    /// <summary>Makes a folder and everything in it owner-only (the database and its WAL, keys, hashes).</summary>
    public static void Restrict(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory)) return;
        File.SetUnixFileMode(directory, OwnerOnlyFolder);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            File.SetUnixFileMode(entry.FullName, entry is DirectoryInfo ? OwnerOnlyFolder : OwnerOnlyFile);
    }
}
