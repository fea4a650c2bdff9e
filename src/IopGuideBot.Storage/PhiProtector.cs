using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;

namespace IopGuideBot.Storage;

/// <summary>
/// Encrypts protected health information before it reaches the database (ASP.NET Core Data Protection, key ring shared
/// by all instances through the database; see <see cref="Algorithms"/>).
/// </summary>
internal sealed class PhiProtector
{
    public const string Purpose = "IopGuideBot.Storage.Phi";

    /// <summary>
    /// What new keys encrypt with: AES-256-GCM (authenticated on its own, so the validation algorithm is unused). Why: the
    /// default AES-256-CBC + HMAC-SHA256 took 64 µs to protect and unprotect a 3 KB state, GCM 22–26 µs (BENCHMARKS.md,
    /// twelfth pass), and every turn does several. A key records its own algorithms, so keys made before (CBC) keep
    /// reading and writing until they expire and the next key is GCM.
    /// </summary>
    public static AuthenticatedEncryptorConfiguration Algorithms => new()
    {
        EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
        ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
    };

    private readonly IDataProtector _protector;

    public PhiProtector(IDataProtectionProvider provider)
    {
        _protector = provider.CreateProtector(Purpose);
    }

    public byte[] Protect(string plaintext) => _protector.Protect(Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(byte[] protectedData) => Encoding.UTF8.GetString(_protector.Unprotect(protectedData));
}
