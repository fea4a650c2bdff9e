using System.Security.Cryptography;
using IopGuideBot.Storage.Database;
using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>
/// Protected health information stays protected when the database is copied: the key ring inside it is encrypted to a
/// certificate kept elsewhere; files are owner-only; and outside Development the service will not start without one.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class KeyRingTests
{
    private const string Canary = "CANARY-7f3a Jane Example 555-201-3344";

    [Fact]
    public async Task A_copy_of_the_database_files_alone_cannot_be_decrypted()
    {
        var dataDirectory = NewDirectory();
        var certificate = TestKeyRing.CreateSeparate();
        var chat = new ExpectRepliesChat();
        await using (var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["KeyRing__CertificatePath"] = certificate,
        }))
        {
            await service.WaitUntilHealthyAsync();
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            Assert.Equal(["crisis.suicide", "crisis.team.alerted", "crisis.check"], await chat.SayAsync(client, "honestly I don't want to be alive anymore"));
            await chat.SayAsync(client, Canary);
            service.Kill(); // as a thief would find it: no clean shutdown, the WAL still holding the latest pages
        }

        // What a thief copies: the database and its WAL, nothing else.
        var stolen = NewDirectory();
        Directory.CreateDirectory(stolen);
        foreach (var file in Directory.GetFiles(dataDirectory, "iopguidebot.db*"))
        {
            File.Copy(file, Path.Combine(stolen, Path.GetFileName(file)));
        }

        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = stolen };
        await using (var withoutKey = new OfflineStorage(settings))
        {
            Assert.DoesNotContain("<masterKey", await KeyRingXmlAsync(withoutKey.Database), StringComparison.Ordinal);
            await Assert.ThrowsAnyAsync<CryptographicException>(() => withoutKey.ReadAllAsync(chat.ConversationId));
            await Assert.ThrowsAnyAsync<CryptographicException>(() => withoutKey.Handoffs.GetByConversationAsync(chat.ConversationId));
        }

        // The same copy with the certificate reads fine: the data is there, only the key was missing.
        var again = NewDirectory();
        Directory.CreateDirectory(again);
        foreach (var file in Directory.GetFiles(dataDirectory, "iopguidebot.db*"))
        {
            File.Copy(file, Path.Combine(again, Path.GetFileName(file)));
        }

        await using var withKey = new OfflineStorage(new Dictionary<string, string?> { ["Storage:DataDirectory"] = again }, certificate);
        var logged = await withKey.ReadAllAsync(chat.ConversationId);
        Assert.Contains(logged, a => a.Activity.Text == Canary);
        Assert.NotNull(await withKey.Handoffs.GetByConversationAsync(chat.ConversationId));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Database_log_and_key_files_are_readable_by_their_owner_only()
    {
        var dataDirectory = NewDirectory();
        var certificate = Path.Combine(NewDirectory(), "keys", "keyring.pfx"); // created on first run (Development)
        await using (var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["KeyRing__CertificatePath"] = certificate,
        }))
        {
            await service.WaitUntilHealthyAsync();
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            await new ExpectRepliesChat().SayAsync(client, "what is an IOP?");
            service.Kill();
        }

        const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(dataDirectory));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(Path.Combine(dataDirectory, "logs")));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(Path.GetDirectoryName(certificate)!));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(certificate));
        var files = Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("iopguidebot.db-wal", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(OwnerFile, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_key_ring_certificate_and_says_so_in_one_line()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot__AllowAnonymousInProduction"] = "true",
            ["Storage__DataDirectory"] = NewDirectory(),
            ["KeyRing__CertificatePath"] = "",
        });

        Assert.NotEqual(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var reason = Assert.Single(service.Output.Split('\n'), line => line.Contains("KeyRing:CertificatePath", StringComparison.Ordinal));
        Assert.Contains("Refusing to start", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_ring_the_configured_certificate_cannot_decrypt_stops_start_up()
    {
        var dataDirectory = NewDirectory();
        var environment = new Dictionary<string, string> { ["Storage__DataDirectory"] = dataDirectory, ["KeyRing__CertificatePath"] = TestKeyRing.CreateSeparate() };
        await using (var first = ServiceProcess.Start(environment))
        {
            await first.WaitUntilHealthyAsync();
        }

        environment["KeyRing__CertificatePath"] = TestKeyRing.CreateSeparate();
        await using var second = ServiceProcess.Start(environment);

        Assert.NotEqual(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(second.Output.Split('\n'), line => line.Contains("cannot be decrypted with the KeyRing certificate", StringComparison.Ordinal));
    }

    private static async Task<string> KeyRingXmlAsync(StorageDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(xml, '') FROM data_protection_keys";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));
}
