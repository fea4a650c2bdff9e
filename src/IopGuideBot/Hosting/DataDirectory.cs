using System.Runtime.InteropServices;
using IopGuideBot.Storage;

namespace IopGuideBot.Hosting;

/// <summary>
/// Where the service keeps its database, logs and cached example embeddings: <c>Storage:DataDirectory</c>, relative to
/// the content root.
/// </summary>
public static class DataDirectory
{
    public const string ConfigurationKey = "Storage:DataDirectory";

    private const string UnderstandingCacheKey = "Understanding:CacheDirectory";

    /// <summary>
    /// Resolves the directory once, creates it owner-only (0700; what an older version left readable is tightened), and
    /// writes the absolute path back into configuration so that storage, logging and understanding
    /// (<c>Understanding:CacheDirectory</c>, unless set) agree on it. From here on every file the process creates
    /// (database, WAL, logs, the example-embedding cache) is owner-only too.
    /// </summary>
    public static string Resolve(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[ConfigurationKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, builder.Environment.ContentRootPath);
        RestrictNewFilesToOwner();
        OwnerOnly.CreateDirectory(path);
        OwnerOnly.Restrict(path);
        builder.Configuration[ConfigurationKey] = path;
        if (string.IsNullOrWhiteSpace(builder.Configuration[UnderstandingCacheKey]))
        {
            builder.Configuration[UnderstandingCacheKey] = path;
        }

        return path;
    }

    // The process umask: rolled log files and SQLite's journals are created by code we do not call with a mode.
    private static void RestrictNewFilesToOwner()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = SetUmask(0b000_111_111); // 077: nothing for group and others
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetUmask(uint mask);
}
