using IopGuideBot.Storage;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// One key-ring certificate for the services a test run starts, kept outside their data directories, so a test can also
/// open a service's database afterwards (<see cref="OfflineStorage"/>) — or show that without it nothing decrypts.
/// </summary>
public static class TestKeyRing
{
    private static readonly Lazy<string> Certificate = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", "keyring-" + Environment.ProcessId, "keyring.pfx");
        KeyRingProtection.CreateCertificateFile(path);
        return path;
    });

    public static string CertificatePath => Certificate.Value;

    /// <summary>A certificate of its own, for a test that must not share one.</summary>
    public static string CreateSeparate()
    {
        var path = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", "keyring-" + Guid.NewGuid().ToString("N"), "keyring.pfx");
        KeyRingProtection.CreateCertificateFile(path);
        return path;
    }
}
