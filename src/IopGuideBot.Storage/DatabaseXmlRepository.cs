using System.Collections.ObjectModel;
using System.Xml.Linq;
using IopGuideBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace IopGuideBot.Storage;

/// <summary>
/// Keeps the Data Protection key ring in the database, so every instance encrypts and decrypts with the same keys.
/// Keys are never deleted here (deleting one makes what it protected unreadable).
/// </summary>
/// <remarks>
/// The keys sit in the same database as the data they protect, so a stolen database file includes them. Where that
/// matters, the host adds key encryption (<c>ProtectKeysWithCertificate</c>) on top of this repository.
/// </remarks>
public sealed class DatabaseXmlRepository : IXmlRepository
{
    private readonly StorageDatabase _db;
    private readonly TimeProvider _time;

    internal DatabaseXmlRepository(StorageDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    // IXmlRepository is synchronous; Data Protection calls it rarely (start-up and key-ring refreshes).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _db.EnsureMigratedAsync().GetAwaiter().GetResult();
        using var connection = _db.OpenConnection();
        using var command = Sql.Command(connection, null, "SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return new ReadOnlyCollection<XElement>(elements);
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _db.EnsureMigratedAsync().GetAwaiter().GetResult();
        using var connection = _db.OpenConnection();
        using var command = Sql.Command(connection, null,
                "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@n, @x, @t)")
            .With("@n", friendlyName)
            .With("@x", element.ToString(SaveOptions.DisableFormatting))
            .With("@t", Sql.ToUnixMs(_time.GetUtcNow()));
        command.ExecuteNonQuery();
    }
}
