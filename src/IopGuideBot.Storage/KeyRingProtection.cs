using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace IopGuideBot.Storage;

/// <summary>
/// The key-encryption certificate (section <c>KeyRing</c>) that protects the Data Protection key ring. The ring lives in
/// the database with the data it encrypts, so without this a copy of the database file alone decrypts everything; with
/// it, each key is stored encrypted to the certificate, which lives elsewhere (a file outside the data directory, or a
/// certificate store).
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "KeyRing";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of a certificate in the current user's personal store ("My").</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>
    /// Certificates replaced by a rotation (.pfx paths): still used to decrypt keys they protected, never to protect new ones.
    /// </summary>
    public string[] PreviousCertificatePaths { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);
}

public static class KeyRingProtection
{
    /// <summary>
    /// Protects new keys with the configured certificate and decrypts with it and the previous ones. When
    /// <paramref name="createIfMissing"/> (Development only), a missing certificate file is created: a self-signed
    /// RSA-3072 certificate, owner-only (0600) in an owner-only directory.
    /// </summary>
    /// <exception cref="InvalidOperationException">The certificate cannot be found or read; the message says which setting.</exception>
    public static IDataProtectionBuilder ProtectKeyRingWith(this IDataProtectionBuilder builder, KeyRingOptions options, bool createIfMissing)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var current = LoadCurrent(options, createIfMissing);
        var previous = options.PreviousCertificatePaths.Select(path => LoadFile(path, options.CertificatePassword)).ToArray();
        return builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    /// <summary>Where Development keeps its certificate when none is configured: the user's profile, not the data directory.</summary>
    public static string DefaultDevelopmentCertificatePath(string contentRoot)
    {
        var profile = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        var folder = string.IsNullOrEmpty(profile) ? Path.Combine(contentRoot, "keys") : Path.Combine(profile, "iopguidebot");
        return Path.Combine(folder, "keyring-protection.pfx");
    }

    private static X509Certificate2 LoadCurrent(KeyRingOptions options, bool createIfMissing)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, options.CertificateThumbprint.Trim(), validOnly: false);
            return found.Count > 0 && found[0].HasPrivateKey
                ? found[0]
                : throw new InvalidOperationException(
                    $"KeyRing:CertificateThumbprint {options.CertificateThumbprint} is not in the current user's certificate store (with its private key).");
        }

        var path = options.CertificatePath!;
        if (!File.Exists(path) && createIfMissing)
        {
            CreateCertificateFile(path);
        }

        return LoadFile(path, options.CertificatePassword);
    }

    private static X509Certificate2 LoadFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The key-ring certificate file {path} does not exist (KeyRing:CertificatePath).");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The key-ring certificate {path} has no private key.");
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"The key-ring certificate {path} cannot be read ({ex.GetType().Name}); check KeyRing:CertificatePassword.", ex);
        }
    }

    /// <summary>Creates a self-signed key-encryption certificate file, owner-only; an existing file is kept.</summary>
    public static void CreateCertificateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        OwnerOnly.CreateDirectory(directory);

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=IopGuideBot key ring protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var pfx = certificate.Export(X509ContentType.Pfx);

        // Written aside and moved into place, so two services starting at once never read a half-written file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        OwnerOnly.WriteAllBytes(temporary, pfx);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another process created it first: use that one
        }
    }
}

/// <summary>Files and directories only the service's own user can read: PHI, logs and keys.</summary>
public static class OwnerOnly
{
    public const UnixFileMode OwnerFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerDirectoryMode);
        File.SetUnixFileMode(path, OwnerDirectoryMode); // an existing directory keeps its mode otherwise
    }

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFileMode;
        }

        using var stream = new FileStream(path, options);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Tightens a directory tree that an older version (or a default umask) left readable by others.</summary>
    public static void Restrict(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return;
        }

        File.SetUnixFileMode(directory, OwnerDirectoryMode);
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(entry, Directory.Exists(entry) ? OwnerDirectoryMode : OwnerFileMode);
        }
    }
}
