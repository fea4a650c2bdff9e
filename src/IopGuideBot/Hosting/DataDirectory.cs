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
    /// Resolves the directory once, creates it, and writes the absolute path back into configuration so that storage,
    /// logging and understanding (<c>Understanding:CacheDirectory</c>, unless set) agree on it.
    /// </summary>
    public static string Resolve(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[ConfigurationKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(path);
        builder.Configuration[ConfigurationKey] = path;
        if (string.IsNullOrWhiteSpace(builder.Configuration[UnderstandingCacheKey]))
        {
            builder.Configuration[UnderstandingCacheKey] = path;
        }

        return path;
    }
}
