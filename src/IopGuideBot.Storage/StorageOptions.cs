namespace IopGuideBot.Storage;

/// <summary>Settings bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default: one embedded file, one instance) or <c>Postgres</c> (several instances).</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is <c>Postgres</c>, ignored for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Directory of the SQLite file <c>iopguidebot.db</c>; relative paths resolve against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Transcripts, state and handoff PHI are deleted this many days after the conversation went quiet or closed.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    public const string SqliteFileName = "iopguidebot.db";

    internal StorageProvider ParsedProvider =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
            ? p
            : throw new InvalidOperationException(
                $"Storage:Provider '{Provider}' is not supported; use 'Sqlite' or 'Postgres'.");

    /// <summary>Returns the problems with these settings (empty when valid). Messages never echo secrets.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider)
            || int.TryParse(Provider, out _))
        {
            errors.Add($"Storage:Provider '{Provider}' is not supported; use 'Sqlite' or 'Postgres'.");
        }
        else if (provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add("Storage:Provider is 'Postgres' but Storage:ConnectionString is empty.");
        }
        else if (provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add("Storage:DataDirectory is empty.");
        }

        if (RetentionDays < 1)
        {
            errors.Add("Storage:RetentionDays must be at least 1.");
        }

        if (RetentionSweepInterval <= TimeSpan.Zero)
        {
            errors.Add("Storage:RetentionSweepInterval must be positive.");
        }

        return errors;
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
